"""Outcomes that are not a single exception: timeouts, wrong output, logic slips, success."""

from serve_app.domain.debug import DebugRequest, diagnose
from serve_app.domain.sandbox.models import ExceptionInfo, Execution
from tests.unit.debug.fakes import FakeRunner, finished, raised, timed_out
from tests.unit.debug.helpers import assert_solution_runs, assert_well_formed


async def test_timeout_points_at_loop_whose_counter_never_changes() -> None:
    code = "i = 0\nwhile i < 5:\n    print(i)\nprint('done')\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(timed_out("0\n" * 40)))

    assert diagnosis.error_type == "Timeout"
    assert diagnosis.line == 2
    assert "`i`" in diagnosis.summary
    assert "infinite loop" in diagnosis.summary
    assert_well_formed(diagnosis)
    output = assert_solution_runs(diagnosis.solution)
    assert output.splitlines() == ["0", "1", "2", "3", "4", "done"]


async def test_timeout_with_counter_moving_the_wrong_way() -> None:
    code = "n = 3\nwhile n > 0:\n    print(n)\n    n += 1\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(timed_out()))

    assert diagnosis.error_type == "Timeout"
    assert diagnosis.line == 2
    assert "away from the limit" in diagnosis.summary
    assert assert_solution_runs(diagnosis.solution).split() == ["3", "2", "1"]


async def test_timeout_on_while_true_without_break() -> None:
    code = "total = 0\nwhile True:\n    total += 1\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(timed_out()))

    assert diagnosis.error_type == "Timeout"
    assert diagnosis.line == 2
    assert "`break`" in diagnosis.summary
    assert diagnosis.solution is None


async def test_while_true_with_break_is_not_blamed() -> None:
    code = (
        "while True:\n    word = input()\n    if word == 'q':\n        break\n"
        "n = 0\nwhile n < 10 ** 12:\n    n += 1\n"
    )

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(timed_out()))

    # The loop that can only stop through its condition is blamed, never the one with `break`.
    assert diagnosis.error_type == "Timeout"
    assert diagnosis.line == 6
    assert "condition never became false" in diagnosis.summary
    assert_well_formed(diagnosis)


async def test_timeout_with_several_possible_loops_names_no_line() -> None:
    code = "i = 0\nwhile i < 10 ** 9:\n    i += 1\nj = 0\nwhile j < 10 ** 9:\n    j += 1\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(timed_out()))

    assert diagnosis.error_type == "Timeout"
    assert diagnosis.line is None
    assert "did not finish in time" in diagnosis.summary
    assert_well_formed(diagnosis)


async def test_timeout_on_counter_stepping_over_its_target() -> None:
    code = "n = 9\nwhile n != 0:\n    n = n - 2\nprint('done')\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(timed_out()))

    assert diagnosis.error_type == "Timeout"
    assert diagnosis.line == 2
    assert "jump over" in diagnosis.summary
    assert_well_formed(diagnosis)


async def test_timeout_on_list_growing_while_iterated() -> None:
    code = "nums = [1, 2]\nfor n in nums:\n    nums.append(n * 2)\nprint(len(nums))\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(timed_out()))

    assert diagnosis.error_type == "Timeout"
    assert diagnosis.line == 2
    assert "`nums`" in diagnosis.summary
    assert assert_solution_runs(diagnosis.solution).strip() == "4"


async def test_memory_limit_is_reported_as_memory_error() -> None:
    code = "items = ['x']\nfor item in items:\n    items.append(item * 2)\n"
    execution = Execution(
        status="memory_limit", stdout="", stderr="", exception=None, duration_ms=900.0
    )

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(execution))

    assert diagnosis.error_type == "MemoryError"
    assert diagnosis.line == 2
    assert "`items`" in diagnosis.summary


async def test_wrong_output_shows_a_diff() -> None:
    code = "for i in range(1, 5):\n    print(i)\n"
    request = DebugRequest(code=code, expected_output="1\n2\n3\n4\n5\n")

    diagnosis = await diagnose(request, FakeRunner(finished("1\n2\n3\n4\n")))

    assert diagnosis.error_type == "WrongOutput"
    assert "output line 5 is missing" in diagnosis.summary
    assert "```diff" in diagnosis.summary
    assert "-5" in diagnosis.summary
    assert_well_formed(diagnosis)


async def test_wrong_output_blames_return_inside_loop_and_fixes_it() -> None:
    code = (
        "def total(xs):\n    t = 0\n    for x in xs:\n        t += x\n        return t\n\n"
        "print(total([1, 2, 3]))\n"
    )
    request = DebugRequest(code=code, expected_output="6\n")

    diagnosis = await diagnose(request, FakeRunner(finished("1\n")))

    assert diagnosis.error_type == "WrongOutput"
    assert diagnosis.line == 5
    assert "expected `6`, got `1`" in diagnosis.summary
    assert "first pass" in diagnosis.summary
    assert assert_solution_runs(diagnosis.solution) == "6\n"


