// The debug hint ladder as plain state: the first hint comes with the diagnosis, each
// "Next hint" adds one, and the last step reveals the solution (or an explanation).

import type { DebugAnswer, HintAnswer } from "./api/types";

export interface HintStep {
  level: number;
  text: string;
}

export interface LadderState {
  debugId: string;
  errorType: string;
  line: number | null;
  message: string;
  summary: string;
  findings: string[];
  steps: HintStep[];
  total: number;
  remaining: number;
  /** Set once the ladder is used up: the corrected code, or null when none was verified. */
  solution: string | null;
  exhausted: boolean;
}

export function startLadder(answer: DebugAnswer): LadderState {
  return {
    debugId: answer.debug_id,
    errorType: answer.error_type,
    line: answer.line,
    message: answer.message,
    summary: answer.summary,
    findings: answer.findings ?? [],
    steps: [{ level: answer.hint_level, text: answer.hint }],
    total: answer.hint_level + answer.hints_remaining,
    remaining: answer.hints_remaining,
    solution: null,
    exhausted: answer.hints_remaining <= 0,
  };
}

export function applyHint(state: LadderState, hint: HintAnswer): LadderState {
  if (hint.debug_id !== state.debugId) return state;
  // A repeated answer (double click, retried request) must not add the same step twice.
  const steps = state.steps.some((s) => s.level === hint.hint_level)
    ? state.steps
    : [...state.steps, { level: hint.hint_level, text: hint.hint }].sort((a, b) => a.level - b.level);
  const exhausted = hint.hints_remaining <= 0;
  return {
    ...state,
    steps,
    total: Math.max(state.total, hint.hint_level + hint.hints_remaining),
    remaining: Math.max(0, hint.hints_remaining),
    solution: exhausted ? (hint.solution ?? null) : state.solution,
    exhausted,
  };
}

/** The server said the ladder is used up (409) although this page still offered a hint. */
export function markExhausted(state: LadderState): LadderState {
  return { ...state, remaining: 0, exhausted: true };
}

export function canAskForHint(state: LadderState): boolean {
  return !state.exhausted && state.remaining > 0;
}

/** The steps shown as "Hint n of total"; the final step of a used-up ladder is the solution. */
export function hintSteps(state: LadderState): HintStep[] {
  if (!state.exhausted || state.steps.length <= 1) return state.steps;
  const last = state.steps[state.steps.length - 1];
  return last.level === state.total ? state.steps.slice(0, -1) : state.steps;
}

/** What the "Solution" section shows once the ladder is used up. */
export function solutionView(state: LadderState): { code: string | null; explanation: string } | null {
  if (!state.exhausted) return null;
  const last = state.steps[state.steps.length - 1];
  const explanation = state.steps.length > 1 && last.level === state.total ? last.text : "";
  return { code: state.solution, explanation };
}

// The ladder's last step is the corrected code, shown under "Solution", so it is not a hint.
export function hintHeading(step: HintStep, state: LadderState): string {
  return `Hint ${step.level} of ${Math.max(step.level, state.total - 1)}`;
}
