"""Feedback on a graded submission: specific, short, and pointing at the first thing to fix."""

from serve_app.domain.exercises import feedback_for, load_bank
from serve_app.domain.exercises.feedback import with_quality_note
from serve_app.domain.sandbox import models as sandbox

SPEC = next(s for s in load_bank() if s.exercise_id == "loops-sum-evens")
HARD_SPEC = next(s for s in load_bank() if s.difficulty == "hard")


def report(
    status: sandbox.GradeStatus,
    results: list[tuple[str, bool, str]],
    error: sandbox.ExceptionInfo | None = None,
) -> sandbox.GradeReport:
    rows = tuple(sandbox.TestResult(name, ok, message) for name, ok, message in results)
    return sandbox.GradeReport(
        status=status,
        results=rows,
        passed=sum(r.passed for r in rows),
        total=len(rows),
        duration_ms=12.0,
        error=error,
    )


def test_pass_congratulates_and_suggests_a_harder_exercise() -> None:
    text = feedback_for(report("passed", [("a", True, ""), ("b", True, "")]), SPEC)
    assert "All 2 tests passed" in text
    assert SPEC.title in text
    assert "harder *loops*" in text


def test_pass_on_a_hard_exercise_suggests_a_new_topic() -> None:
    text = feedback_for(report("passed", [("a", True, "")]), HARD_SPEC)
    assert "new topic" in text


def test_failure_lists_what_passed_and_the_first_failure_with_its_message() -> None:
    text = feedback_for(
        report(
            "failed",
            [
                ("mixed list", True, ""),
                ("handles empty list", False, "AssertionError: assert 3 == 0"),
                ("negative even numbers count", False, "AssertionError"),
            ],
        ),
        SPEC,
    )
    assert "**1 of 3**" in text
    assert "Good: mixed list." in text
    assert "First to fix: **handles empty list**: `AssertionError: assert 3 == 0`" in text
    assert "empty input" in text  # the nudge matches the failing case
    assert "negative even numbers count" not in text  # one thing at a time


def test_long_list_of_passing_tests_is_shortened() -> None:
    rows = [(f"case {n}", True, "") for n in range(6)] + [("other", False, "")]
    text = feedback_for(report("failed", rows), SPEC)
    assert "case 0, case 1, case 2 and 3 more." in text


def test_missing_return_gets_its_own_nudge() -> None:
    for message in [
        "TypeError: 'NoneType' object is not subscriptable",
        "assert sum_evens([]) == 0 failed: got None",
    ]:
        rows = [("handles empty list", False, message)]
        assert "`return`" in feedback_for(report("failed", rows), SPEC), message


def test_expected_exception_gets_a_raise_nudge() -> None:
    rows = [("negative total raises ValueError", False, "AssertionError: should raise")]
    assert "raise ValueError" in feedback_for(report("failed", rows), SPEC)


def test_an_unexpected_exception_does_not_get_the_raise_nudge() -> None:
    rows = [("plain number", False, "ValueError: invalid literal for int()")]
    assert "raise ValueError" not in feedback_for(report("failed", rows), SPEC)


def test_unknown_case_gets_the_default_nudge() -> None:
    text = feedback_for(report("failed", [("mixed list", False, "")]), SPEC)
    assert "`print`" in text
    assert "First to fix: **mixed list**" in text
    assert "``" not in text


def test_message_is_one_bounded_line_without_backticks() -> None:
    message = "AssertionError: `x`" + "y" * 1000 + "\nsecond line"
    text = feedback_for(report("failed", [("mixed list", False, message)]), SPEC)
    assert "second line" not in text
    assert "'x'" in text
    assert len(text) < 800


def test_timeout_points_at_an_infinite_loop() -> None:
    text = feedback_for(
        report("timeout", [("mixed list", True, ""), ("long list", False, "")]), SPEC
    )
    assert "ran out of time" in text
    assert "infinite loop" in text
    assert "1 of 2 tests passed before that" in text


def test_memory_limit_points_at_growing_data() -> None:
    text = feedback_for(report("memory_limit", []), SPEC)
    assert "too much memory" in text
    assert "passed before" not in text


def test_error_before_tests_shows_the_exception_and_line() -> None:
    error = sandbox.ExceptionInfo(type="NameError", message="name 'totl' is not defined", line=4)
    text = feedback_for(report("error", [("mixed list", False, "")], error), SPEC)
    assert "`NameError: name 'totl' is not defined` on line 4" in text
    assert "spelling" in text


def test_syntax_error_gets_a_syntax_hint() -> None:
    error = sandbox.ExceptionInfo(type="SyntaxError", message="expected ':'", line=1, column=20)
    text = feedback_for(report("error", [], error), SPEC)
    assert text.startswith(
        "Python could not read your code: `SyntaxError: expected ':'` on line 1."
    )
    assert "missing colon" in text


def test_error_without_details_falls_back_to_the_failing_test() -> None:
    text = feedback_for(report("error", [("mixed list", False, "ZeroDivisionError: x")]), SPEC)
    assert "First to fix: **mixed list**" in text


def test_rejected_code_explains_the_sandbox_rules() -> None:
    error = sandbox.ExceptionInfo(type="Rejected", message="imports socket", line=None)
    text = feedback_for(report("rejected", [], error), SPEC)
    assert "refused" in text
    assert "imports socket" in text


def test_quality_note_is_added_only_once_the_code_passes() -> None:
    findings = [(3, "`list` hides Python's built-in `list`"), (5, "'os' imported but unused")]
    passed = with_quality_note("All passed.", "passed", findings)
    assert "line 3" in passed
    assert "1 more" in passed
    assert with_quality_note("Fix this.", "failed", findings) == "Fix this."
    assert with_quality_note("All passed.", "passed", []) == "All passed."
