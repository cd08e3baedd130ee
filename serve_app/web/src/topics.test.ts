import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api/errors";
import type { Curriculum } from "./api/types";
import { status } from "./components/status";
import { fillTopicSelect, forgetCurriculum, loadCurriculum, LOADING_TOPICS, topicLabel, UNAVAILABLE } from "./topics";

const CURRICULUM: Curriculum = {
  topics: [
    { topic: "loops", title: "Loops", concepts: ["loops"], exercises: 4 },
    { topic: "lists", title: "Lists", concepts: ["lists"], exercises: 2 },
  ],
  difficulties: ["easy", "medium", "hard"],
  levels: ["beginner", "learning", "proficient", "mastered"],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

let answers: Response[];
let requested: string[];

beforeEach(() => {
  forgetCurriculum();
  status.clear();
  requested = [];
  answers = [];
  vi.stubGlobal("fetch", (url: string) => {
    requested.push(url);
    return Promise.resolve(answers.shift() ?? json(CURRICULUM));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("loadCurriculum", () => {
  it("fetches GET /v1/curriculum once and shares the answer", async () => {
    const [first, second] = await Promise.all([loadCurriculum(), loadCurriculum()]);
    expect(await loadCurriculum()).toBe(first);
    expect(second).toBe(first);
    expect(first.topics.map((t) => t.topic)).toEqual(["loops", "lists"]);
    expect(requested).toEqual(["/v1/curriculum"]);
  });

  it("shows a failure in the status region and asks again next time", async () => {
    answers.push(json({ detail: "Missing bearer token" }, 401));
    await expect(loadCurriculum()).rejects.toBeInstanceOf(ApiError);
    expect(status.element.dataset.tone).toBe("error");
    expect(status.element.textContent).not.toBe("");
    expect((await loadCurriculum()).topics).toHaveLength(2);
    expect(requested).toEqual(["/v1/curriculum", "/v1/curriculum"]);
  });
});

describe("fillTopicSelect", () => {
  it("shows a disabled placeholder, then the topics after the options already there", async () => {
    const select = document.createElement("select");
    select.append(new Option("Any topic", ""));
    const filled = fillTopicSelect(select);
    expect(Array.from(select.options).map((o) => [o.textContent, o.disabled])).toEqual([
      ["Any topic", false],
      [LOADING_TOPICS, true],
    ]);
    expect(await filled).toBe(true);
    expect(Array.from(select.options).map((o) => [o.value, o.textContent])).toEqual([
      ["", "Any topic"],
      ["loops", "Loops"],
      ["lists", "Lists"],
    ]);
    expect(select.value).toBe("");
  });

  it("says the topics are not loaded and retries when the select gets focus", async () => {
    answers.push(json({ detail: "boom" }, 500));
    const select = document.createElement("select");
    document.body.append(select);
    expect(await fillTopicSelect(select)).toBe(false);
    expect(select.options[0].textContent).toBe(UNAVAILABLE);
    select.dispatchEvent(new FocusEvent("focus"));
    await vi.waitFor(() => expect(select.options).toHaveLength(2));
    expect(select.value).toBe("loops");
    select.remove();
  });
});

it("labels a topic for people", () => {
  expect(topicLabel("loops")).toBe("Loops");
  expect(topicLabel("list_methods")).toBe("List methods");
});
