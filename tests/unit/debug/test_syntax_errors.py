from dataclasses import dataclass

import pytest

from serve_app.domain.debug import DebugRequest, diagnose
from serve_app.domain.debug.syntax import repair
from tests.unit.debug.fakes import FakeRunner
from tests.unit.debug.helpers import assert_solution_runs, assert_well_formed


@dataclass(frozen=True)
class SyntaxCase:
    name: str
    code: str
    type: str
    line: int
    column: int | None
    detail: str
    fixed_line: str | None  # the corrected line, when the engine should repair the code


CASES = (
    SyntaxCase(
        "missing_colon_if", "x = 3\nif x > 5\n    print(x)\n", "SyntaxError", 2, 9,
        "missing a colon", "if x > 5:",
    ),
    SyntaxCase(
        "missing_colon_before_comment", "for i in range(3)  # count\n    print(i)\n",
        "SyntaxError", 1, None, "`for` loop is missing a colon", "for i in range(3):  # count",
    ),
    SyntaxCase(
        "missing_colon_def", "def greet()\n    print('hi')\n\ngreet()\n", "SyntaxError", 1, 12,
        "function definition is missing a colon", "def greet():",
    ),
    SyntaxCase(
        "else_if", "x = 1\nif x > 2:\n    print('big')\nelse if x > 0:\n    print('small')\n",
        "SyntaxError", 4, None, "`elif`", "elif x > 0:",
    ),
    SyntaxCase(
        "unclosed_bracket", "nums = [1, 2\nprint(nums)\n", "SyntaxError", 1, 8,
        "`[` opened here is never closed", "nums = [1, 2]",
    ),
    SyntaxCase(
        "unclosed_paren_in_condition", "x = 4\nif (x > 3:\n    print(x)\n", "SyntaxError", 2,
        None, "never closed", "if (x > 3):",
    ),
    SyntaxCase(
        "unclosed_string", 'print("hello)\n', "SyntaxError", 1, 7, "never closed",
        'print("hello")',
    ),
    SyntaxCase(
        "assignment_in_condition", "x = 1\nif x = 5:\n    print(x)\n", "SyntaxError", 2, 4,
        "use `==`", "if x == 5:",
    ),
    SyntaxCase(
        "assignment_in_while", "n = 0\nwhile n = 3:\n    n += 1\n", "SyntaxError", 2, None,
        "use `==`", "while n == 3:",
    ),
    SyntaxCase(
        "python2_print", "print 'hi'\n", "SyntaxError", 1, 1, "parentheses", "print('hi')",
    ),
    SyntaxCase(
        "smart_quotes", "print(\u201chi\u201d)\n", "SyntaxError", 1, 7, "not allowed",
        'print("hi")',
    ),
    SyntaxCase(
        "expected_indent", "if True:\nprint('yes')\n", "IndentationError", 2, None,
        "should be indented", "    print('yes')",
    ),
    SyntaxCase(
        "unexpected_indent", "x = 1\n    y = 2\nprint(x + y)\n", "IndentationError", 2, None,
        "indented more", "y = 2",
    ),
    SyntaxCase(
        "unindent_mismatch", "if True:\n        x = 1\n    print(x)\n", "IndentationError", 3,
        None, "does not line up", "print(x)",
    ),
    SyntaxCase(
        "tabs_and_spaces", "if True:\n\tx = 1\n        print(x)\n", "TabError", 3, None,
        "mixes tab", "    x = 1",
    ),
    SyntaxCase(
        "unmatched_paren", "x = (1 + 2))\nprint(x)\n", "SyntaxError", 1, None, "closing `)`",
        "x = (1 + 2)",
    ),
    SyntaxCase(
        "mismatched_bracket", "x = (1, 2]\nprint(x)\n", "SyntaxError", 1, None,
        "closed with `]`", "x = (1, 2)",
    ),
    SyntaxCase(
        "return_outside_function", "x = 2\nreturn x\n", "SyntaxError", 2, None,
        "inside a function", None,
    ),
    SyntaxCase(
        "keyword_as_name", "class = 'A'\n", "SyntaxError", 1, None, "reserved word", None,
    ),
    SyntaxCase(
        "forgot_comma", "nums = [1 2 3]\n", "SyntaxError", 1, None, "without a comma", None,
    ),
)  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
async def test_syntax_error_is_found_without_running(case: SyntaxCase) -> None:
    runner = FakeRunner()  # fails the test if the engine tries to run the code

    diagnosis = await diagnose(DebugRequest(code=case.code), runner)

    assert runner.calls == []
    assert diagnosis.error_type == case.type
    assert diagnosis.line == case.line
    if case.column is not None:
        assert diagnosis.column == case.column
    assert case.detail in diagnosis.summary, diagnosis.summary
    assert diagnosis.findings == ()
    assert_well_formed(diagnosis)
    if case.fixed_line is None:
        assert diagnosis.solution is None
    else:
        assert diagnosis.solution is not None
        assert case.fixed_line in diagnosis.solution.splitlines()
        assert_solution_runs(diagnosis.solution)


def test_repair_fixes_several_errors_in_turn() -> None:
    broken = "def show(x)\n    print(x\n\nshow(3)\n"

    fixed = repair(broken)

    assert fixed == "def show(x):\n    print(x)\n\nshow(3)\n"


def test_repair_gives_up_on_unknown_errors() -> None:
    assert repair("x = [1 2 3]\n") is None
    assert repair("print('fine')\n") is None


async def test_syntax_error_beats_pasted_error_text() -> None:
    code = "if True\n    print(1)\n"
    pasted = "NameError: name 'x' is not defined"

    diagnosis = await diagnose(DebugRequest(code=code, error=pasted), FakeRunner())

    assert diagnosis.error_type == "SyntaxError"
    assert diagnosis.line == 1


async def test_null_bytes_are_reported_not_raised() -> None:
    diagnosis = await diagnose(DebugRequest(code="x = 1\x00\n"), FakeRunner())

    assert diagnosis.error_type == "SyntaxError"
    assert diagnosis.solution is None


@pytest.mark.parametrize("invisible", ["\u00a0", "\u200b", "\ufeff"])
def test_invisible_characters_pasted_from_the_web_are_repaired(invisible: str) -> None:
    fixed = repair(f"x = 1{invisible}+ 2\nprint(x)\n")
    assert fixed is not None
    compile(fixed, "main.py", "exec")
