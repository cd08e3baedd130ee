// What every view receives: the API client (with the session's token) and the session.

import { ApiClient } from "./api/client";
import { session } from "./session";

export const api = new ApiClient(() => session.token);

/** A rendered view: its root element and what to stop when the user navigates away. */
export interface View {
  element: HTMLElement;
  dispose?(): void;
  /** Called every time the view is (re)shown, e.g. to refresh its data. */
  activate?(): void;
}
