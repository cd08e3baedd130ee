// Hand-over between views: an exercise the tutor offered in the chat opens in Practice.

import type { Exercise } from "./api/types";

let pendingExercise: Exercise | null = null;

export function offerExercise(exercise: Exercise): void {
  pendingExercise = exercise;
}

export function takeOfferedExercise(): Exercise | null {
  const exercise = pendingExercise;
  pendingExercise = null;
  return exercise;
}

export function isExercise(value: unknown): value is Exercise {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.exercise_id === "string" && typeof v.title === "string" && typeof v.prompt === "string";
}
