// The views' accessible names are the browser tests' contract (tests/e2e/browser selects by them): these
// checks render each view against a stubbed fetch and look for them by role and name.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Handler = (url: string, init?: RequestInit) => Response | Promise<Response>;
let handler: Handler;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function sse(body: string): Response {
  return new Response(new TextEncoder().encode(body), { status: 200, headers: { "Content-Type": "text/event-stream" } });
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// What GET /v1/curriculum answers (a part of it): every view that offers topics asks once.
const CURRICULUM = {
  topics: [
    { topic: "variables", title: "Variables", concepts: ["values-and-types"], exercises: 3 },
    { topic: "loops", title: "Loops", concepts: ["loops"], exercises: 4 },
    { topic: "functions", title: "Functions", concepts: ["functions"], exercises: 5 },
  ],
  difficulties: ["easy", "medium", "hard"],
  levels: ["beginner", "learning", "proficient", "mastered"],
};
let curriculumRequests = 0;

function labelled(name: string, root: ParentNode = document): HTMLSelectElement {
  const label = Array.from(root.querySelectorAll("label")).find((l) => l.textContent === name)!;
  return document.getElementById(label.htmlFor) as HTMLSelectElement;
}

function optionTexts(select: HTMLSelectElement): string[] {
  return Array.from(select.options).map((o) => o.textContent ?? "");
}

beforeEach(async () => {
  curriculumRequests = 0;
  vi.stubGlobal("fetch", (url: string, init?: RequestInit) => {
    if (url === "/v1/curriculum") {
      curriculumRequests += 1;
      return Promise.resolve(json(CURRICULUM));
    }
    return Promise.resolve(handler(url, init));
  });
  (await import("../topics")).forgetCurriculum();
  document.body.innerHTML = "";
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("learn view", () => {
  it("streams an answer into an article with its route badge, then marks it done", async () => {
    handler = (url) => {
      expect(url).toBe("/v1/ask");
      return sse(
        'event: meta\ndata: {"route":"concepts","confidence":0.9,"needs_clarification":false}\n\n' +
          'event: delta\ndata: {"text":"<script>x</script> A loop"}\n\n' +
          `event: done\ndata: ${JSON.stringify({ interaction_id: "i", route: "concepts", confidence: 0.9, needs_clarification: false, message: "### Loops\n\nA **loop** repeats.", payload: {} })}\n\n`,
      );
    };
    const { learnView } = await import("./learn");
    const view = learnView();
    document.body.append(view.element);
    const log = document.querySelector('[role="log"][aria-label="Conversation"]');
    expect(log).not.toBeNull();
    const question = Array.from(document.querySelectorAll("label")).find((l) => l.textContent === "Your question");
    const textarea = document.getElementById(question!.htmlFor) as HTMLTextAreaElement;
    textarea.value = "what is a loop";
    expect(document.querySelector('[aria-label="Code editor"]')).not.toBeNull();
    const ask = Array.from(document.querySelectorAll("button")).find((b) => b.textContent === "Ask")!;
    ask.click();
    await until(() => document.querySelector('article[data-state="done"]') !== null, "the answer");
    const article = document.querySelector("article")!;
    expect(article.getAttribute("aria-busy")).toBe("false");
    expect(article.querySelector(".badge")?.textContent).toBe("Route: concepts");
    expect(article.querySelector("h3")?.textContent).toBe("Loops");
    expect(article.querySelector("script")).toBeNull();
    view.dispose?.();
  });

  it("opens the hint ladder and climbs it to the solution", async () => {
    let hintLevel = 1;
    handler = (url) => {
      if (url === "/v1/debug") {
        return json({ debug_id: "d1", interaction_id: "i", error_type: "IndexError", line: 2, column: null, message: "list index out of range", summary: "Past the end.", hint: "Look at line 2.", hint_level: 1, hints_remaining: 3, findings: [] });
      }
      hintLevel += 1;
      const last = hintLevel === 4;
      return json({ debug_id: "d1", hint: `Hint text ${hintLevel}`, hint_level: hintLevel, hints_remaining: 4 - hintLevel, solution: last ? "print(x[1])" : null });
    };
    const { learnView } = await import("./learn");
    const view = learnView();
    document.body.append(view.element);
    const buttons = () => Array.from(document.querySelectorAll("button"));
    // The editor is empty: nothing is sent.
    buttons().find((b) => b.textContent === "Find the bug")!.click();
    expect(hintLevel).toBe(1);
    const content = document.querySelector<HTMLElement>('[aria-label="Code editor"]')!;
    expect(content.getAttribute("contenteditable")).toBe("true");
    // Typing into CodeMirror is a browser concern; the panel is driven through the API here.
    const { DebugPanel } = await import("./debugPanel");
    const panel = new DebugPanel();
    document.body.append(panel.element);
    panel.show({ debug_id: "d1", error_type: "IndexError", line: 2, message: "m", summary: "s", hint: "Look at line 2.", hint_level: 1, hints_remaining: 3 });
    const headings = () => Array.from(panel.element.querySelectorAll("h3")).map((h) => h.textContent);
    expect(panel.element.getAttribute("aria-label")).toBe("Debugging");
    expect(headings()).toEqual(["Hint 1 of 3"]);
    for (let step = 2; step <= 4; step++) {
      const next = Array.from(panel.element.querySelectorAll("button")).find((b) => b.textContent === "Next hint")!;
      next.click();
      await until(() => headings().length === step || headings().includes("Solution"), `step ${step}`);
    }
    expect(headings()).toEqual(["Hint 1 of 3", "Hint 2 of 3", "Hint 3 of 3", "Solution"]);
    expect(panel.element.querySelector("pre code")?.textContent).toBe("print(x[1])");
    expect(Array.from(panel.element.querySelectorAll("button")).some((b) => b.textContent === "Next hint")).toBe(false);
    view.dispose?.();
  });
});

describe("practice view", () => {
  it("shows the exercise and the graded result", async () => {
    handler = (url) =>
      url === "/v1/exercises"
        ? json({ exercise_id: "ex1", title: "Double it", prompt: "Write `double(n)`.", topic: "functions", difficulty: "easy", starter_code: "def double(n):\n    pass\n", examples: [{ call: "double(2)", result: "4" }] })
        : json({ submission_id: "s", exercise_id: "ex1", status: "failed", passed: 1, total: 2, score: 0.5, results: [{ name: "doubles 2", passed: true, message: "" }, { name: "doubles 0", passed: false, message: "expected 0" }], feedback: "Close!", quality: { score: 0.9, findings: [{ line: 1, message: "unused import" }] } });
    const { practiceView } = await import("./practice");
    const view = practiceView();
    document.body.append(view.element);
    const labels = Array.from(document.querySelectorAll("label")).map((l) => l.textContent);
    expect(labels).toEqual(expect.arrayContaining(["Topic", "Difficulty"]));
    const topic = labelled("Topic");
    expect(optionTexts(topic)).toEqual(["Any topic", "Loading topics…"]);
    await until(() => topic.options.length === 4, "the topics");
    expect(optionTexts(topic)).toEqual(["Any topic", "Variables", "Loops", "Functions"]);
    expect(topic.value).toBe("");
    expect(optionTexts(labelled("Difficulty"))).toEqual(["Any", "easy", "medium", "hard"]);
    expect(curriculumRequests).toBe(1);
    Array.from(document.querySelectorAll("button")).find((b) => b.textContent === "New exercise")!.click();
    await until(() => document.querySelector("h2")?.textContent === "Double it", "the exercise");
    Array.from(document.querySelectorAll("button")).find((b) => b.textContent === "Submit")!.click();
    const result = () => document.querySelector<HTMLElement>('section[aria-label="Result"]')!;
    await until(() => !result().hidden, "the result");
    expect(result().textContent).toContain("Passed 1 of 2");
    expect(result().textContent).toContain("failed");
    expect(result().querySelector("caption")?.textContent).toBe("Test results");
    expect(result().querySelectorAll("tbody tr")).toHaveLength(2);
    expect(result().textContent).toContain("Line 1: unused import");
    view.dispose?.();
  });
});

describe("progress view", () => {
  it("renders the chart, the table and the streak", async () => {
    handler = () => json({ student_id: "student-1", topics: { loops: { mastery: 62.4, level: "learning" } }, overall_mastery: 31, streak_days: 3, struggling: ["loops"] });
    const { progressView } = await import("./progress");
    const view = progressView();
    document.body.append(view.element);
    view.activate?.();
    await until(() => document.querySelector('[role="img"]') !== null, "the chart");
    expect(document.querySelector('[role="img"]')?.getAttribute("aria-label")).toBe("Mastery per topic");
    expect(document.querySelector("caption")?.textContent).toBe("Mastery per topic");
    expect(document.body.textContent).toContain("Streak: 3 days");
    expect(document.querySelector("tbody td")?.textContent).toBe("62");
  });
});

describe("teacher view", () => {
  it("lists alerts with history links, refetches when an event arrives, and shows Live", async () => {
    let alertCalls = 0;
    handler = (url) => {
      if (url.startsWith("/v1/events")) {
        expect(url).toBe("/v1/events?type=learnflow.struggle.detected.v1");
        // One event, then the stream stays open (as the server's does).
        const event = new TextEncoder().encode(`id: 9\ndata: ${JSON.stringify({ id: "e9", type: "learnflow.struggle.detected.v1" })}\n\n`);
        return new Response(new ReadableStream({ start: (c) => c.enqueue(event) }), { headers: { "Content-Type": "text/event-stream" } });
      }
      if (url === "/v1/teacher/alerts") {
        alertCalls += 1;
        const alerts = [{ alert_id: "a1", student_id: "student-1", kind: "says_stuck", topic: "loops", reason: "said they are stuck", severity: "medium", created_at: "2026-11-26T10:00:00Z" }];
        return json({ alerts: alertCalls > 1 ? [...alerts, { ...alerts[0], alert_id: "a2", student_id: "student-2" }] : alerts });
      }
      if (url.startsWith("/v1/teacher/progress")) return json({ detail: "Not Found" }, 404);
      throw new Error(`unexpected ${url}`);
    };
    const { teacherView } = await import("./teacher");
    const view = teacherView();
    document.body.append(view.element);
    view.activate?.();
    const list = document.querySelector('[role="list"][aria-label="Struggle alerts"]')!;
    await until(() => list.querySelectorAll("li").length === 2, "the refetched alerts");
    const link = list.querySelector("a")!;
    expect(link.textContent).toBe("History of student-1");
    expect(link.getAttribute("href")).toBe("#/teacher/students/student-1");
    expect(document.querySelector(".feed-state")?.textContent).toBe("Live");
    expect(document.querySelector('section[aria-label="Class progress"]')?.textContent).toContain("not available");
    const form = document.querySelector('form[aria-label="New exercise"]')!;
    const labels = Array.from(form.querySelectorAll("label")).map((l) => l.textContent);
    expect(labels).toEqual(expect.arrayContaining(["Title", "Prompt", "Topic", "Difficulty", "Starter code", "Test name", "Test code"]));
    await until(() => labelled("Topic", form).options.length === 3, "the topics");
    expect(Array.from(labelled("Topic", form).options).map((o) => o.value)).toEqual(["variables", "loops", "functions"]);
    expect(labelled("Difficulty", form).value).toBe("easy");
    view.dispose?.();
  });

  it("shows a 422 detail next to the exercise form and the id on success", async () => {
    let calls = 0;
    handler = (url) => {
      if (url === "/v1/teacher/exercises") {
        calls += 1;
        return calls === 1
          ? json({ detail: [{ loc: ["body", "title"], msg: "String should have at least 1 character", type: "string_too_short" }] }, 422)
          : json({ exercise_id: "teacher-double-1", title: "Double" }, 201);
      }
      return json({ alerts: [], students: [] });
    };
    const { teacherView } = await import("./teacher");
    const view = teacherView();
    document.body.append(view.element);
    const form = document.querySelector<HTMLFormElement>('form[aria-label="New exercise"]')!;
    form.requestSubmit();
    await until(() => form.querySelector('[role="alert"]') !== null, "the 422 detail");
    expect(form.querySelector('[role="alert"]')?.textContent).toContain("title: String should have at least 1 character");
    form.requestSubmit();
    await until(() => (form.textContent ?? "").includes("Created exercise teacher-double-1"), "the success text");
    view.dispose?.();
  });
});
