// A student's recent history for the teacher: questions with the tutor's answers, and
// graded submissions (GET /v1/students/<id>/history).

import { api, type View } from "../app";
import type { History } from "../api/types";
import { formatTime, h } from "../components/dom";
import { renderMarkdown } from "../components/markdown";
import { status } from "../components/status";
import { topicLabel } from "../topics";

export function renderHistory(history: History): Node[] {
  const interactions = h("section", { class: "panel", "aria-labelledby": "history-questions" }, h("h2", { id: "history-questions" }, "Recent questions"));
  if (history.interactions.length === 0) {
    interactions.append(h("p", { class: "muted" }, "No questions yet."));
  } else {
    interactions.append(
      h(
        "ol",
        { class: "history-list" },
        ...history.interactions.map((item) =>
          h(
            "li",
            {},
            h("p", { class: "muted" }, h("time", { datetime: item.created_at }, formatTime(item.created_at)), " ", h("span", { class: "badge", "data-route": item.route }, `Route: ${item.route}`)),
            h("p", { class: "question" }, item.text),
            h("details", {}, h("summary", {}, "Tutor's answer"), h("div", { class: "md" }, renderMarkdown(item.message, { topHeading: 4 }))),
          ),
        ),
      ),
    );
  }
  const submissions = h("section", { class: "panel", "aria-labelledby": "history-submissions" }, h("h2", { id: "history-submissions" }, "Submissions"));
  if (history.submissions.length === 0) {
    submissions.append(h("p", { class: "muted" }, "No submissions yet."));
  } else {
    submissions.append(
      h(
        "div",
        { class: "table-wrap", tabindex: "0", role: "group", "aria-label": "Submissions table" },
        h(
          "table",
          {},
          h("caption", {}, "Submissions"),
          h(
            "thead",
            {},
            h("tr", {}, ...["Exercise", "Topic", "Status", "Tests passed", "When"].map((c) => h("th", { scope: "col" }, c))),
          ),
          h(
            "tbody",
            {},
            ...history.submissions.map((s) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, s.title),
                h("td", {}, topicLabel(s.topic)),
                h("td", {}, h("span", { class: `status-word status-${s.status}` }, s.status)),
                h("td", { class: "num" }, `${s.passed} of ${s.total}`),
                h("td", {}, h("time", { datetime: s.created_at }, formatTime(s.created_at))),
              ),
            ),
          ),
        ),
      ),
    );
  }
  return [interactions, submissions];
}

export function historyView(studentId: string): View {
  const content = h("div", { class: "history-content", "aria-live": "polite" }, h("p", { class: "muted" }, "Loading history…"));

  async function load(): Promise<void> {
    content.setAttribute("aria-busy", "true");
    try {
      content.replaceChildren(...renderHistory(await api.history(studentId)));
    } catch (error) {
      status.error(error);
      content.replaceChildren(h("p", { class: "error-text" }, "Could not load this student's history."));
    } finally {
      content.setAttribute("aria-busy", "false");
    }
  }

  const element = h(
    "section",
    { class: "view view-history" },
    h("p", {}, h("a", { href: "#/teacher" }, "Back to alerts")),
    h("h1", { tabindex: "-1" }, `History of ${studentId}`),
    content,
  );
  return { element, activate: () => void load() };
}
