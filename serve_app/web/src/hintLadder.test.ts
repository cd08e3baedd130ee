import { describe, expect, it } from "vitest";
import type { DebugAnswer, HintAnswer } from "./api/types";
import { applyHint, canAskForHint, hintHeading, hintSteps, markExhausted, solutionView, startLadder } from "./hintLadder";

const diagnosis: DebugAnswer = {
  debug_id: "d1",
  error_type: "IndexError",
  line: 2,
  message: "list index out of range",
  summary: "You read past the end of the list.",
  hint: "Look at the index on line 2.",
  hint_level: 1,
  hints_remaining: 3,
  findings: [],
};

const hint = (level: number, remaining: number, extra: Partial<HintAnswer> = {}): HintAnswer => ({
  debug_id: "d1",
  hint: `hint ${level}`,
  hint_level: level,
  hints_remaining: remaining,
  solution: null,
  ...extra,
});

describe("hint ladder", () => {
  it("starts at the diagnosis's first hint and counts the whole ladder", () => {
    const state = startLadder(diagnosis);
    expect(state.total).toBe(4);
    expect(hintHeading(state.steps[0], state)).toBe("Hint 1 of 3");
    expect(canAskForHint(state)).toBe(true);
    expect(solutionView(state)).toBeNull();
  });

  it("climbs one step per hint and shows the solution at the top", () => {
    let state = startLadder(diagnosis);
    state = applyHint(state, hint(2, 2));
    state = applyHint(state, hint(3, 1));
    expect(hintSteps(state).map((s) => hintHeading(s, state))).toEqual(["Hint 1 of 3", "Hint 2 of 3", "Hint 3 of 3"]);
    expect(canAskForHint(state)).toBe(true);
    state = applyHint(state, hint(4, 0, { hint: "Compare line by line.", solution: "x = [1, 2]\nprint(x[1])\n" }));
    expect(canAskForHint(state)).toBe(false);
    expect(hintSteps(state)).toHaveLength(3);
    expect(solutionView(state)).toEqual({ code: "x = [1, 2]\nprint(x[1])\n", explanation: "Compare line by line." });
  });

  it("shows the explanation when there is no verified solution", () => {
    let state = startLadder({ ...diagnosis, hints_remaining: 1 });
    state = applyHint(state, hint(2, 0, { hint: "Re-read the hints." }));
    expect(solutionView(state)).toEqual({ code: null, explanation: "Re-read the hints." });
  });

  it("ignores a repeated answer and an answer for another session", () => {
    let state = startLadder(diagnosis);
    state = applyHint(state, hint(2, 2));
    const again = applyHint(state, hint(2, 2));
    expect(again.steps).toHaveLength(2);
    expect(applyHint(state, { ...hint(3, 1), debug_id: "other" })).toBe(state);
  });

  it("ends the ladder when the server says it is used up (409)", () => {
    const state = markExhausted(startLadder(diagnosis));
    expect(canAskForHint(state)).toBe(false);
    expect(solutionView(state)).toEqual({ code: null, explanation: "" });
  });
});
