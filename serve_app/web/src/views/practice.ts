// Practice: pick a topic and difficulty, get an exercise, edit the starter code in the
// editor, submit, and read the per-test results, feedback and code-quality findings.

import { api, type View } from "../app";
import type { Difficulty, Exercise, Submission } from "../api/types";
import { field, h } from "../components/dom";
import { createCodeEditor, EDITOR_HELP } from "../components/editor";
import { renderMarkdown } from "../components/markdown";
import { busy, busyNote, status } from "../components/status";
import { session } from "../session";
import { takeOfferedExercise } from "../store";
import { fillDifficultySelect, fillTopicSelect, topicLabel } from "../topics";

export function resultSummary(submission: Submission): string {
  return `Passed ${submission.passed} of ${submission.total}`;
}

function renderResult(submission: Submission): Node[] {
  const nodes: Node[] = [
    h("h3", { tabindex: "-1" }, "Result"),
    h(
      "p",
      { class: "result-summary" },
      h("strong", {}, resultSummary(submission)),
      " · ",
      h("span", { class: `status-word status-${submission.status}` }, submission.status),
    ),
  ];
  const rows = submission.results.map((result) =>
    h(
      "tr",
      { class: result.passed ? "row-passed" : "row-failed" },
      h("th", { scope: "row" }, result.name),
      h("td", {}, h("span", { "aria-hidden": "true", class: "mark" }, result.passed ? "✓" : "✗"), " ", result.passed ? "passed" : "failed"),
      // The grader's message for a passing test is just "passed": the outcome already says it.
      h("td", { class: "message" }, result.passed && result.message === "passed" ? "" : result.message),
    ),
  );
  nodes.push(
    h(
      "div",
      { class: "table-wrap", tabindex: "0", role: "group", "aria-label": "Test results table" },
      h(
        "table",
        {},
        h("caption", {}, "Test results"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Test"), h("th", { scope: "col" }, "Outcome"), h("th", { scope: "col" }, "Message"))),
        h("tbody", {}, ...rows),
      ),
    ),
  );
  if (submission.results.length === 0) nodes.push(h("p", { class: "muted" }, "No test ran (the code was not accepted)."));
  if (submission.feedback) nodes.push(h("h4", {}, "Feedback"), h("div", { class: "md" }, renderMarkdown(submission.feedback, { topHeading: 5 })));
  const findings = submission.quality?.findings ?? [];
  if (findings.length) {
    nodes.push(
      h("h4", {}, "Code quality"),
      h("ul", { class: "findings" }, ...findings.map((f) => h("li", {}, `Line ${f.line}: ${f.message}`))),
    );
  }
  if (typeof submission.mastery === "number") {
    const level = submission.level ? ` (${submission.level})` : "";
    nodes.push(h("p", { class: "muted" }, `Your mastery of this topic is now ${Math.round(submission.mastery)} of 100${level}.`));
  }
  return nodes;
}

export function practiceView(): View {
  const topic = h("select", {}, h("option", { value: "" }, "Any topic"));
  const difficulty = h("select", {}, h("option", { value: "" }, "Any"));
  void fillTopicSelect(topic);
  void fillDifficultySelect(difficulty);
  const newButton = h("button", { type: "submit" }, "New exercise");
  const newNote = busyNote();
  const chooser = h(
    "form",
    { class: "panel chooser", "aria-label": "Choose an exercise" },
    h("div", { class: "row" }, field("Topic", topic), field("Difficulty", difficulty)),
    h("div", { class: "actions" }, newButton, newNote),
  );

  const exerciseBox = h("div", { class: "exercise" });
  const resultBox = h("section", { class: "panel result", "aria-label": "Result", tabindex: "-1" });
  resultBox.hidden = true;
  let current: Exercise | null = null;
  let editor: ReturnType<typeof createCodeEditor> | null = null;

  function showExercise(exercise: Exercise): void {
    current = exercise;
    editor?.destroy();
    const submitButton = h("button", { type: "submit" }, "Submit");
    const submitNote = busyNote();
    const form = h("form", { class: "submit-form", "aria-label": "Your solution" });
    editor = createCodeEditor({ doc: exercise.starter_code, label: "Code editor", describedBy: "practice-editor-help", onSubmit: () => form.requestSubmit() });
    form.append(
      h("div", { class: "field" }, h("span", { class: "label" }, "Your solution"), editor.element, h("p", { class: "hint", id: "practice-editor-help" }, EDITOR_HELP)),
      h("div", { class: "actions" }, submitButton, submitNote),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!submitButton.disabled) void submit(submitButton, submitNote);
    });
    const parts: Node[] = [
      h("h2", { tabindex: "-1", class: "exercise-title" }, exercise.title),
      h("p", { class: "muted" }, `Topic: ${topicLabel(exercise.topic)} · Difficulty: ${exercise.difficulty}`),
      h("div", { class: "md prompt" }, renderMarkdown(exercise.prompt, { topHeading: 3 })),
    ];
    if (exercise.examples.length) {
      parts.push(
        h("h3", {}, "Examples"),
        h("pre", { class: "examples", tabindex: "0" }, h("code", {}, exercise.examples.map((e) => `>>> ${e.call}\n${e.result}`).join("\n"))),
      );
    }
    parts.push(form);
    exerciseBox.replaceChildren(h("div", { class: "panel" }, ...parts));
    resultBox.hidden = true;
    resultBox.replaceChildren();
    exerciseBox.querySelector<HTMLElement>("h2")?.focus();
  }

  async function fetchExercise(): Promise<void> {
    const exercise = await busy(newButton, newNote, "Preparing an exercise…", () =>
      api.newExercise(session.studentId, topic.value || null, (difficulty.value || null) as Difficulty | null),
    );
    if (exercise) showExercise(exercise);
  }

  async function submit(button: HTMLButtonElement, note: HTMLElement): Promise<void> {
    const exercise = current;
    if (!exercise || !editor) return;
    const code = editor.getValue();
    if (!code.trim()) {
      status.show("Write your solution in the code editor first.", "error");
      editor.focus();
      return;
    }
    const result = await busy(button, note, "Running the tests…", () => api.submit(exercise.exercise_id, session.studentId, code));
    if (result) {
      resultBox.dataset.status = result.status;
      resultBox.replaceChildren(...renderResult(result));
      resultBox.hidden = false;
      resultBox.querySelector<HTMLElement>("h3")?.focus();
    }
  }

  chooser.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!newButton.disabled) void fetchExercise();
  });

  exerciseBox.append(h("p", { class: "muted empty" }, "Choose a topic and a difficulty, then press “New exercise”."));
  const element = h("section", { class: "view view-practice" }, h("h1", { tabindex: "-1" }, "Practice"), chooser, exerciseBox, resultBox);
  return {
    element,
    dispose: () => editor?.destroy(),
    // Called each time the view is shown: an exercise offered in the chat opens here.
    activate: () => {
      const offered = takeOfferedExercise();
      if (offered) showExercise(offered);
    },
  };
}