async def test_output_differing_only_in_trailing_space_is_correct() -> None:
    request = DebugRequest(code="print('hi ')\n", expected_output="hi\n\n")

    diagnosis = await diagnose(request, FakeRunner(finished("hi \n")))

    assert diagnosis.error_type == "NoError"
    assert "hi" in diagnosis.summary


async def test_output_differing_in_case_says_so() -> None:
    request = DebugRequest(code="print('hello world')\n", expected_output="Hello World\n")

    diagnosis = await diagnose(request, FakeRunner(finished("hello world\n")))

    assert diagnosis.error_type == "WrongOutput"
    assert "upper/lower case" in diagnosis.summary


async def test_logic_slip_without_exception() -> None:
    code = "name = 'bob'\nname.upper()\nprint(name)\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(finished("bob\n")))

    assert diagnosis.error_type == "LogicSlip"
    assert diagnosis.line == 2
    assert "`name.upper()`" in diagnosis.summary
    assert len(diagnosis.findings) == 1
    assert diagnosis.findings[0].startswith("Line 2:")
    assert_well_formed(diagnosis)
    assert assert_solution_runs(diagnosis.solution) == "BOB\n"


async def test_logic_slip_lists_every_finding() -> None:
    code = (
        "def add(item, basket=[]):\n    basket.append(item)\n    return basket\n\n"
        "x = 5\nif x is 5:\n    print(add(1))\n"
    )

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(finished("[1]\n")))

    assert diagnosis.error_type == "LogicSlip"
    assert diagnosis.line == 1
    assert len(diagnosis.findings) == 2
    assert "Also worth checking" in diagnosis.summary
    assert "`x is 5`" in diagnosis.summary


async def test_clean_program_has_no_error() -> None:
    code = "print(sum([1, 2, 3]))\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(finished("6\n")))

    assert diagnosis.error_type == "NoError"
    assert diagnosis.line is None
    assert diagnosis.findings == ()
    assert diagnosis.solution is None
    assert "6" in diagnosis.summary
    assert_well_formed(diagnosis)


async def test_stdin_is_passed_to_the_runner() -> None:
    runner = FakeRunner(finished("hi ann\n"))

    await diagnose(DebugRequest(code="print('hi', input())\n", stdin="ann\n"), runner)

    assert runner.calls == [("print('hi', input())\n", "ann\n")]


async def test_rejected_code_is_explained() -> None:
    execution = Execution(
        status="rejected",
        stdout="",
        stderr="import of 'socket' is not allowed",
        exception=None,
        duration_ms=0.0,
    )

    diagnosis = await diagnose(DebugRequest(code="import socket\n"), FakeRunner(execution))

    assert diagnosis.error_type == "Rejected"
    assert "socket" in diagnosis.summary
    assert diagnosis.solution is None


async def test_findings_accompany_runtime_errors() -> None:
    code = "nums = [1, 2]\nfor i in range(len(nums) + 1):\n    print(nums[i])\n"
    runner = FakeRunner(raised("IndexError", "list index out of range", 3, nums="[1, 2]", i="2"))

    diagnosis = await diagnose(DebugRequest(code=code), runner)

    assert diagnosis.error_type == "IndexError"
    assert any("Line 2" in finding for finding in diagnosis.findings)
    assert "range(len(nums) + 1)" in diagnosis.hints[1]


async def test_exception_with_status_error_but_no_info_uses_stderr() -> None:
    execution = Execution(
        status="error",
        stdout="",
        stderr=(
            'Traceback (most recent call last):\n  File "main.py", line 2, in <module>\n'
            "    print(1 / zero)\nZeroDivisionError: division by zero\n"
        ),
        exception=None,
        duration_ms=5.0,
        exit_code=1,
    )
    code = "zero = 0\nprint(1 / zero)\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(execution))

    assert diagnosis.error_type == "ZeroDivisionError"
    assert diagnosis.line == 2


async def test_exception_locals_are_used_for_assertions() -> None:
    info = ExceptionInfo(
        type="AssertionError", message="", line=3, locals={"total": "7", "expected": "8"}
    )
    execution = Execution(
        status="error", stdout="", stderr="", exception=info, duration_ms=1.0, exit_code=1
    )
    code = "total = 7\nexpected = 8\nassert total == expected\n"

    diagnosis = await diagnose(DebugRequest(code=code), FakeRunner(execution))

    assert "`total` = `7`" in diagnosis.summary
    assert "`expected` = `8`" in diagnosis.summary
