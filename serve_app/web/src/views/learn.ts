// Learn: chat with the tutor. Answers stream in (route badge first), the editor holds the
// student's code, and "Find the bug" or a debug-routed answer opens the hint ladder.

import { api, type View } from "../app";
import { streamAsk } from "../api/ask";
import { describeError } from "../api/errors";
import type { AskAnswer, DebugAnswer, DebugRequest } from "../api/types";
import { field, h } from "../components/dom";
import { createCodeEditor, EDITOR_HELP } from "../components/editor";
import { renderMarkdown } from "../components/markdown";
import { busy, busyNote, status } from "../components/status";
import { session } from "../session";
import { isExercise, offerExercise } from "../store";
import { DebugPanel } from "./debugPanel";

function isDebugAnswer(payload: Record<string, unknown>): boolean {
  return typeof payload.debug_id === "string" && typeof payload.hint === "string";
}

export function learnView(): View {
  const conversation = h("div", { class: "conversation", role: "log", "aria-label": "Conversation", "aria-live": "polite" });
  const empty = h("p", { class: "muted empty" }, "Ask about a Python idea, paste code that fails, or ask for an exercise.");
  conversation.append(empty);

  const question = h("textarea", { rows: 3, required: true, maxlength: 4000, placeholder: "e.g. What does a for loop do?" });
  const editor = createCodeEditor({ label: "Code editor", placeholder: "# Paste or write Python code here", describedBy: "learn-editor-help", onSubmit: () => form.requestSubmit() });
  const errorText = h("textarea", { rows: 2, maxlength: 4000, class: "mono" });
  const stdinText = h("textarea", { rows: 2, class: "mono" });
  const askButton = h("button", { type: "submit" }, "Ask");
  const debugButton = h("button", { type: "button", class: "secondary" }, "Find the bug");
  const note = busyNote();
  const debugPanel = new DebugPanel();
  let controller: AbortController | null = null;

  const editorHelpId = "learn-editor-help";
  const form = h(
    "form",
    { class: "panel ask-form", "aria-label": "Ask the tutor", novalidate: true },
    field("Your question", question, "Ctrl+Enter sends."),
    h(
      "div",
      { class: "field" },
      h("span", { class: "label", id: "learn-code-label" }, "Your code (optional)"),
      editor.element,
      h("p", { class: "hint", id: editorHelpId }, EDITOR_HELP),
    ),
    h(
      "details",
      { class: "debug-extra" },
      h("summary", {}, "Error message and program input (for Find the bug)"),
      field("Error message", errorText, "The traceback or error you saw, if any."),
      field("Program input", stdinText, "What you typed when the program ran (stdin), if anything."),
    ),
    h("div", { class: "actions" }, askButton, debugButton, note),
  );

  question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function addStudentMessage(text: string, code: string): void {
    empty.remove();
    const bubble = h("div", { class: "msg msg-student" }, h("p", { class: "who" }, "You"), h("p", { class: "msg-text" }, text));
    if (code.trim()) bubble.append(h("pre", { tabindex: "0" }, h("code", { class: "language-python" }, code)));
    conversation.append(bubble);
  }

  function showAnswerExtras(article: HTMLElement, answer: AskAnswer): void {
    if (answer.route === "debug" && isDebugAnswer(answer.payload)) {
      debugPanel.show(answer.payload as unknown as DebugAnswer, false);
    }
    if (answer.route === "exercise" && isExercise(answer.payload)) {
      const exercise = answer.payload;
      const open = h("a", { href: "#/practice", class: "button-link" }, "Try this exercise");
      open.addEventListener("click", () => offerExercise(exercise));
      article.append(h("p", {}, open));
    }
  }

  async function ask(): Promise<void> {
    const text = question.value.trim();
    if (!text) {
      status.show("Please type a question first.", "error");
      question.focus();
      return;
    }
    const code = editor.getValue();
    addStudentMessage(text, code);
    const badge = h("span", { class: "badge" });
    badge.hidden = true;
    const body = h("div", { class: "md answer-text" });
    const article = h("article", { class: "msg msg-tutor", "aria-busy": "true", "data-state": "streaming" }, h("p", { class: "who" }, "Tutor ", badge), body);
    conversation.append(article);
    conversation.scrollTop = conversation.scrollHeight;
    controller = new AbortController();
    const signal = controller.signal;
    let pending: string | null = null;
    let firstText: (() => void) | null = null;
    const paint = (): void => {
      if (pending === null) return;
      // Follow the stream only if the reader has not scrolled up to read something else.
      const atBottom = conversation.scrollHeight - conversation.scrollTop - conversation.clientHeight < 40;
      body.replaceChildren(renderMarkdown(pending));
      pending = null;
      if (atBottom) conversation.scrollTop = conversation.scrollHeight;
    };
    const answer = await busy(
      askButton,
      note,
      "Asking the tutor…",
      async () => {
        firstText = status.slowNotice();
        try {
          return await streamAsk(
            api,
            { student_id: session.studentId, text, ...(code.trim() ? { code } : {}) },
            {
              onMeta: (meta) => {
                badge.textContent = `Route: ${meta.route}`;
                badge.dataset.route = meta.route;
                badge.hidden = false;
              },
              onText: (value) => {
                firstText?.();
                if (pending === null) requestAnimationFrame(paint);
                pending = value;
              },
              onRetract: () => {
                if (!article.querySelector(".retracted")) {
                  article.append(h("p", { class: "muted retracted" }, "A first draft was withdrawn because it did not match the course notes; this is the checked answer."));
                }
              },
            },
            signal,
          );
        } finally {
          firstText?.();
        }
      },
      {
        watchSlow: false,
        onError: (error) => {
          article.dataset.state = "error";
          body.replaceChildren(h("p", { class: "error-text" }, describeError(error)));
          return false;
        },
      },
    );
    controller = null;
    paint();
    article.setAttribute("aria-busy", "false");
    if (answer) {
      body.replaceChildren(renderMarkdown(answer.message));
      badge.textContent = `Route: ${answer.route}`;
      badge.dataset.route = answer.route;
      badge.hidden = false;
      article.dataset.state = "done";
      showAnswerExtras(article, answer);
      question.value = "";
    }
    question.focus();
  }

  async function findBug(): Promise<void> {
    const code = editor.getValue();
    if (!code.trim()) {
      status.show("Paste or write the code to debug in the code editor first.", "error");
      editor.focus();
      return;
    }
    const request: DebugRequest = { student_id: session.studentId, code };
    if (errorText.value.trim()) request.error = errorText.value.trim();
    if (stdinText.value) request.stdin = stdinText.value;
    const answer = await busy(debugButton, note, "Looking for the bug…", () => api.debug(request));
    if (answer) debugPanel.show(answer);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!askButton.disabled) void ask();
  });
  debugButton.addEventListener("click", () => void findBug());

  const element = h(
    "section",
    { class: "view view-learn" },
    h("h1", { tabindex: "-1" }, "Ask the tutor"),
    h("div", { class: "learn-grid" }, h("div", { class: "learn-chat" }, conversation), h("div", { class: "learn-side" }, form, debugPanel.element)),
  );
  return {
    element,
    dispose: () => {
      controller?.abort();
      editor.destroy();
    },
  };
}
