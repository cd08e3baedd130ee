// Progress: mastery per topic as a bar chart with the same numbers in a table, the streak,
// overall mastery and the topics the student is struggling with.

import { api, type View } from "../app";
import type { Progress } from "../api/types";
import { barChart } from "../components/chart";
import { h } from "../components/dom";
import { status } from "../components/status";
import { session } from "../session";
import { topicLabel } from "../topics";

export function streakText(days: number): string {
  return `Streak: ${days} days`;
}

export function renderProgress(progress: Progress): Node[] {
  const topics = Object.entries(progress.topics).sort(([a], [b]) => a.localeCompare(b));
  const nodes: Node[] = [
    h(
      "ul",
      { class: "stats" },
      h("li", {}, h("span", { class: "stat-value" }, String(Math.round(progress.overall_mastery))), h("span", { class: "stat-label" }, "Overall mastery (of 100)")),
      h("li", {}, h("span", { class: "stat-value" }, streakText(progress.streak_days))),
    ),
  ];
  if (progress.struggling.length) {
    nodes.push(
      h("p", { class: "struggling" }, h("strong", {}, "Needs practice: "), progress.struggling.map(topicLabel).join(", ")),
    );
  }
  nodes.push(barChart(topics.map(([topic, p]) => ({ label: topicLabel(topic), value: p.mastery })), "Mastery per topic"));
  if (!topics.length) nodes.push(h("p", { class: "muted" }, "No progress yet: solve an exercise or answer a check question to start."));
  nodes.push(
    h(
      "div",
      { class: "table-wrap", tabindex: "0", role: "group", "aria-label": "Mastery table" },
      h(
        "table",
        {},
        h("caption", {}, "Mastery per topic"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Topic"), h("th", { scope: "col" }, "Mastery (0-100)"), h("th", { scope: "col" }, "Level"))),
        h(
          "tbody",
          {},
          ...topics.map(([topic, p]) =>
            h("tr", {}, h("th", { scope: "row" }, topicLabel(topic)), h("td", { class: "num" }, String(Math.round(p.mastery))), h("td", {}, p.level)),
          ),
        ),
      ),
    ),
  );
  return nodes;
}

export function progressView(): View {
  const content = h("div", { class: "panel progress-content", "aria-live": "polite" });
  const retry = h("button", { type: "button", class: "secondary" }, "Refresh");

  async function load(): Promise<void> {
    content.setAttribute("aria-busy", "true");
    retry.disabled = true;
    content.replaceChildren(h("p", { class: "muted" }, `Loading the progress of ${session.studentId}…`));
    try {
      const progress = await api.progress(session.studentId);
      content.replaceChildren(...renderProgress(progress));
    } catch (error) {
      status.error(error);
      content.replaceChildren(h("p", { class: "error-text" }, "Could not load the progress. Press Refresh to try again."));
    } finally {
      content.setAttribute("aria-busy", "false");
      retry.disabled = false;
    }
  }
  retry.addEventListener("click", () => void load());

  const element = h(
    "section",
    { class: "view view-progress" },
    h("div", { class: "title-row" }, h("h1", { tabindex: "-1" }, "Progress"), retry),
    h("p", { class: "muted" }, `Mastery grows with solved exercises, answered check questions, clean code and a daily streak.`),
    content,
  );
  return { element, activate: () => void load() };
}
