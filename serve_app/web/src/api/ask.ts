// POST /v1/ask as a stream: `meta` (route), `delta`s of markdown, an optional `retract`
// (drop what came so far: an LLM answer failed its grounding check, the card's text follows)
// and `done` with the final answer (serve_app/api/routes/tutoring.py).

import type { ApiClient } from "./client";
import { ApiError } from "./errors";
import { readSse, type SseMessage } from "./sse";
import type { AskAnswer, AskMeta, AskRequest } from "./types";

export interface AskHandlers {
  onMeta?(meta: AskMeta): void;
  /** The whole text so far, after each change. */
  onText?(text: string): void;
  onRetract?(reason: string): void;
}

/** The answer's text as events arrive; `done` is authoritative. */
export class AnswerText {
  text = "";
  meta: AskMeta | null = null;
  answer: AskAnswer | null = null;
  retractions = 0;

  /** Applies one SSE message; returns true when the visible text changed. */
  apply(message: SseMessage): boolean {
    const data = parseData(message);
    switch (message.event) {
      case "meta":
        this.meta = data as unknown as AskMeta;
        return false;
      case "delta": {
        const piece = typeof data.text === "string" ? data.text : "";
        this.text += piece;
        return piece.length > 0;
      }
      case "retract":
        this.retractions += 1;
        this.text = "";
        return true;
      case "done": {
        this.answer = data as unknown as AskAnswer;
        this.meta ??= this.answer;
        const changed = this.text !== this.answer.message;
        this.text = this.answer.message;
        return changed;
      }
      case "error":
        throw new ApiError("server", null, typeof data.detail === "string" ? data.detail : "the answer failed");
      default:
        return false;
    }
  }
}

function parseData(message: SseMessage): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(message.data);
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    throw new ApiError("server", null, `the tutor sent an unreadable ${message.event} event`);
  }
}

export async function streamAsk(
  client: ApiClient,
  body: AskRequest,
  handlers: AskHandlers,
  signal?: AbortSignal,
): Promise<AskAnswer> {
  const response = await client.open("/v1/ask", {
    method: "POST",
    body,
    headers: { Accept: "text/event-stream" },
    signal,
  });
  const state = new AnswerText();
  const contentType = response.headers.get("Content-Type") ?? "";
  if (!contentType.includes("text/event-stream") || response.body === null) {
    // A server (or proxy) that answered with plain JSON: show it in one go.
    const answer = (await response.json()) as AskAnswer;
    handlers.onMeta?.(answer);
    handlers.onText?.(answer.message);
    return answer;
  }
  for await (const message of readSse(response.body)) {
    const hadMeta = state.meta !== null;
    const changed = state.apply(message);
    if (!hadMeta && state.meta !== null) handlers.onMeta?.(state.meta);
    if (message.event === "retract") {
      handlers.onRetract?.(String(JSON.parse(message.data).reason ?? ""));
    }
    if (changed) handlers.onText?.(state.text);
    if (state.answer) return state.answer;
  }
  throw new ApiError("network", null, "the answer stopped before it was complete");
}
