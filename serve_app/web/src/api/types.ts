// Response and request shapes of the v1 API (serve_app/schemas/*.py); only the fields the
// app reads are typed strictly, the rest stay open so an additive change cannot break it.

export type Route = "concepts" | "debug" | "exercise" | "off_topic";
export type Difficulty = "easy" | "medium" | "hard";

export interface AskRequest {
  student_id: string;
  text: string;
  code?: string;
}

export interface AskMeta {
  route: Route;
  confidence: number;
  needs_clarification: boolean;
}

export interface AskAnswer extends AskMeta {
  interaction_id: string;
  message: string;
  payload: Record<string, unknown>;
}

export interface DebugRequest {
  student_id: string;
  code: string;
  error?: string;
  stdin?: string;
}

export interface DebugAnswer {
  debug_id: string;
  interaction_id?: string;
  error_type: string;
  line: number | null;
  column?: number | null;
  message: string;
  summary: string;
  hint: string;
  hint_level: number;
  hints_remaining: number;
  findings?: string[];
}

export interface HintAnswer {
  debug_id: string;
  hint: string;
  hint_level: number;
  hints_remaining: number;
  solution?: string | null;
}

export interface ExerciseExample {
  call: string;
  result: string;
}

export interface Exercise {
  exercise_id: string;
  title: string;
  prompt: string;
  topic: string;
  difficulty: Difficulty;
  starter_code: string;
  examples: ExerciseExample[];
  variant?: number | null;
}

export interface TestResult {
  name: string;
  passed: boolean;
  message: string;
}

export interface QualityFinding {
  line: number;
  message: string;
}

export type SubmissionStatus =
  | "passed"
  | "failed"
  | "error"
  | "timeout"
  | "memory_limit"
  | "rejected";

export interface Submission {
  submission_id: string;
  exercise_id: string;
  status: SubmissionStatus | string;
  passed: number;
  total: number;
  score: number;
  results: TestResult[];
  feedback: string;
  mastery?: number | null;
  level?: string | null;
  quality?: { score: number; findings: QualityFinding[] } | null;
}

export interface TopicProgress {
  mastery: number;
  level: string;
  attempts?: number;
  successes?: number;
}

export interface Progress {
  student_id: string;
  topics: Record<string, TopicProgress>;
  overall_mastery: number;
  streak_days: number;
  struggling: string[];
}

export interface Interaction {
  interaction_id: string;
  route: string;
  confidence: number;
  text: string;
  message: string;
  payload: Record<string, unknown>;
  created_at: string;
}

export interface SubmissionSummary {
  submission_id: string;
  exercise_id: string;
  title: string;
  topic: string;
  status: string;
  passed: number;
  total: number;
  score: number;
  created_at: string;
}

export interface History {
  student_id: string;
  interactions: Interaction[];
  submissions: SubmissionSummary[];
}

export interface Alert {
  alert_id: string;
  student_id: string;
  kind?: string | null;
  topic: string;
  reason: string;
  severity: string;
  created_at: string;
}

export interface ClassStudent {
  student_id: string;
  overall_mastery: number;
  streak_days: number;
  topics: Record<string, { mastery: number; level: string }>;
  open_alerts: number;
}

export interface ClassProgress {
  students: ClassStudent[];
  /** Pass as `after` for the next page; null on the last page. */
  next_after?: string | null;
}

export interface ExerciseTestInput {
  name: string;
  code: string;
}

export interface TeacherExerciseRequest {
  title: string;
  prompt: string;
  topic: string;
  difficulty: Difficulty;
  starter_code?: string;
  tests: ExerciseTestInput[];
  solution?: string;
}

export interface TeacherExercise extends Exercise {
  tests: ExerciseTestInput[];
  source: string;
}

/** GET /v1/curriculum: what the tutor teaches (serve_app/schemas/curriculum.py). */
export interface CurriculumTopic {
  topic: string;
  title: string;
  concepts: string[];
  exercises: number;
}

export interface Curriculum {
  topics: CurriculumTopic[];
  difficulties: Difficulty[];
  levels: string[];
}

/** A CloudEvents 1.0 envelope from GET /v1/events. */
export interface CloudEvent {
  id: string;
  type: string;
  source?: string;
  subject?: string;
  time?: string;
  data?: Record<string, unknown>;
}
