// Hash routes, so the server needs no routes of its own: #/learn, #/practice, #/progress,
// #/teacher and #/teacher/students/<student_id>.

export type RouteMatch =
  | { name: "learn" }
  | { name: "practice" }
  | { name: "progress" }
  | { name: "teacher" }
  | { name: "history"; studentId: string }
  | { name: "not_found"; path: string };

export function parseRoute(hash: string): RouteMatch {
  const path = hash.replace(/^#/, "").replace(/\/+$/, "") || "/learn";
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 1) {
    switch (parts[0]) {
      case "learn":
        return { name: "learn" };
      case "practice":
        return { name: "practice" };
      case "progress":
        return { name: "progress" };
      case "teacher":
        return { name: "teacher" };
    }
  }
  if (parts.length === 3 && parts[0] === "teacher" && parts[1] === "students") {
    try {
      return { name: "history", studentId: decodeURIComponent(parts[2]) };
    } catch {
      return { name: "not_found", path };
    }
  }
  return { name: "not_found", path };
}

/** The nav link that is "current" for a route. */
export function navSection(route: RouteMatch): string | null {
  if (route.name === "history") return "teacher";
  return route.name === "not_found" ? null : route.name;
}

export function historyHref(studentId: string): string {
  return `#/teacher/students/${encodeURIComponent(studentId)}`;
}
