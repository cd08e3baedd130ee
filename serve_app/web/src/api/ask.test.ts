// @vitest-environment node
import { describe, expect, it } from "vitest";
import { AnswerText, streamAsk } from "./ask";
import { ApiClient } from "./client";
import { ApiError } from "./errors";

function sse(body: string, chunkSize = 5): Response {
  const bytes = new TextEncoder().encode(body);
  return new Response(
    new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += chunkSize) controller.enqueue(bytes.slice(i, i + chunkSize));
        controller.close();
      },
    }),
    { status: 200, headers: { "Content-Type": "text/event-stream; charset=utf-8" } },
  );
}

const done = (message: string, route = "concepts") =>
  `event: done\ndata: ${JSON.stringify({ interaction_id: "i1", route, confidence: 0.9, needs_clarification: false, message, payload: {} })}\n\n`;

describe("AnswerText", () => {
  it("appends deltas, clears on retract, and takes done's message as final", () => {
    const state = new AnswerText();
    state.apply({ event: "meta", data: '{"route":"concepts","confidence":1,"needs_clarification":false}', lastEventId: "" });
    state.apply({ event: "delta", data: '{"text":"A wrong "}', lastEventId: "" });
    state.apply({ event: "delta", data: '{"text":"answer"}', lastEventId: "" });
    expect(state.text).toBe("A wrong answer");
    expect(state.apply({ event: "retract", data: '{"reason":"not grounded"}', lastEventId: "" })).toBe(true);
    expect(state.text).toBe("");
    state.apply({ event: "delta", data: '{"text":"The card"}', lastEventId: "" });
    expect(state.text).toBe("The card");
    state.apply({ event: "done", data: JSON.stringify({ route: "concepts", message: "### Loops\n\nThe card" }), lastEventId: "" });
    expect(state.text).toBe("### Loops\n\nThe card");
    expect(state.retractions).toBe(1);
    expect(state.meta?.route).toBe("concepts");
  });

  it("refuses unreadable data with a typed error", () => {
    expect(() => new AnswerText().apply({ event: "delta", data: "{not json", lastEventId: "" })).toThrow(ApiError);
  });
});

describe("streamAsk", () => {
  it("posts with Accept: text/event-stream and reports meta, growing text and the answer", async () => {
    let accept: string | null = null;
    const client = new ApiClient(
      () => "",
      async (_url, init) => {
        accept = new Headers(init?.headers).get("Accept");
        return sse(
          'event: meta\ndata: {"route":"concepts","confidence":0.8,"needs_clarification":false}\n\n' +
            'event: delta\ndata: {"text":"Recursion is "}\n\n: keep-alive\n\n' +
            'event: delta\ndata: {"text":"a function calling itself."}\n\n' +
            'event: retract\ndata: {"reason":"strayed"}\n\n' +
            'event: delta\ndata: {"text":"From the card."}\n\n' +
            done("From the card."),
        );
      },
    );
    const texts: string[] = [];
    const routes: string[] = [];
    const reasons: string[] = [];
    const answer = await streamAsk(client, { student_id: "s1", text: "what is recursion" }, {
      onMeta: (m) => routes.push(m.route),
      onText: (t) => texts.push(t),
      onRetract: (r) => reasons.push(r),
    });
    expect(accept).toBe("text/event-stream");
    expect(routes).toEqual(["concepts"]);
    expect(texts).toEqual(["Recursion is ", "Recursion is a function calling itself.", "", "From the card."]);
    expect(reasons).toEqual(["strayed"]);
    expect(answer.interaction_id).toBe("i1");
  });

  it("fails with a network error when the stream ends before done", async () => {
    const client = new ApiClient(() => "", async () => sse('event: meta\ndata: {"route":"debug"}\n\nevent: delta\ndata: {"text":"x"}\n\n'));
    await expect(streamAsk(client, { student_id: "s1", text: "t" }, {})).rejects.toMatchObject({ kind: "network" });
  });

  it("falls back to a plain JSON answer", async () => {
    const body = { interaction_id: "i2", route: "off_topic", confidence: 1, needs_clarification: false, message: "Let's talk Python.", payload: {} };
    const client = new ApiClient(() => "", async () => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } }));
    const texts: string[] = [];
    const answer = await streamAsk(client, { student_id: "s1", text: "hi" }, { onText: (t) => texts.push(t) });
    expect(answer.route).toBe("off_topic");
    expect(texts).toEqual(["Let's talk Python."]);
  });

  it("maps a 429 before the stream starts to a typed error", async () => {
    const client = new ApiClient(
      () => "",
      async () => new Response(JSON.stringify({ detail: "daily LLM quota reached" }), { status: 429, headers: { "Retry-After": "60" } }),
    );
    await expect(streamAsk(client, { student_id: "s1", text: "t" }, {})).rejects.toMatchObject({ kind: "rate_limited", retryAfterSeconds: 60 });
  });
});
