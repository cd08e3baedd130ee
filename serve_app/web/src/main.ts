// The shell (skip link, header with nav, identity form and status region, main landmark)
// and the hash router that swaps views in <main>.

import "./styles.css";
import type { View } from "./app";
import { field, h } from "./components/dom";
import { status } from "./components/status";
import { navSection, parseRoute, type RouteMatch } from "./router";
import { session, STUDENT_ID_PATTERN } from "./session";
import { historyView } from "./views/history";
import { learnView } from "./views/learn";
import { practiceView } from "./views/practice";
import { progressView } from "./views/progress";
import { teacherView } from "./views/teacher";

const NAV: readonly [string, string][] = [
  ["learn", "Learn"],
  ["practice", "Practice"],
  ["progress", "Progress"],
  ["teacher", "Teacher"],
];

const TITLES: Record<RouteMatch["name"], string> = {
  learn: "Learn",
  practice: "Practice",
  progress: "Progress",
  teacher: "Teacher",
  history: "History",
  not_found: "Not found",
};

function identityForm(): HTMLFormElement {
  const studentId = h("input", { type: "text", autocomplete: "username", spellcheck: "false", required: true, maxlength: 128, value: session.studentId });
  const token = h("input", { type: "password", autocomplete: "off", spellcheck: "false", value: session.token, placeholder: "optional" });
  const form = h(
    "form",
    { class: "identity", "aria-label": "Who is learning", novalidate: true },
    field("Student ID", studentId),
    field("Access token", token),
    h("button", { type: "submit", class: "secondary" }, "Save"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const id = studentId.value.trim();
    if (!STUDENT_ID_PATTERN.test(id)) {
      status.show("A student ID uses letters, digits and _ . @ : + - only (up to 128 characters).", "error");
      studentId.focus();
      return;
    }
    session.update(id, token.value);
    status.show(`Saved: learning as ${id}${session.token ? " with an access token" : ""}.`);
  });
  return form;
}

function shell(): { main: HTMLElement; links: Map<string, HTMLAnchorElement> } {
  const root = document.getElementById("app") ?? document.body;
  const main = h("main", { id: "main", tabindex: "-1" });
  const skip = h("a", { class: "skip-link", href: "#/learn" }, "Skip to content");
  skip.addEventListener("click", (event) => {
    event.preventDefault(); // the hash is the router's: move focus without navigating
    main.focus();
  });
  const links = new Map<string, HTMLAnchorElement>();
  const navList = h("ul", {});
  for (const [key, label] of NAV) {
    const link = h("a", { href: `#/${key}` }, label);
    links.set(key, link);
    navList.append(h("li", {}, link));
  }
  const header = h(
    "header",
    { class: "site-header" },
    h("div", { class: "header-top" }, h("p", { class: "brand" }, "LearnFlow"), h("nav", { "aria-label": "Main" }, navList)),
    identityForm(),
    status.element,
  );
  const footer = h("footer", { class: "site-footer" }, h("p", {}, "LearnFlow: a Python tutor. Answers come from the course notes and, when configured, a language model."));
  root.replaceChildren(skip, header, main, footer);
  return { main, links };
}

function start(): void {
  const { main, links } = shell();
  // Learn and Practice keep their state (conversation, editor) while the student browses.
  const kept = new Map<string, View>();
  let current: View | null = null;
  let currentKept = false;

  function build(route: RouteMatch): { view: View; keep: boolean } {
    switch (route.name) {
      case "learn":
      case "practice": {
        let view = kept.get(route.name);
        if (!view) {
          view = route.name === "learn" ? learnView() : practiceView();
          kept.set(route.name, view);
        }
        return { view, keep: true };
      }
      case "progress":
        return { view: progressView(), keep: false };
      case "teacher":
        return { view: teacherView(), keep: false };
      case "history":
        return { view: historyView(route.studentId), keep: false };
      case "not_found":
        return {
          view: {
            element: h(
              "section",
              { class: "view" },
              h("h1", { tabindex: "-1" }, "Page not found"),
              h("p", {}, "There is nothing at this address. ", h("a", { href: "#/learn" }, "Go to Learn")),
            ),
          },
          keep: false,
        };
    }
  }

  function render(focusHeading: boolean): void {
    const route = parseRoute(window.location.hash);
    if (current && !currentKept) current.dispose?.();
    const { view, keep } = build(route);
    current = view;
    currentKept = keep;
    main.replaceChildren(view.element);
    view.activate?.();
    const section = navSection(route);
    for (const [key, link] of links) {
      if (key === section) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    document.title = `${TITLES[route.name]} · LearnFlow`;
    // Moving focus to the new page's heading tells screen-reader users the page changed.
    if (focusHeading) view.element.querySelector<HTMLElement>("h1")?.focus();
  }

  session.onChange(() => {
    // Another student: forget their conversation and exercise, show the page afresh.
    for (const view of kept.values()) view.dispose?.();
    kept.clear();
    if (current && !currentKept) current.dispose?.();
    current = null;
    render(false);
  });

  window.addEventListener("hashchange", () => render(true));
  if (!window.location.hash) window.history.replaceState(null, "", "#/learn");
  render(false);
}

start();
