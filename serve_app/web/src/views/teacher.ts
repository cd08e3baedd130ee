// Teacher: open struggle alerts, kept live by the SSE event feed; class progress at a
// glance; and a form to author an exercise with its tests.

import { api, type View } from "../app";
import { ApiError, describeError } from "../api/errors";
import { EventSubscription, type FeedState } from "../api/events";
import type { Alert, ClassStudent, Difficulty, TeacherExerciseRequest } from "../api/types";
import { field, formatTime, h } from "../components/dom";
import { busy, busyNote } from "../components/status";
import { historyHref } from "../router";
import { fillDifficultySelect, fillTopicSelect, topicLabel } from "../topics";

export const STRUGGLE_EVENT = "learnflow.struggle.detected.v1";
const POLL_MS = 15_000;

export function feedStateText(state: FeedState, error?: ApiError): string {
  switch (state) {
    case "live":
      return "Live";
    case "connecting":
      return "Connecting…";
    case "reconnecting":
    case "stopped":
      return "Reconnecting…";
    case "denied":
      return `Live updates are off (${error ? error.detail : "not allowed"}); the list refreshes every ${POLL_MS / 1000} s.`;
  }
}

function alertItem(alert: Alert, fresh: boolean): HTMLLIElement {
  const rule = alert.kind ? `${alert.kind}: ` : "";
  return h(
    "li",
    { class: fresh ? "alert-item fresh" : "alert-item", "data-alert-id": alert.alert_id },
    h("p", { class: "alert-head" }, h("strong", { class: "alert-student" }, alert.student_id), h("span", { class: `severity severity-${alert.severity}` }, alert.severity)),
    h("p", { class: "alert-reason" }, rule, alert.reason),
    h(
      "p",
      { class: "muted" },
      `Topic: ${topicLabel(alert.topic)} · `,
      h("time", { datetime: alert.created_at }, formatTime(alert.created_at)),
    ),
    h("a", { href: historyHref(alert.student_id) }, `History of ${alert.student_id}`),
  );
}

function classTable(students: ClassStudent[]): HTMLElement {
  const rows = students
    .slice()
    .sort((a, b) => b.open_alerts - a.open_alerts || a.overall_mastery - b.overall_mastery)
    .map((s) => {
      const weakest = Object.entries(s.topics).sort(([, a], [, b]) => a.mastery - b.mastery)[0];
      return h(
        "tr",
        { class: s.open_alerts > 0 ? "row-alert" : "" },
        h("th", { scope: "row" }, h("a", { href: historyHref(s.student_id) }, s.student_id)),
        h("td", { class: "num" }, String(Math.round(s.overall_mastery))),
        h("td", { class: "num" }, String(s.streak_days)),
        h("td", { class: "num" }, String(s.open_alerts)),
        h("td", {}, weakest ? `${topicLabel(weakest[0])} (${Math.round(weakest[1].mastery)})` : "—"),
      );
    });
  return h(
    "div",
    { class: "table-wrap", tabindex: "0", role: "group", "aria-label": "Class progress table" },
    h(
      "table",
      {},
      // The region's heading already says it: the caption is for screen readers and tests.
      h("caption", { class: "visually-hidden" }, "Class progress"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Student"),
          h("th", { scope: "col" }, "Overall mastery"),
          h("th", { scope: "col" }, "Streak (days)"),
          h("th", { scope: "col" }, "Open alerts"),
          h("th", { scope: "col" }, "Weakest topic"),
        ),
      ),
      h("tbody", {}, ...rows),
    ),
  );
}

