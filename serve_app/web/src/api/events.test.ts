// @vitest-environment node
import { describe, expect, it } from "vitest";
import { ApiClient } from "./client";
import { backoffDelay, EventSubscription, type FeedState } from "./events";
import type { CloudEvent } from "./types";

function sse(body: string): Response {
  return new Response(new TextEncoder().encode(body), { status: 200, headers: { "Content-Type": "text/event-stream" } });
}

const envelope = (id: string) => JSON.stringify({ id, type: "learnflow.struggle.detected.v1", data: { topic: "loops" } });

describe("EventSubscription", () => {
  it("resumes with Last-Event-ID after the stream drops, and dedupes repeated events", async () => {
    const requests: { url: string; lastEventId: string | null; auth: string | null }[] = [];
    const answers = [
      () => sse(`retry: 3000\n\nid: 5\ndata: ${envelope("e5")}\n\n: keep-alive\n\nid: 6\ndata: ${envelope("e6")}\n\n`),
      () => new Response(JSON.stringify({ detail: "database unavailable" }), { status: 503, headers: { "Retry-After": "5" } }),
      () => sse(`id: 6\ndata: ${envelope("e6")}\n\nid: 7\ndata: ${envelope("e7")}\n\n`),
    ];
    const sleeps: number[] = [];
    const events: string[] = [];
    const states: FeedState[] = [];
    const subscription: EventSubscription = new EventSubscription({
      client: new ApiClient(
        () => "tok",
        async (url, init) => {
          const headers = new Headers(init?.headers);
          requests.push({ url, lastEventId: headers.get("Last-Event-ID"), auth: headers.get("Authorization") });
          const next = answers.shift();
          if (!next) {
            subscription.stop();
            throw new DOMException("aborted", "AbortError");
          }
          return next();
        },
      ),
      query: { type: "learnflow.struggle.detected.v1" },
      onEvent: (event: CloudEvent, cursor) => events.push(`${event.id}@${cursor}`),
      onState: (state) => states.push(state),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
    });
    await subscription.start();
    expect(requests[0]).toEqual({ url: "/v1/events?type=learnflow.struggle.detected.v1", lastEventId: null, auth: "Bearer tok" });
    expect(requests[1].lastEventId).toBe("6");
    expect(requests[2].lastEventId).toBe("6");
    expect(requests[3].lastEventId).toBe("7");
    expect(events).toEqual(["e5@5", "e6@6", "e7@7"]);
    expect(states[0]).toBe("connecting");
    expect(states).toContain("live");
    expect(states).toContain("reconnecting");
    expect(states[states.length - 1]).toBe("stopped");
    // The server's retry (3 s) and Retry-After (5 s) are respected as lower bounds.
    expect(sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(sleeps[1]).toBeGreaterThanOrEqual(5000);
  });

  it("stops with 'denied' on 403 instead of retrying forever", async () => {
    let calls = 0;
    const states: FeedState[] = [];
    const subscription = new EventSubscription({
      client: new ApiClient(
        () => "",
        async () => {
          calls += 1;
          return new Response(JSON.stringify({ detail: "admin role required" }), { status: 403 });
        },
      ),
      query: {},
      onEvent: () => undefined,
      onState: (state) => states.push(state),
      sleep: async () => undefined,
    });
    await subscription.start();
    expect(calls).toBe(1);
    expect(states).toEqual(["connecting", "denied"]);
  });

  it("backs off exponentially with a cap after repeated network failures", async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const subscription: EventSubscription = new EventSubscription({
      client: new ApiClient(
        () => "",
        async () => {
          calls += 1;
          if (calls > 6) subscription.stop();
          throw new TypeError("Failed to fetch");
        },
      ),
      query: {},
      onEvent: () => undefined,
      initialDelayMs: 1000,
      maxDelayMs: 8000,
      random: () => 1,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    await subscription.start();
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });
});

describe("EventSubscription idle watchdog", () => {
  it("drops a connection that stays silent and reconnects with the last id", async () => {
    const lastIds: (string | null)[] = [];
    const subscription: EventSubscription = new EventSubscription({
      client: new ApiClient(
        () => "",
        async (_url, init) => {
          lastIds.push(new Headers(init?.headers).get("Last-Event-ID"));
          if (lastIds.length > 1) {
            subscription.stop();
            throw new DOMException("aborted", "AbortError");
          }
          const signal = init?.signal;
          // One event, then silence: like a connection a proxy silently dropped.
          return new Response(
            new ReadableStream({
              start(controller) {
                controller.enqueue(new TextEncoder().encode(`id: 3\ndata: ${envelope("e3")}\n\n`));
                signal?.addEventListener("abort", () => controller.error(new DOMException("aborted", "AbortError")));
              },
            }),
            { headers: { "Content-Type": "text/event-stream" } },
          );
        },
      ),
      query: {},
      onEvent: () => undefined,
      idleTimeoutMs: 30,
      sleep: async () => undefined,
    });
    await subscription.start();
    expect(lastIds).toEqual([null, "3"]);
  });
});

describe("backoffDelay", () => {
  it("doubles, caps and jitters downwards by at most 20%", () => {
    expect(backoffDelay(0, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 30_000, () => 1)).toBe(8000);
    expect(backoffDelay(50, 1000, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(0, 1000, 30_000, () => 0)).toBe(800);
  });
});
