"""Grading: one result per hidden test, helpful failures, and nothing of the tests leaked."""

import pytest

from serve_app.domain.sandbox import Sandbox, SandboxLimits, TestCase, process

TESTS = [
    TestCase("adds small numbers", "assert add(1, 2) == 3"),
    TestCase("adds negatives", "assert add(-2, -3) == -5"),
    TestCase("adds zero", "assert add(0, 7) == 7"),
]


async def test_all_pass(sandbox: Sandbox) -> None:
    report = await sandbox.grade("def add(a, b):\n    return a + b\n", TESTS)
    assert report.status == "passed"
    assert (report.passed, report.total, report.score) == (3, 3, 1.0)
    assert [r.name for r in report.results] == [t.name for t in TESTS]
    assert report.error is None


async def test_all_fail_with_actual_value(sandbox: Sandbox) -> None:
    report = await sandbox.grade("def add(a, b):\n    return a * b\n", TESTS)
    assert report.status == "failed"
    assert report.passed == 0
    assert report.results[0].message == "assert add(1, 2) == 3 failed: got 2"


async def test_partial(sandbox: Sandbox) -> None:
    report = await sandbox.grade("def add(a, b):\n    return abs(a) + abs(b)\n", TESTS)
    assert report.status == "failed"
    assert [r.passed for r in report.results] == [True, False, True]
    assert report.score == 2 / 3
    assert report.results[1].message == "assert add(-2, -3) == -5 failed: got 5"


async def test_exception_in_test_names_type_and_message(sandbox: Sandbox) -> None:
    report = await sandbox.grade("def add(a, b):\n    return a + str(b)\n", TESTS[:1])
    message = report.results[0].message
    assert message.startswith("TypeError: unsupported operand type(s)")
    assert "assert add(1, 2) == 3" in message


async def test_custom_assert_message_and_multi_statement_tests(sandbox: Sandbox) -> None:
    test = TestCase(
        "hidden",
        "secret_input = 41\nexpected = 42\nassert inc(secret_input) == expected, 'off by one'\n",
    )
    report = await sandbox.grade("def inc(x):\n    return x\n", [test])
    message = report.results[0].message
    assert message == "assert inc(secret_input) == expected, 'off by one' failed: off by one"
    assert "secret_input = 41" not in message
    assert "expected = 42" not in message


async def test_load_error_fails_every_test(sandbox: Sandbox) -> None:
    report = await sandbox.grade("def add(a, b):\n    return a + b\n\nadd(1)\n", TESTS)
    assert report.status == "error"
    assert report.passed == 0
    assert report.error is not None
    assert (report.error.type, report.error.line) == ("TypeError", 4)
    assert all("failed before the tests" in r.message for r in report.results)


async def test_syntax_error_fails_every_test(sandbox: Sandbox) -> None:
    report = await sandbox.grade("def add(a, b)\n    return a + b\n", TESTS)
    assert report.status == "error"
    assert report.error is not None
    assert (report.error.type, report.error.line, report.error.column) == ("SyntaxError", 1, 14)
    assert not any(r.passed for r in report.results)


async def test_main_block_does_not_run_when_graded(sandbox: Sandbox) -> None:
    code = "def add(a, b):\n    return a + b\n\nif __name__ == '__main__':\n    add(input(), 1)\n"
    report = await sandbox.grade(code, TESTS)
    assert report.status == "passed"


async def test_student_prints_are_kept(sandbox: Sandbox) -> None:
    report = await sandbox.grade("print('loading')\ndef add(a, b):\n    return a + b\n", TESTS)
    assert report.stdout == "loading\n"


async def test_infinite_loop_in_one_test_times_out_the_run(sandbox: Sandbox) -> None:
    code = "def add(a, b):\n    while a < 0:\n        pass\n    return a + b\n"
    report = await sandbox.grade(code, TESTS, limits=SandboxLimits(wall_seconds=1, cpu_seconds=2))
    assert report.status == "timeout"
    assert [r.passed for r in report.results] == [True, False, False]
    assert report.results[1].message.startswith("timed out")
    assert report.results[2].message.startswith("not run")


async def test_shadowed_builtins_do_not_fool_tests(sandbox: Sandbox) -> None:
    code = "def double(xs):\n    return xs\nlen = lambda value: 4\n"
    report = await sandbox.grade(code, [TestCase("len", "assert len(double([1, 2])) == 4")])
    assert report.status == "failed"
    assert report.results[0].message == "assert len(double([1, 2])) == 4 failed: got 2"


async def test_broken_test_code_fails_only_that_test(sandbox: Sandbox) -> None:
    tests = [TestCase("broken", "assert add(1, 2) =="), TESTS[0]]
    report = await sandbox.grade("def add(a, b):\n    return a + b\n", tests)
    assert [r.passed for r in report.results] == [False, True]
    assert report.results[0].message.startswith("the test itself is invalid")


@pytest.mark.parametrize(
    ("test_code", "needs_it"),
    [
        ("assert add(1, 2) == 3", False),
        ("import math, contextlib, io\nassert add(math.pi, 0) == math.pi", False),
        ("import collections.abc\nassert isinstance(add, collections.abc.Callable)", False),
        ("import logging\nassert add(1, 2) == 3", True),
        ("from os import path\nassert add(1, 2) == 3", True),
        ("from . import helper\nassert add(1, 2) == 3", True),
        ("tb = __import__('traceback')\nassert add(1, 2) == 3", True),
        ("name = 'importlib'\nassert add(1, 2) == 3", True),
        ("import (", True),
    ],
)
def test_the_traceback_module_is_loaded_when_a_test_may_reach_it(
    test_code: str, needs_it: bool
) -> None:
    _, may_use = process._prepared_tests((("t", test_code),))
    assert may_use is needs_it


async def test_output_captured_by_a_test_without_traceback_support(sandbox: Sandbox) -> None:
    test = TestCase(
        "prints the sum",
        "import contextlib, io\n"
        "buffer = io.StringIO()\n"
        "with contextlib.redirect_stdout(buffer):\n"
        "    show(2, 3)\n"
        "assert buffer.getvalue() == '5\\n', buffer.getvalue()\n",
    )
    passed = await sandbox.grade("def show(a, b):\n    print(a + b)\n", [test])
    failed = await sandbox.grade("def show(a, b):\n    print(a - b)\n", [test])
    assert passed.status == "passed"
    assert failed.status == "failed"
    assert failed.results[0].message.endswith("failed: -1\n")
