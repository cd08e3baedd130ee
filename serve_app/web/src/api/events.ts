// A live subscription to GET /v1/events: SSE over fetch (so the bearer token is sent),
// resumed with Last-Event-ID after a drop, with capped exponential backoff.

import type { ApiClient } from "./client";
import { ApiError, isAbort } from "./errors";
import { readSse, SseParser } from "./sse";
import type { CloudEvent } from "./types";

export type FeedState = "connecting" | "live" | "reconnecting" | "denied" | "stopped";

export interface SubscriptionOptions {
  client: ApiClient;
  /** Query parameters of /v1/events, e.g. {type: "learnflow.struggle.detected.v1"}. */
  query: Record<string, string>;
  onEvent(event: CloudEvent, cursor: string): void;
  onState?(state: FeedState, error?: ApiError): void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Reconnect when nothing (not even a heartbeat) arrived for this long: a proxy or a
   * sleeping laptop can leave a dead connection that never errors. The server sends a
   * heartbeat every 15 s by default.
   */
  idleTimeoutMs?: number;
  /** Injected in tests; resolves after `ms` or when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** Delay before reconnect attempt `attempt` (0-based): doubling from the base, capped, jittered. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  // Up to 20% jitter spreads the reconnects of many open tabs after a restart.
  return Math.round(raw * (0.8 + 0.2 * random()));
}

export class EventSubscription {
  /** The cursor of the last event received: sent back as Last-Event-ID on reconnect. */
  lastEventId = "";
  private readonly controller = new AbortController();
  private readonly seen = new Set<string>();
  private running: Promise<void> | null = null;

  constructor(private readonly options: SubscriptionOptions) {}

  start(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  stop(): void {
    this.controller.abort();
  }

  private setState(state: FeedState, error?: ApiError): void {
    this.options.onState?.(state, error);
  }

  private async loop(): Promise<void> {
    const { signal } = this.controller;
    const base = this.options.initialDelayMs ?? 1000;
    const max = this.options.maxDelayMs ?? 30_000;
    const sleep = this.options.sleep ?? defaultSleep;
    const random = this.options.random ?? Math.random;
    let attempt = 0;
    let serverRetry: number | null = null;
    const idleMs = this.options.idleTimeoutMs ?? 60_000;
    this.setState("connecting");
    while (!signal.aborted) {
      // One controller per connection: stop() aborts it, and so does the idle watchdog.
      const connection = new AbortController();
      const abortConnection = (): void => connection.abort();
      signal.addEventListener("abort", abortConnection, { once: true });
      let idleTimer: ReturnType<typeof setTimeout> | null = null;
      const touch = (): void => {
        if (idleTimer !== null) clearTimeout(idleTimer);
        idleTimer = setTimeout(abortConnection, idleMs);
      };
      try {
        const parser = new SseParser();
        parser.lastEventId = this.lastEventId;
        const headers: Record<string, string> = { Accept: "text/event-stream" };
        if (this.lastEventId) headers["Last-Event-ID"] = this.lastEventId;
        const query = new URLSearchParams(this.options.query).toString();
        touch();
        const response = await this.options.client.open(`/v1/events${query ? `?${query}` : ""}`, {
          headers,
          signal: connection.signal,
        });
        if (response.body === null) throw new ApiError("network", null, "the event stream has no body");
        attempt = 0;
        this.setState("live");
        for await (const message of readSse(response.body, parser, touch)) {
          this.lastEventId = message.lastEventId;
          this.deliver(message.data, message.lastEventId);
        }
        serverRetry = parser.retryMs;
      } catch (error) {
        if (signal.aborted) break;
        if (isAbort(error)) {
          // The watchdog gave up on a silent connection: reconnect like after a drop.
          serverRetry = null;
        } else {
          const apiError = error instanceof ApiError ? error : new ApiError("network", null, String(error));
          if (!apiError.transient && apiError.kind !== "server") {
            // 401/403/422 will not fix themselves by retrying: say so and stop.
            this.setState("denied", apiError);
            return;
          }
          if (apiError.retryAfterSeconds !== null) serverRetry = apiError.retryAfterSeconds * 1000;
        }
      } finally {
        if (idleTimer !== null) clearTimeout(idleTimer);
        signal.removeEventListener("abort", abortConnection);
      }
      if (signal.aborted) break;
      this.setState("reconnecting");
      const delay = Math.max(serverRetry ?? 0, backoffDelay(attempt, base, max, random));
      attempt += 1;
      await sleep(delay, signal);
    }
    this.setState("stopped");
  }

  private deliver(data: string, cursor: string): void {
    let event: CloudEvent;
    try {
      event = JSON.parse(data) as CloudEvent;
    } catch {
      return; // one unreadable message must not end the feed
    }
    // Delivery is at least once (a resumed stream may repeat): dedupe by the event id.
    if (typeof event.id === "string") {
      if (this.seen.has(event.id)) return;
      this.seen.add(event.id);
    }
    this.options.onEvent(event, cursor);
  }
}
