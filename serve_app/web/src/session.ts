// Who is using the app: the student id (remembered in localStorage) and an optional access
// token (kept in sessionStorage only, so a shared computer forgets it with the tab).

export const DEFAULT_STUDENT_ID = "student-1";
const STUDENT_KEY = "learnflow.studentId";
const TOKEN_KEY = "learnflow.token";
export const STUDENT_ID_PATTERN = /^[A-Za-z0-9_.@:+-]{1,128}$/;

function read(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null; // storage disabled (privacy mode): fall back to defaults
  }
}

function write(storage: Storage | undefined, key: string, value: string): void {
  try {
    if (value) storage?.setItem(key, value);
    else storage?.removeItem(key);
  } catch {
    // Not being able to remember is not worth an error.
  }
}

type Listener = () => void;

class Session {
  private studentIdValue: string;
  private tokenValue: string;
  private readonly listeners = new Set<Listener>();

  constructor() {
    const stored = read(globalThis.localStorage, STUDENT_KEY);
    this.studentIdValue = stored && STUDENT_ID_PATTERN.test(stored) ? stored : DEFAULT_STUDENT_ID;
    this.tokenValue = read(globalThis.sessionStorage, TOKEN_KEY) ?? "";
  }

  get studentId(): string {
    return this.studentIdValue;
  }

  get token(): string {
    return this.tokenValue;
  }

  update(studentId: string, token: string): void {
    this.studentIdValue = studentId;
    this.tokenValue = token.trim();
    write(globalThis.localStorage, STUDENT_KEY, studentId);
    write(globalThis.sessionStorage, TOKEN_KEY, this.tokenValue);
    for (const listener of this.listeners) listener();
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const session = new Session();