function exerciseForm(): HTMLElement {
  const title = h("input", { type: "text", required: true, maxlength: 200, autocomplete: "off" });
  const prompt = h("textarea", { rows: 4, required: true, maxlength: 4000 });
  const topic = h("select", {});
  const difficulty = h("select", {});
  void fillTopicSelect(topic);
  void fillDifficultySelect(difficulty);
  const starter = h("textarea", { rows: 4, class: "mono", spellcheck: "false" });
  const solution = h("textarea", { rows: 4, class: "mono", spellcheck: "false" });
  const tests = h("div", { class: "tests" });
  const addTest = h("button", { type: "button", class: "secondary" }, "Add test");
  const create = h("button", { type: "submit" }, "Create exercise");
  const note = busyNote();
  const outcome = h("div", { class: "form-outcome", "aria-live": "polite" });

  function renumber(): void {
    const groups = Array.from(tests.querySelectorAll<HTMLFieldSetElement>("fieldset"));
    groups.forEach((group, index) => {
      const legend = group.querySelector("legend");
      if (legend) legend.textContent = `Test ${index + 1}`;
      const remove = group.querySelector<HTMLButtonElement>("button.remove-test");
      if (remove) {
        remove.textContent = `Remove test ${index + 1}`;
        remove.hidden = groups.length === 1;
      }
    });
  }

  function addTestFields(): HTMLInputElement {
    const name = h("input", { type: "text", required: true, maxlength: 200, class: "test-name", autocomplete: "off" });
    const code = h("textarea", { rows: 2, required: true, class: "mono test-code", spellcheck: "false", placeholder: "assert double(2) == 4" });
    const remove = h("button", { type: "button", class: "link remove-test" }, "Remove test");
    const group = h("fieldset", { class: "test" }, h("legend", {}, "Test"), field("Test name", name), field("Test code", code), remove);
    remove.addEventListener("click", () => {
      group.remove();
      renumber();
      addTest.focus();
    });
    tests.append(group);
    renumber();
    return name;
  }
  addTestFields();
  addTest.addEventListener("click", () => addTestFields().focus());

  const form = h(
    "form",
    { class: "panel exercise-form", "aria-label": "New exercise", novalidate: true },
    h("h2", {}, "New exercise"),
    field("Title", title),
    field("Prompt", prompt, "What the student should write, e.g. “Write double(n) that returns 2 * n.”"),
    h("div", { class: "row" }, field("Topic", topic), field("Difficulty", difficulty)),
    field("Starter code", starter),
    h("fieldset", { class: "tests-group" }, h("legend", {}, "Tests (Python, e.g. assert f(1) == 2)"), tests, addTest),
    field("Reference solution (optional)", solution, "If given, it must pass the tests."),
    h("div", { class: "actions" }, create, note),
    outcome,
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (create.disabled) return;
    const body: TeacherExerciseRequest = {
      title: title.value.trim(),
      prompt: prompt.value.trim(),
      topic: topic.value,
      difficulty: difficulty.value as Difficulty,
      starter_code: starter.value,
      tests: Array.from(tests.querySelectorAll("fieldset")).map((group) => ({
        name: group.querySelector<HTMLInputElement>(".test-name")?.value.trim() ?? "",
        code: group.querySelector<HTMLTextAreaElement>(".test-code")?.value ?? "",
      })),
    };
    if (solution.value.trim()) body.solution = solution.value;
    outcome.replaceChildren();
    void busy(create, note, "Creating the exercise…", () => api.createExercise(body), {
      onError: (error) => {
        if (error instanceof ApiError && (error.kind === "invalid" || error.kind === "too_large")) {
          outcome.replaceChildren(h("p", { class: "error-text", role: "alert" }, describeError(error)));
          return true;
        }
        return false;
      },
    }).then((created) => {
      if (!created) return;
      outcome.replaceChildren(h("p", { class: "success-text" }, `Created exercise ${created.exercise_id}`));
      form.reset();
      tests.replaceChildren();
      addTestFields();
    });
  });
  return form;
}

export function teacherView(): View {
  const feedState = h("span", { class: "feed-state", "aria-live": "polite", "data-state": "connecting" }, "Connecting…");
  const list = h("ul", { class: "alerts", role: "list", "aria-label": "Struggle alerts" });
  const alertsNote = h("p", { class: "muted" }, "Loading alerts…");
  const classBox = h("div", { class: "class-progress-body" }, h("p", { class: "muted" }, "Loading class progress…"));
  const known = new Set<string>();
  let firstLoad = true;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;

  async function loadAlerts(): Promise<void> {
    try {
      const alerts = await api.alerts();
      const items = alerts
        .slice()
        .sort((a, b) => b.created_at.localeCompare(a.created_at))
        .map((alert) => alertItem(alert, !firstLoad && !known.has(alert.alert_id)));
      alerts.forEach((a) => known.add(a.alert_id));
      list.replaceChildren(...items);
      alertsNote.textContent = alerts.length ? `${alerts.length} open alert${alerts.length === 1 ? "" : "s"}.` : "No open alerts.";
      firstLoad = false;
    } catch (error) {
      alertsNote.textContent = `Could not load alerts: ${describeError(error)}`;
    }
  }

  async function loadClass(): Promise<void> {
    try {
      const progress = await api.classProgress();
      classBox.replaceChildren(progress.students.length ? classTable(progress.students) : h("p", { class: "muted" }, "No students in your classes yet."));
    } catch (error) {
      const text =
        error instanceof ApiError && error.kind === "not_found"
          ? "Class progress is not available on this server yet."
          : `Could not load class progress: ${describeError(error)}`;
      classBox.replaceChildren(h("p", { class: "muted" }, text));
    }
  }

  function refreshSoon(): void {
    // A burst of events (several alerts at once) costs one refetch.
    if (refreshTimer !== null) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      void loadAlerts();
      void loadClass();
    }, 250);
  }

  const subscription = new EventSubscription({
    client: api,
    query: { type: STRUGGLE_EVENT },
    onEvent: () => refreshSoon(),
    onState: (state, error) => {
      feedState.textContent = feedStateText(state, error);
      feedState.dataset.state = state;
      if (state === "live" && !firstLoad) refreshSoon(); // catch anything missed while away
      if (state === "denied" && pollTimer === null) pollTimer = setInterval(() => void loadAlerts(), POLL_MS);
    },
  });

  const element = h(
    "section",
    { class: "view view-teacher" },
    h("h1", { tabindex: "-1" }, "Teacher"),
    h(
      "div",
      { class: "teacher-grid" },
      h(
        "section",
        { class: "panel", "aria-labelledby": "alerts-heading" },
        h("div", { class: "title-row" }, h("h2", { id: "alerts-heading" }, "Struggle alerts"), feedState),
        alertsNote,
        list,
      ),
      h("section", { class: "panel", "aria-label": "Class progress" }, h("h2", {}, "Class progress"), classBox),
      exerciseForm(),
    ),
  );
  return {
    element,
    activate: () => {
      void loadAlerts();
      void loadClass();
      void subscription.start();
    },
    dispose: () => {
      subscription.stop();
      if (refreshTimer !== null) clearTimeout(refreshTimer);
      if (pollTimer !== null) clearInterval(pollTimer);
    },
  };
}
