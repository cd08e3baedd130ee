// The curriculum's topics and difficulties come from GET /v1/curriculum (built from
// serve_app/domain), fetched once per page load; selects show a placeholder until then.

import { api } from "./app";
import type { ApiClient } from "./api/client";
import type { Curriculum } from "./api/types";
import { h } from "./components/dom";
import { status } from "./components/status";

export const LOADING_TOPICS = "Loading topics…";
export const LOADING_DIFFICULTIES = "Loading difficulties…";
export const UNAVAILABLE = "Not loaded (focus to retry)";

let loading: Promise<Curriculum> | null = null;

/** The curriculum, fetched on first use; a failure is shown in the status region and the
 * next call asks again (e.g. after the user has entered a token). */
export function loadCurriculum(client: Pick<ApiClient, "curriculum"> = api): Promise<Curriculum> {
  if (!loading) {
    loading = client.curriculum().catch((error: unknown) => {
      loading = null;
      status.error(error);
      throw error;
    });
  }
  return loading;
}

/** Forgets the loaded curriculum (tests start each case from a fresh page). */
export function forgetCurriculum(): void {
  loading = null;
}

interface Choice {
  value: string;
  label: string;
}

function fillOnceLoaded(
  select: HTMLSelectElement,
  loadingText: string,
  choices: (curriculum: Curriculum) => Choice[],
): Promise<boolean> {
  const pending = h("option", { value: "", disabled: true, class: "pending-option" }, loadingText);
  select.append(pending);
  const load = async (): Promise<boolean> => {
    pending.textContent = loadingText;
    select.setAttribute("aria-busy", "true");
    try {
      const curriculum = await loadCurriculum();
      const chosen = select.value;
      pending.replaceWith(...choices(curriculum).map((c) => h("option", { value: c.value }, c.label)));
      if (chosen) select.value = chosen;
      return true;
    } catch {
      pending.textContent = UNAVAILABLE;
      select.addEventListener("focus", () => void load(), { once: true });
      return false;
    } finally {
      select.removeAttribute("aria-busy");
    }
  };
  return load();
}

/** Appends the curriculum's topics to `select` (after any options it already has, such
 * as "Any topic"); resolves to whether they were loaded. */
export function fillTopicSelect(select: HTMLSelectElement): Promise<boolean> {
  return fillOnceLoaded(select, LOADING_TOPICS, (c) => c.topics.map((t) => ({ value: t.topic, label: t.title })));
}

/** Appends the curriculum's difficulties to `select`, easiest first. */
export function fillDifficultySelect(select: HTMLSelectElement): Promise<boolean> {
  return fillOnceLoaded(select, LOADING_DIFFICULTIES, (c) => c.difficulties.map((d) => ({ value: d, label: d })));
}

export function topicLabel(topic: string): string {
  return topic.charAt(0).toUpperCase() + topic.slice(1).replace(/_/g, " ");
}
