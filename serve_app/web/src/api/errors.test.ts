// @vitest-environment node
import { describe, expect, it } from "vitest";
import { ApiClient } from "./client";
import { ApiError, describeError, detailText, errorFromResponse, parseRetryAfter } from "./errors";

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

describe("errorFromResponse", () => {
  it.each([
    [422, "invalid"],
    [413, "too_large"],
    [404, "not_found"],
    [409, "conflict"],
    [429, "rate_limited"],
    [503, "unavailable"],
    [401, "unauthorized"],
    [403, "forbidden"],
    [500, "server"],
    [400, "bad_request"],
  ])("maps %i to %s and keeps the detail", async (status, kind) => {
    const error = await errorFromResponse(json(status, { detail: "the reason" }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.detail).toBe("the reason");
  });

  it("turns FastAPI's field errors into one sentence naming the fields", async () => {
    const error = await errorFromResponse(
      json(422, {
        detail: [
          { loc: ["body", "text"], msg: "String should have at least 1 character", type: "string_too_short" },
          { loc: ["body", "tests", 0, "code"], msg: "Field required", type: "missing" },
        ],
      }),
    );
    expect(error.detail).toBe("text: String should have at least 1 character; tests.0.code: Field required");
  });

  it("reads Retry-After on 429 and 503", async () => {
    const limited = await errorFromResponse(json(429, { detail: "rate limit reached" }, { "Retry-After": "17" }));
    expect(limited.retryAfterSeconds).toBe(17);
    expect(describeError(limited)).toContain("Too many requests");
    expect(describeError(limited)).toContain("17 s");
    const down = await errorFromResponse(json(503, { detail: "database unavailable" }, { "Retry-After": "5" }));
    expect(describeError(down)).toContain("The tutor is unavailable");
    expect(down.transient).toBe(true);
  });

  it("survives a body that is not JSON (a proxy's error page)", async () => {
    const error = await errorFromResponse(new Response("<html>Bad Gateway</html>", { status: 502 }));
    expect(error.kind).toBe("unavailable");
    expect(error.detail).toBe("service unavailable");
  });

  it("parses HTTP-date Retry-After and rejects garbage", () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThanOrEqual(28);
  });

  it("renders odd details readably", () => {
    expect(detailText(undefined)).toBe("");
    expect(detailText({ a: 1 })).toBe('{"a":1}');
    expect(detailText([{ msg: "bad" }])).toBe("bad");
  });
});

describe("ApiClient", () => {
  it("sends the bearer token only when one is set", async () => {
    const seen: (string | null)[] = [];
    let token = "";
    const client = new ApiClient(
      () => token,
      async (_url, init) => {
        seen.push(new Headers(init?.headers).get("Authorization"));
        return json(200, { alerts: [] });
      },
    );
    await client.alerts();
    token = "abc.def.ghi";
    await client.alerts();
    expect(seen).toEqual([null, "Bearer abc.def.ghi"]);
  });

  it("reports a failed fetch as a network error the status explains as unavailable", async () => {
    const client = new ApiClient(
      () => "",
      async () => {
        throw new TypeError("Failed to fetch");
      },
    );
    const error = await client.progress("s1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("network");
    expect(describeError(error)).toContain("The tutor is unavailable");
  });

  it("throws typed errors with the server's detail", async () => {
    const client = new ApiClient(() => "", async () => json(409, { detail: "every hint and the solution have been shown" }));
    await expect(client.nextHint("d1", "s1")).rejects.toMatchObject({ kind: "conflict", detail: "every hint and the solution have been shown" });
  });

  it("encodes ids in paths and posts JSON bodies", async () => {
    const calls: { url: string; body: unknown; method: string | undefined }[] = [];
    const client = new ApiClient(
      () => "",
      async (url, init) => {
        calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : null, method: init?.method });
        return json(200, {});
      },
    );
    await client.history("a/b");
    await client.newExercise("s1", null, "easy");
    expect(calls[0]).toMatchObject({ url: "/v1/students/a%2Fb/history", method: "GET" });
    expect(calls[1]).toMatchObject({ url: "/v1/exercises", method: "POST", body: { student_id: "s1", difficulty: "easy" } });
  });
});

describe("ApiClient.classProgress", () => {
  it("follows next_after across pages", async () => {
    const urls: string[] = [];
    const student = (id: string) => ({ student_id: id, overall_mastery: 10, streak_days: 0, topics: {}, open_alerts: 0 });
    const client = new ApiClient(
      () => "",
      async (url) => {
        urls.push(url);
        return url.includes("after=")
          ? json(200, { students: [student("s3")], next_after: null })
          : json(200, { students: [student("s1"), student("s2")], next_after: "s2" });
      },
    );
    const progress = await client.classProgress();
    expect(progress.students.map((s) => s.student_id)).toEqual(["s1", "s2", "s3"]);
    expect(urls).toEqual(["/v1/teacher/progress", "/v1/teacher/progress?after=s2"]);
  });
});
