import { describe, expect, it } from "vitest";
import { renderMarkdown, safeHref } from "./markdown";

function html(source: string): HTMLElement {
  const root = document.createElement("div");
  root.append(renderMarkdown(source));
  return root;
}

function allAttributes(root: Element): string[] {
  return Array.from(root.querySelectorAll("*")).flatMap((el) => Array.from(el.attributes).map((a) => a.name.toLowerCase()));
}

describe("renderMarkdown: untrusted text never becomes live HTML", () => {
  const attacks = [
    "<script>alert(1)</script>",
    "Hello <img src=x onerror=alert(1)> there",
    '<a href="javascript:alert(1)" onclick="alert(2)">x</a>',
    "**<svg onload=alert(1)>**",
    "`<script>alert(1)</script>`",
    "```\n</code></pre><script>alert(1)</script>\n```",
    "- <iframe src=javascript:alert(1)>",
    "<style>body{display:none}</style>",
  ];

  it.each(attacks)("renders %j as text only", (source) => {
    const root = html(source);
    expect(root.querySelector("script, img, svg, iframe, style, object, embed")).toBeNull();
    expect(allAttributes(root).filter((name) => name.startsWith("on"))).toEqual([]);
    expect(Array.from(root.querySelectorAll("a")).map((a) => a.getAttribute("href"))).toEqual([]);
    // The characters are kept, visibly, as text.
    expect(root.textContent).toContain("<");
  });

  it.each([
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "[click](vbscript:msgbox)",
    "[click](&#106;avascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](//evil.example/x)",
  ])("drops the link in %j", (source) => {
    const root = html(source);
    expect(root.querySelector("a")).toBeNull();
    expect(root.textContent).toContain("click");
  });

  it("keeps http(s), mailto and in-app links, opening external ones safely", () => {
    const root = html("See [the docs](https://docs.python.org/3/) or [Practice](#/practice).");
    const [external, internal] = Array.from(root.querySelectorAll("a"));
    expect(external.getAttribute("href")).toBe("https://docs.python.org/3/");
    expect(external.getAttribute("rel")).toContain("noopener");
    expect(internal.getAttribute("href")).toBe("#/practice");
    expect(internal.hasAttribute("target")).toBe(false);
    expect(safeHref("mailto:teacher@example.org")).toBe("mailto:teacher@example.org");
    expect(safeHref(" javascript:alert(1)")).toBeNull();
  });
});

describe("renderMarkdown: the subset the tutor writes", () => {
  it("renders headings, paragraphs, bold, italics and inline code", () => {
    const root = html("### Loops\n\nA **for** loop walks over `range(3)`.\n\n_Ask for the next hint when you want more help (2 left)._");
    expect(root.querySelector("h3")?.textContent).toBe("Loops");
    expect(root.querySelector("strong")?.textContent).toBe("for");
    expect(root.querySelector("p code")?.textContent).toBe("range(3)");
    expect(root.querySelector("em")?.textContent).toContain("next hint");
  });

  it("keeps fenced code verbatim, with its language, also when a paragraph line precedes it", () => {
    const root = html("Output:\n```\n>>> f(2)\n4\n```\n\n```python\ndef f(x):\n    return x * 2  # **not bold**\n```");
    const blocks = root.querySelectorAll("pre code");
    expect(blocks).toHaveLength(2);
    expect(blocks[0].textContent).toBe(">>> f(2)\n4");
    expect(blocks[1].className).toBe("language-python");
    expect(blocks[1].textContent).toContain("# **not bold**");
    expect(root.querySelector("p")?.textContent).toBe("Output:");
  });

  it("renders an unclosed fence (a stream still arriving) as code", () => {
    const root = html("```python\nfor i in range(3):\n    print(i)");
    expect(root.querySelector("pre code")?.textContent).toBe("for i in range(3):\n    print(i)");
  });

  it("renders bullet and numbered lists", () => {
    const root = html("- one\n- two `x`\n\n1. first\n2. second");
    expect(Array.from(root.querySelectorAll("ul li")).map((li) => li.textContent)).toEqual(["one", "two x"]);
    expect(root.querySelectorAll("ol li")).toHaveLength(2);
  });

  it("does not treat snake_case names as italics", () => {
    const root = html("Call my_function_name with some_value.");
    expect(root.querySelector("em")).toBeNull();
    expect(root.textContent).toBe("Call my_function_name with some_value.");
  });

  it("nests headings under the page's level", () => {
    const root = document.createElement("div");
    root.append(renderMarkdown("# Title\n\n### Sub", { topHeading: 4 }));
    expect(Array.from(root.querySelectorAll("h4, h5, h6")).map((h) => h.tagName)).toEqual(["H4", "H4"]);
  });
});
