// The header's status region (role=status): errors in words, "Still thinking…" when the
// tutor is slow, and short confirmations. One instance for the whole app.

import { describeError } from "../api/errors";

export type StatusTone = "info" | "error" | "busy";

export const SLOW_AFTER_MS = 5000;
export const STILL_THINKING = "Still thinking…";

export class StatusRegion {
  readonly element: HTMLElement;

  constructor() {
    this.element = document.createElement("div");
    this.element.setAttribute("role", "status");
    this.element.className = "status";
    // Never `hidden`: a live region must stay in the accessibility tree to be announced
    // when text arrives; empty, it takes no space (styles.css).
  }

  show(text: string, tone: StatusTone = "info"): void {
    this.element.textContent = text;
    this.element.dataset.tone = tone;
  }

  error(error: unknown): void {
    this.show(describeError(error), "error");
  }

  clear(): void {
    this.element.textContent = "";
    delete this.element.dataset.tone;
  }

  /** Shows "Still thinking…" if `settled` has not been called within SLOW_AFTER_MS. */
  slowNotice(): () => void {
    let shown = false;
    const timer = setTimeout(() => {
      shown = true;
      this.show(STILL_THINKING, "busy");
    }, SLOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (shown && this.element.textContent === STILL_THINKING) this.clear();
    };
  }
}

export const status = new StatusRegion();

export interface BusyOptions {
  /** Return true when the error was shown elsewhere (the status region stays quiet). */
  onError?: (error: unknown) => boolean;
  /** Show "Still thinking…" after SLOW_AFTER_MS (streams handle this themselves). */
  watchSlow?: boolean;
}

/**
 * Runs a request with its button disabled and a visible busy note beside it; errors go to
 * the status region. Resolves to the result, or null when the request failed.
 */
export async function busy<T>(
  button: HTMLButtonElement,
  note: HTMLElement,
  busyText: string,
  run: () => Promise<T>,
  options: BusyOptions = {},
): Promise<T | null> {
  button.disabled = true;
  note.textContent = busyText;
  note.hidden = false;
  status.clear();
  const settled = options.watchSlow === false ? () => undefined : status.slowNotice();
  try {
    return await run();
  } catch (error) {
    settled();
    if (!(options.onError?.(error) ?? false)) status.error(error);
    return null;
  } finally {
    settled();
    button.disabled = false;
    note.textContent = "";
    note.hidden = true;
  }
}

export function busyNote(): HTMLSpanElement {
  const note = document.createElement("span");
  note.className = "busy-note";
  note.hidden = true;
  return note;
}
