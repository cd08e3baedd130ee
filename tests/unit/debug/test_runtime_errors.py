import re

import pytest

from serve_app.domain.debug import DebugRequest, diagnose
from serve_app.domain.debug.explainers import registered_types
from tests.unit.debug.fakes import FakeRunner, observe, raised
from tests.unit.debug.helpers import assert_solution_runs, assert_well_formed
from tests.unit.debug.runtime_cases import CASES, Case

_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
async def test_runtime_error_is_explained(case: Case) -> None:
    runner = FakeRunner(raised(case.type, case.message, case.line, **case.locals))

    diagnosis = await diagnose(DebugRequest(code=case.code, stdin=case.stdin), runner)

    assert runner.calls == [(case.code, case.stdin)]
    assert diagnosis.error_type == case.type
    assert diagnosis.line == case.line
    assert diagnosis.message == case.message
    for detail in case.details:
        assert detail in diagnosis.summary, (detail, diagnosis.summary)
    assert_well_formed(diagnosis)
    if case.fixable is False:
        assert diagnosis.solution is None
    if case.fixable:
        assert_solution_runs(diagnosis.solution, case.stdin)
        assert diagnosis.solution is not None
        if case.fix_contains is not None:
            assert case.fix_contains in diagnosis.solution


def test_canned_cases_are_real() -> None:
    """Each canned Execution matches what CPython really raises for that code."""
    observed = observe([(case.code, case.stdin) for case in CASES])

    for case, real in zip(CASES, observed, strict=True):
        assert real is not None, case.name
        assert real["type"] == case.type, case.name
        # ImportError messages end with a machine-specific path.
        assert re.sub(r" \(.*\)$", "", str(real["message"])) == re.sub(
            r" \(.*\)$", "", case.message
        ), case.name
        assert real["line"] == case.line, case.name
        real_locals = real["locals"]
        assert isinstance(real_locals, dict)
        for name, canned in case.locals.items():
            assert _ADDRESS.sub("", real_locals[name]) == _ADDRESS.sub("", canned), (
                case.name,
                name,
            )


def test_registry_covers_many_exception_types() -> None:
    covered = registered_types()
    assert len(covered) >= 25
    assert {"NameError", "IndexError", "KeyError", "TypeError", "RecursionError"} <= covered


def test_cases_cover_at_least_25_exception_situations() -> None:
    assert len({case.name for case in CASES}) >= 25
    assert len({case.type for case in CASES}) >= 15


async def test_summary_uses_static_values_when_no_locals_were_captured() -> None:
    code = "nums = [1, 2, 3]\nprint(nums[7])\n"
    runner = FakeRunner(raised("IndexError", "list index out of range", 2))

    diagnosis = await diagnose(DebugRequest(code=code), runner)

    assert "3 items" in diagnosis.summary
    assert "index 7" in diagnosis.summary


async def test_loop_index_is_inferred_from_the_range_when_no_locals() -> None:
    code = "nums = [1, 2]\nfor i in range(len(nums) + 1):\n    print(nums[i])\n"
    runner = FakeRunner(raised("IndexError", "list index out of range", 3))

    diagnosis = await diagnose(DebugRequest(code=code), runner)

    assert "2 items" in diagnosis.summary
    assert "probably asks for index 2" in diagnosis.summary


async def test_unknown_exception_gets_a_generic_explanation() -> None:
    code = "class Oops(Exception):\n    pass\n\ndef f():\n    return Oops\n\nx = f()\n"
    runner = FakeRunner(raised("Oops", "something odd", 7))

    diagnosis = await diagnose(DebugRequest(code=code), runner)

    assert diagnosis.error_type == "Oops"
    assert "something odd" in diagnosis.summary
    assert "defined in your own code" in diagnosis.summary
    assert diagnosis.topic == "exceptions"
    assert_well_formed(diagnosis)


async def test_builtin_subclass_falls_back_to_its_base_class_explainer() -> None:
    code = "import os\nos.listdir('missing')\n"
    message = "[Errno 2] No such file or directory: 'missing'"
    runner = FakeRunner(raised("NotADirectoryError", message, 2))

    diagnosis = await diagnose(DebugRequest(code=code), runner)

    assert diagnosis.error_type == "NotADirectoryError"
    assert "operating system refused a file or folder operation" in diagnosis.summary
    assert diagnosis.topic == "files"


async def test_explainers_survive_errors_from_unrelated_code(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Every explainer meets every code sample: none may crash or return a broken answer."""
    codes = [case.code for case in CASES] + ["", "pass\n", "x = 1\n" * 3]
    errors = [(case.type, case.message) for case in CASES] + [
        ("KeyError", ""),
        ("TypeError", "'NoneType' object is not callable"),
        ("RuntimeError", "Set changed size during iteration"),
    ]

    for code in codes:
        line_count = max(code.count("\n"), 1)
        for type_name, message in errors:
            runner = FakeRunner(raised(type_name, message, line_count, x="None"))
            diagnosis = await diagnose(DebugRequest(code=code), runner)
            assert diagnosis.error_type == type_name
            assert_well_formed(diagnosis)

    assert not [r for r in caplog.records if r.levelname == "ERROR"]


async def test_print_to_return_is_not_offered_when_it_would_still_fail() -> None:
    code = "def get():\n    print(3)\n\nfor v in get():\n    print(v)\n"
    runner = FakeRunner(raised("TypeError", "'NoneType' object is not iterable", 4))

    diagnosis = await diagnose(DebugRequest(code=code), runner)

    assert "`get()`" in diagnosis.summary
    assert "*prints*" in diagnosis.summary
    assert diagnosis.solution is None
