// The typed v1 client: one fetch wrapper adds the bearer token and turns every failure into
// an ApiError; each endpoint is a one-line method with its request and answer types.

import { ApiError, errorFromResponse, isAbort, networkError } from "./errors";
import type {
  Alert,
  AskAnswer,
  AskRequest,
  ClassProgress,
  Curriculum,
  DebugAnswer,
  DebugRequest,
  Difficulty,
  Exercise,
  HintAnswer,
  History,
  Progress,
  Submission,
  TeacherExercise,
  TeacherExerciseRequest,
} from "./types";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export class ApiClient {
  private readonly fetchImpl: FetchLike;

  constructor(
    /** Returns the current access token (a JWT) or an empty string. */
    private readonly token: () => string,
    fetchImpl?: FetchLike,
    private readonly baseUrl = "",
  ) {
    this.fetchImpl = fetchImpl ?? ((input, init) => fetch(input, init));
  }

  /** Sends a request and returns the raw response once it is known to be a success. */
  async open(path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
    const token = this.token().trim();
    if (token) headers.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method: options.method ?? "GET", headers, signal: options.signal };
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, init);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw networkError(error);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.open(path, options);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError("server", response.status, "the answer was not valid JSON");
    }
  }

  ask(body: AskRequest, signal?: AbortSignal): Promise<AskAnswer> {
    return this.request("/v1/ask", { method: "POST", body, signal });
  }

  debug(body: DebugRequest, signal?: AbortSignal): Promise<DebugAnswer> {
    return this.request("/v1/debug", { method: "POST", body, signal });
  }

  nextHint(debugId: string, studentId: string): Promise<HintAnswer> {
    return this.request(`/v1/debug/${encodeURIComponent(debugId)}/hints`, {
      method: "POST",
      body: { student_id: studentId },
    });
  }

  newExercise(studentId: string, topic: string | null, difficulty: Difficulty | null): Promise<Exercise> {
    const body: Record<string, string> = { student_id: studentId };
    if (topic) body.topic = topic;
    if (difficulty) body.difficulty = difficulty;
    return this.request("/v1/exercises", { method: "POST", body });
  }

  submit(exerciseId: string, studentId: string, code: string): Promise<Submission> {
    return this.request(`/v1/exercises/${encodeURIComponent(exerciseId)}/submissions`, {
      method: "POST",
      body: { student_id: studentId, code },
    });
  }

  createExercise(body: TeacherExerciseRequest): Promise<TeacherExercise> {
    return this.request("/v1/teacher/exercises", { method: "POST", body });
  }

  curriculum(): Promise<Curriculum> {
    return this.request("/v1/curriculum");
  }

  progress(studentId: string): Promise<Progress> {
    return this.request(`/v1/students/${encodeURIComponent(studentId)}/progress`);
  }

  history(studentId: string): Promise<History> {
    return this.request(`/v1/students/${encodeURIComponent(studentId)}/history`);
  }

  async alerts(): Promise<Alert[]> {
    return (await this.request<{ alerts: Alert[] }>("/v1/teacher/alerts")).alerts;
  }

  /** Every page of GET /v1/teacher/progress (up to `maxPages` pages of 200 students). */
  async classProgress(maxPages = 10): Promise<ClassProgress> {
    const students: ClassProgress["students"] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < maxPages; page++) {
      const query: string = after ? `?after=${encodeURIComponent(after)}` : "";
      const answer: ClassProgress = await this.request(`/v1/teacher/progress${query}`);
      students.push(...answer.students);
      after = answer.next_after;
      if (!after) break;
    }
    return { students, next_after: after ?? null };
  }
}
