import { describe, expect, it } from "vitest";
import { historyHref, navSection, parseRoute } from "./router";

describe("parseRoute", () => {
  it.each([
    ["", { name: "learn" }],
    ["#/", { name: "learn" }],
    ["#/learn", { name: "learn" }],
    ["#/practice/", { name: "practice" }],
    ["#/progress", { name: "progress" }],
    ["#/teacher", { name: "teacher" }],
    ["#/teacher/students/student-1", { name: "history", studentId: "student-1" }],
    ["#/nowhere", { name: "not_found", path: "/nowhere" }],
  ])("%s", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it("round-trips student ids through the history link", () => {
    const id = "ann@school.example:7a";
    expect(parseRoute(historyHref(id))).toEqual({ name: "history", studentId: id });
    expect(navSection(parseRoute(historyHref(id)))).toBe("teacher");
  });
});
