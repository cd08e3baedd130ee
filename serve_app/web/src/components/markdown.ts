// A small markdown renderer for what the tutor writes (headings, paragraphs, fenced and
// inline code, bold, italics, lists, links). It builds DOM nodes and sets only textContent
// and a vetted href, so untrusted text can never become live HTML: there is no innerHTML.

const SAFE_URL = /^(https?:\/\/|mailto:|#\/)/i;

/** Only http(s), mailto and in-app hash links survive; javascript:, data: etc. become text. */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  // Control characters and whitespace inside a scheme are how filters get bypassed.
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  return SAFE_URL.test(trimmed) ? trimmed : null;
}

type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "code"; lang: string; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "paragraph"; lines: string[] };

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || BULLET.test(line) || ORDERED.test(line);
}

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i += 1;
      // An unclosed fence (a stream still arriving) runs to the end of the text.
      while (i < lines.length && !lines[i].trim().startsWith(marker)) {
        body.push(lines[i]);
        i += 1;
      }
      i += 1;
      blocks.push({ kind: "code", lang: fence[2], text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1].length, text: heading[2] });
      i += 1;
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      const isOrdered = !bullet;
      const pattern = isOrdered ? ORDERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const match = pattern.exec(lines[i]);
        if (match) {
          items.push(match[1]);
        } else if (lines[i].trim() !== "" && /^\s{2,}/.test(lines[i]) && items.length > 0) {
          items[items.length - 1] += ` ${lines[i].trim()}`; // a wrapped item continues
        } else {
          break;
        }
        i += 1;
      }
      blocks.push({ kind: "list", ordered: isOrdered, items });
      continue;
    }
    if (line.trim() === "") {
      i += 1;
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() !== "" && !startsBlock(lines[i])) {
      paragraph.push(lines[i].trim());
      i += 1;
    }
    blocks.push({ kind: "paragraph", lines: paragraph });
  }
  return blocks;
}

// Inline spans, tried in order at each position: code first so nothing inside it is parsed.
const INLINE = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__|\*(?=\S)([^*]*?\S)\*|(?<![\w])_(?=\S)([^_]*?\S)_(?![\w])|\[([^\]\n]+)\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)\)/;

export function renderInline(text: string, parent: Node, depth = 0): void {
  let rest = text;
  while (rest.length > 0) {
    const match = depth > 4 ? null : INLINE.exec(rest);
    if (!match) {
      parent.appendChild(document.createTextNode(rest));
      return;
    }
    if (match.index > 0) parent.appendChild(document.createTextNode(rest.slice(0, match.index)));
    const [whole, , code, bold1, bold2, em1, em2, linkText, linkUrl] = match;
    if (code !== undefined) {
      const element = document.createElement("code");
      element.textContent = code.length > 2 && code.startsWith(" ") && code.endsWith(" ") ? code.slice(1, -1) : code;
      parent.appendChild(element);
    } else if (bold1 !== undefined || bold2 !== undefined) {
      const element = document.createElement("strong");
      renderInline(bold1 ?? bold2, element, depth + 1);
      parent.appendChild(element);
    } else if (em1 !== undefined || em2 !== undefined) {
      const element = document.createElement("em");
      renderInline(em1 ?? em2, element, depth + 1);
      parent.appendChild(element);
    } else if (linkText !== undefined) {
      const href = safeHref(linkUrl);
      if (href === null) {
        parent.appendChild(document.createTextNode(whole));
      } else {
        const anchor = document.createElement("a");
        anchor.setAttribute("href", href);
        if (!href.startsWith("#")) {
          anchor.setAttribute("rel", "noopener noreferrer nofollow");
          anchor.setAttribute("target", "_blank");
        }
        renderInline(linkText, anchor, depth + 1);
        parent.appendChild(anchor);
      }
    }
    rest = rest.slice(match.index + whole.length);
  }
}

export interface MarkdownOptions {
  /** The heading level a "#" maps to, so answers nest under the page's own headings. */
  topHeading?: number;
}

export function renderMarkdown(source: string, options: MarkdownOptions = {}): DocumentFragment {
  const top = options.topHeading ?? 3;
  const fragment = document.createDocumentFragment();
  for (const block of parseBlocks(source)) {
    switch (block.kind) {
      case "heading": {
        const level = Math.min(6, Math.max(top, top + block.level - 3));
        const element = document.createElement(`h${level}`);
        renderInline(block.text, element);
        fragment.appendChild(element);
        break;
      }
      case "code": {
        const pre = document.createElement("pre");
        const code = document.createElement("code");
        if (/^[\w+-]+$/.test(block.lang)) code.className = `language-${block.lang}`;
        code.textContent = block.text;
        pre.appendChild(code);
        pre.tabIndex = 0; // long lines scroll: keyboard users must reach the scrollbar
        fragment.appendChild(pre);
        break;
      }
      case "list": {
        const list = document.createElement(block.ordered ? "ol" : "ul");
        for (const item of block.items) {
          const li = document.createElement("li");
          renderInline(item, li);
          list.appendChild(li);
        }
        fragment.appendChild(list);
        break;
      }
      case "paragraph": {
        const p = document.createElement("p");
        block.lines.forEach((line, index) => {
          if (index > 0) p.appendChild(document.createElement("br"));
          renderInline(line, p);
        });
        fragment.appendChild(p);
        break;
      }
    }
  }
  return fragment;
}

/** Replaces an element's content with rendered markdown. */
export function setMarkdown(element: Element, source: string, options?: MarkdownOptions): void {
  element.replaceChildren(renderMarkdown(source, options));
}
