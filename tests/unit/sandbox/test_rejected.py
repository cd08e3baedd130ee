"""A submission the sandbox refuses to run is graded `rejected`, never a pass."""

import pytest

from serve_app.domain.sandbox import Sandbox, TestCase

TESTS = [TestCase("one", "assert add(1, 2) == 3"), TestCase("two", "assert add(2, 2) == 4")]
ADD = "def add(a, b):\n    return a + b\n"


@pytest.mark.parametrize(
    "prelude",
    [
        "import os\nos.fork()\n",
        "import subprocess\nsubprocess.run(['ls'])\n",
        "open('/etc/hostname_copy', 'w').write('x')\n",
    ],
)
async def test_a_refused_operation_before_the_tests_is_rejected(
    default_sandbox: Sandbox, prelude: str
) -> None:
    report = await default_sandbox.grade(prelude + ADD, TESTS)
    assert report.status == "rejected"
    assert report.passed == 0
    assert report.error is not None
    assert report.error.type == "PermissionError"


async def test_an_ordinary_permission_error_is_an_error(default_sandbox: Sandbox) -> None:
    report = await default_sandbox.grade("raise PermissionError('mine')\n" + ADD, TESTS)
    assert report.status == "error"


async def test_a_refusal_inside_a_test_fails_that_test(default_sandbox: Sandbox) -> None:
    code = "import os\ndef add(a, b):\n    os.fork()\n    return a + b\n"
    report = await default_sandbox.grade(code, TESTS)
    assert report.status == "failed"
    assert all("not allowed in the sandbox" in r.message for r in report.results)
