// @vitest-environment node
import { describe, expect, it } from "vitest";
import { readSse, SseParser, type SseMessage } from "./sse";

function feedAll(parser: SseParser, chunks: string[]): SseMessage[] {
  return chunks.flatMap((chunk) => parser.feed(chunk)).concat(parser.end());
}

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

describe("SseParser", () => {
  const wire = 'event: meta\ndata: {"route":"concepts"}\n\nevent: delta\ndata: {"text":"Hel"}\n\nevent: delta\ndata: {"text":"lo"}\n\n';

  it("yields the same messages however the text is split into chunks", () => {
    const whole = feedAll(new SseParser(), [wire]);
    expect(whole.map((m) => m.event)).toEqual(["meta", "delta", "delta"]);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < wire.length; i += size) chunks.push(wire.slice(i, i + size));
      expect(feedAll(new SseParser(), chunks)).toEqual(whole);
    }
  });

  it("joins multi-line data with newlines and strips one leading space only", () => {
    const [message] = feedAll(new SseParser(), ["data: first\ndata:second\ndata:  two spaces\n\n"]);
    expect(message).toEqual({ event: "message", data: "first\nsecond\n two spaces", lastEventId: "" });
  });

  it("accepts CRLF and CR line endings, also when CRLF is split across chunks", () => {
    const parser = new SseParser();
    const messages = feedAll(parser, ["event: a\r", "\ndata: x\r\n\r", "\nevent: b\rdata: y\r\r"]);
    expect(messages.map((m) => [m.event, m.data])).toEqual([
      ["a", "x"],
      ["b", "y"],
    ]);
  });

  it("counts comments (heartbeats) and never turns them into messages", () => {
    const parser = new SseParser();
    const messages = feedAll(parser, [": keep-alive\n\n", ":\n", "data: real\n\n", ": keep-alive\n\n"]);
    expect(messages.map((m) => m.data)).toEqual(["real"]);
    expect(parser.comments).toBe(3);
  });

  it("remembers the last id across messages and reads retry", () => {
    const parser = new SseParser();
    const messages = feedAll(parser, ["retry: 3000\n\n", "id: 41\ndata: {}\n\n", "data: no id here\n\n", "id: 42\ndata: {}\n\n"]);
    expect(parser.retryMs).toBe(3000);
    expect(messages.map((m) => m.lastEventId)).toEqual(["41", "41", "42"]);
    expect(parser.lastEventId).toBe("42");
  });

  it("updates the id even for a message without data, and ignores ids with NUL", () => {
    const parser = new SseParser();
    expect(feedAll(parser, ["id: 7\n\n", "id: bad\u0000id\n\n"])).toEqual([]);
    expect(parser.lastEventId).toBe("7");
  });

  it("ignores bad retry values and unknown fields", () => {
    const parser = new SseParser();
    const messages = feedAll(parser, ["retry: soon\nfoo: bar\ndata: ok\n\n"]);
    expect(parser.retryMs).toBeNull();
    expect(messages).toHaveLength(1);
  });

  it("drops an event the stream cut off before its blank line", () => {
    expect(feedAll(new SseParser(), ["data: complete\n\n", "data: cut off"])).toHaveLength(1);
  });

  it("carries a retract event through as its own message", () => {
    const messages = feedAll(new SseParser(), ['event: delta\ndata: {"text":"wrong"}\n\nevent: retract\ndata: {"reason":"ungrounded"}\n\n']);
    expect(messages[1]).toMatchObject({ event: "retract", data: '{"reason":"ungrounded"}' });
  });
});

describe("readSse", () => {
  it("decodes UTF-8 characters split between network chunks", async () => {
    const bytes = new TextEncoder().encode('data: {"text":"naïve → ok"}\n\n');
    const split = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ï"
    const messages: SseMessage[] = [];
    for await (const m of readSse(streamOf([bytes.slice(0, split), bytes.slice(split)]))) messages.push(m);
    expect(JSON.parse(messages[0].data).text).toBe("naïve → ok");
  });

  it("cancels the body when the reader stops early", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("data: 1\n\ndata: 2\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const message of readSse(body)) {
      expect(message.data).toBe("1");
      break;
    }
    expect(cancelled).toBe(true);
  });
});
