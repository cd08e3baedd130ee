// Every way a request can fail, as one typed error the views can explain in words.

export type ApiErrorKind =
  | "invalid" // 422
  | "too_large" // 413
  | "not_found" // 404
  | "conflict" // 409
  | "rate_limited" // 429
  | "unavailable" // 502/503/504
  | "network" // no answer at all
  | "unauthorized" // 401
  | "forbidden" // 403
  | "bad_request" // other 4xx
  | "server"; // 500 and anything unexpected

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number | null,
    readonly detail: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(detail);
  }

  /** Worth trying again later without changing anything. */
  get transient(): boolean {
    return this.kind === "unavailable" || this.kind === "network" || this.kind === "rate_limited";
  }
}

export function kindForStatus(status: number): ApiErrorKind {
  switch (status) {
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 413:
      return "too_large";
    case 422:
      return "invalid";
    case 429:
      return "rate_limited";
    case 502:
    case 503:
    case 504:
      return "unavailable";
    default:
      return status >= 500 ? "server" : "bad_request";
  }
}

interface FieldError {
  loc?: unknown;
  msg?: unknown;
}

function fieldName(loc: unknown): string {
  if (!Array.isArray(loc)) return "";
  // FastAPI prefixes the location with "body"/"query"/"path": the field is what follows.
  const parts = loc.filter((p, i) => !(i === 0 && typeof p === "string" && /^(body|query|path|header)$/.test(p)));
  return parts.map(String).join(".");
}

/** FastAPI's `detail` (a sentence, or a list of field errors) as one readable sentence. */
export function detailText(detail: unknown): string {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    const parts = detail.map((item: FieldError) => {
      if (item === null || typeof item !== "object") return String(item);
      const msg = typeof item.msg === "string" ? item.msg : "is invalid";
      const field = fieldName(item.loc);
      return field ? `${field}: ${msg}` : msg;
    });
    return parts.join("; ");
  }
  if (detail === undefined || detail === null) return "";
  return JSON.stringify(detail);
}

export function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const when = Date.parse(trimmed);
  if (Number.isNaN(when)) return null;
  return Math.max(0, Math.round((when - Date.now()) / 1000));
}

const FALLBACK_DETAIL: Partial<Record<ApiErrorKind, string>> = {
  unavailable: "service unavailable",
  server: "internal error",
  rate_limited: "too many requests",
  not_found: "not found",
};

/** Builds the error for a non-2xx response, reading its `{"detail": ...}` body if any. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const kind = kindForStatus(response.status);
  let detail = "";
  try {
    const text = await response.text();
    if (text) {
      try {
        detail = detailText((JSON.parse(text) as { detail?: unknown }).detail);
      } catch {
        // A proxy's HTML error page says nothing useful to a student.
        detail = "";
      }
    }
  } catch {
    detail = "";
  }
  if (!detail) detail = FALLBACK_DETAIL[kind] ?? `HTTP ${response.status}`;
  return new ApiError(kind, response.status, detail, parseRetryAfter(response.headers.get("Retry-After")));
}

export function networkError(cause: unknown): ApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ApiError("network", null, reason || "network error");
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === "AbortError"
    : error instanceof Error && error.name === "AbortError";
}

/** What the status region says about a failure (the wording the spec's tests look for). */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
  }
  const wait = error.retryAfterSeconds !== null ? ` Try again in ${error.retryAfterSeconds} s.` : "";
  switch (error.kind) {
    case "unavailable":
    case "network":
      return `The tutor is unavailable right now (${error.detail}).${wait || " Try again in a moment."}`;
    case "rate_limited":
      return `Too many requests: ${error.detail}.${wait || " Please wait a little."}`;
    case "unauthorized":
      return `Please sign in: ${error.detail}. Paste a valid access token and press Save.`;
    case "forbidden":
      return `Not allowed: ${error.detail}.`;
    case "too_large":
      return `That is too long for the tutor: ${error.detail}.`;
    case "invalid":
      return `Please check your input: ${error.detail}.`;
    case "not_found":
      return `Not found: ${error.detail}.`;
    case "conflict":
      return error.detail;
    case "server":
      return `The tutor hit an internal error (${error.detail}). Try again.`;
    default:
      return `Request failed: ${error.detail}.`;
  }
}
