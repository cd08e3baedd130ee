// Server-Sent Events over fetch: EventSource cannot send an Authorization header or POST a
// body, so the stream is read from a ReadableStream and parsed here (WHATWG SSE rules).

export interface SseMessage {
  /** The `event:` field, "message" when absent. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last event id seen so far (ids persist across messages, as in EventSource). */
  lastEventId: string;
}

/** Incremental parser: feed it decoded text in any chunking, get complete messages back. */
export class SseParser {
  lastEventId = "";
  /** The server's `retry:` advice in milliseconds, if it sent one. */
  retryMs: number | null = null;
  /** How many comment lines (heartbeats such as ": keep-alive") arrived. */
  comments = 0;

  private buffer = "";
  private eventType = "";
  private dataLines: string[] = [];
  private hasData = false;

  feed(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let start = 0;
    for (;;) {
      const cr = this.buffer.indexOf("\r", start);
      const lf = this.buffer.indexOf("\n", start);
      if (cr === -1 && lf === -1) break;
      let end: number;
      let next: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A lone "\r" at the end may be the first half of "\r\n": wait for more text.
        if (cr === this.buffer.length - 1) break;
        end = cr;
        next = this.buffer[cr + 1] === "\n" ? cr + 2 : cr + 1;
      } else {
        end = lf;
        next = lf + 1;
      }
      const message = this.line(this.buffer.slice(start, end));
      if (message) out.push(message);
      start = next;
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  /** The stream ended: a trailing "\r" completes its line; an unterminated event is dropped. */
  end(): SseMessage[] {
    const out: SseMessage[] = [];
    if (this.buffer.endsWith("\r")) {
      const message = this.line(this.buffer.slice(0, -1));
      if (message) out.push(message);
    }
    this.buffer = "";
    this.reset();
    return out;
  }

  private reset(): void {
    this.eventType = "";
    this.dataLines = [];
    this.hasData = false;
  }

  private line(line: string): SseMessage | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) {
      this.comments += 1;
      return null;
    }
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.dataLines.push(value);
        this.hasData = true;
        break;
      case "id":
        if (!value.includes("\0")) this.lastEventId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
        break; // unknown fields are ignored, as the standard says
    }
    return null;
  }

  private dispatch(): SseMessage | null {
    if (!this.hasData) {
      this.reset();
      return null;
    }
    const message: SseMessage = {
      event: this.eventType || "message",
      data: this.dataLines.join("\n"),
      lastEventId: this.lastEventId,
    };
    this.reset();
    return message;
  }
}

/** Reads an SSE body to the end, yielding messages as they complete. */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  parser: SseParser = new SseParser(),
  /** Called for every chunk read, heartbeats included (an idle watchdog resets on it). */
  onActivity?: () => void,
): AsyncGenerator<SseMessage, void, undefined> {
  const reader = body.getReader();
  // stream: true keeps a UTF-8 character split across two chunks intact.
  const decoder = new TextDecoder("utf-8");
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      onActivity?.();
      yield* parser.feed(decoder.decode(value, { stream: true }));
    }
    const rest = decoder.decode();
    if (rest) yield* parser.feed(rest);
    yield* parser.end();
  } finally {
    // A consumer that stops early closes the connection instead of leaving it open.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
