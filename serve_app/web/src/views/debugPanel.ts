// The "Debugging" region: diagnosis, the hints climbed so far and the "Next hint" button;
// once the ladder is used up, the solution (or an explanation) instead of the button.

import { api } from "../app";
import { ApiError } from "../api/errors";
import type { DebugAnswer } from "../api/types";
import { h } from "../components/dom";
import { renderInline, renderMarkdown } from "../components/markdown";
import { busy, busyNote } from "../components/status";
import {
  applyHint,
  canAskForHint,
  hintHeading,
  hintSteps,
  type LadderState,
  markExhausted,
  solutionView,
  startLadder,
} from "../hintLadder";
import { session } from "../session";

export class DebugPanel {
  readonly element: HTMLElement;
  private state: LadderState | null = null;

  constructor() {
    this.element = h("section", { class: "panel debug-panel", "aria-label": "Debugging" });
    this.element.hidden = true;
  }

  show(answer: DebugAnswer, focus = true): void {
    this.state = startLadder(answer);
    this.render();
    this.element.hidden = false;
    if (focus) this.focusLast();
  }

  private focusLast(): void {
    const headings = this.element.querySelectorAll<HTMLElement>("h3");
    const last = headings[headings.length - 1];
    last?.focus();
  }

  private async next(button: HTMLButtonElement, note: HTMLElement): Promise<void> {
    const state = this.state;
    if (!state || !canAskForHint(state)) return;
    const hint = await busy(button, note, "Getting the next hint…", () => api.nextHint(state.debugId, session.studentId), {
      onError: (error) => {
        if (error instanceof ApiError && error.kind === "conflict" && this.state) {
          // The ladder was used up elsewhere (another tab): show it as finished.
          this.state = markExhausted(this.state);
          this.render();
          return true;
        }
        return false;
      },
    });
    if (hint && this.state) {
      this.state = applyHint(this.state, hint);
      this.render();
      this.focusLast();
    }
  }

  private render(): void {
    const state = this.state;
    if (!state) return;
    const where = state.line !== null ? ` on line ${state.line}` : "";
    const parts: (Node | null)[] = [
      h("h2", {}, "Debugging"),
      h("p", { class: "diagnosis" }, h("span", { class: "error-type" }, state.errorType), where),
    ];
    if (state.message) parts.push(h("p", { class: "error-message" }, h("code", {}, state.message)));
    if (state.summary) parts.push(h("div", { class: "md" }, renderMarkdown(state.summary)));
    if (state.findings.length) {
      // Findings quote code in backticks, like the hints: render them as inline markdown.
      const items = state.findings.map((finding) => {
        const item = h("li", {});
        renderInline(finding, item);
        return item;
      });
      parts.push(h("ul", { class: "findings" }, ...items));
    }
    const steps = h("ol", { class: "hint-steps" });
    for (const step of hintSteps(state)) {
      steps.append(
        h("li", {}, h("h3", { tabindex: "-1" }, hintHeading(step, state)), h("div", { class: "md" }, renderMarkdown(step.text))),
      );
    }
    parts.push(steps);
    const solution = solutionView(state);
    if (solution) {
      const block = h("div", { class: "solution" }, h("h3", { tabindex: "-1" }, "Solution"));
      if (solution.explanation) block.append(h("div", { class: "md" }, renderMarkdown(solution.explanation)));
      if (solution.code) {
        block.append(h("pre", { tabindex: "0" }, h("code", { class: "language-python" }, solution.code)));
      }
      parts.push(block);
    }
    if (canAskForHint(state)) {
      const button = h("button", { type: "button", class: "secondary" }, "Next hint");
      const note = busyNote();
      button.addEventListener("click", () => void this.next(button, note));
      parts.push(
        h(
          "div",
          { class: "actions" },
          button,
          note,
          h("span", { class: "muted" }, `${state.remaining} more step${state.remaining === 1 ? "" : "s"} left`),
        ),
      );
    }
    this.element.replaceChildren(...parts.filter((p): p is Node => p !== null));
  }
}
