"""LLM corrections for Debug over real HTTP: kept only when they run cleanly in the sandbox."""

from collections.abc import AsyncIterator
from typing import Any

import pytest

from serve_app.domain.debug import DebugRequest, Diagnosis
from serve_app.domain.sandbox import Sandbox, SandboxLimits
from serve_app.llm.client import LLMClient
from serve_app.specialists.debug import DebugSpecialist
from tests.support.fake_openai import FakeLLM
from tests.support.programs import FIXED_BASE_CASE, SKIPS_BASE_CASE

STILL_BROKEN = SKIPS_BASE_CASE.replace("if n == 0:", "if n == 2:")


pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox(SandboxLimits(cpu_seconds=3, wall_seconds=5))


@pytest.fixture
def fake(fake_llm: tuple[FakeLLM, str]) -> FakeLLM:
    fake_llm[0].mode = "ok"
    fake_llm[0].requests.clear()
    return fake_llm[0]


@pytest.fixture
async def specialist(
    fake_llm: tuple[FakeLLM, str], sandbox: Sandbox
) -> AsyncIterator[DebugSpecialist]:
    llm = LLMClient(base_url=fake_llm[1], api_key="sk-test", model="debug-test", timeout=1.5)
    yield DebugSpecialist(sandbox, llm)
    await llm.close()


def answering(
    monkeypatch: pytest.MonkeyPatch, fake: FakeLLM, code: str, prose: str = "Here you go:"
) -> None:
    def reply(_body: dict[str, Any]) -> str:
        return f"{prose}\n\n```python\n{code}```\n"

    monkeypatch.setattr(fake, "answer_for", reply)


async def local_only(sandbox: Sandbox, request: DebugRequest) -> Diagnosis:
    return await DebugSpecialist(sandbox).diagnose(request)


async def test_a_correction_that_runs_cleanly_is_kept(
    specialist: DebugSpecialist, fake: FakeLLM, monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox
) -> None:
    answering(monkeypatch, fake, FIXED_BASE_CASE)
    request = DebugRequest(code=SKIPS_BASE_CASE)

    diagnosis = await specialist.diagnose(request)

    local = await local_only(sandbox, request)
    assert local.solution is None
    assert diagnosis.solution == FIXED_BASE_CASE
    # Only the correction comes from the LLM; the diagnosis and the hints stay local.
    assert (diagnosis.error_type, diagnosis.line, diagnosis.hints) == (
        local.error_type,
        local.line,
        local.hints,
    )
    assert len(fake.requests) == 1


async def test_a_correction_that_still_fails_is_discarded(
    specialist: DebugSpecialist, fake: FakeLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, fake, STILL_BROKEN)

    diagnosis = await specialist.diagnose(DebugRequest(code=SKIPS_BASE_CASE))

    assert len(fake.requests) == 1
    assert diagnosis.error_type == "RecursionError"
    assert diagnosis.solution is None


async def test_a_rewrite_of_another_program_is_discarded(
    specialist: DebugSpecialist, fake: FakeLLM
) -> None:
    # The fake's own answer is a tidy, runnable program - just not the student's.
    diagnosis = await specialist.diagnose(DebugRequest(code=SKIPS_BASE_CASE))

    assert len(fake.requests) == 1
    assert diagnosis.solution is None


async def test_correction_must_print_the_expected_output(
    specialist: DebugSpecialist, fake: FakeLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = "words = ['a', 'b']\nfor w in words:\n    print(w.upper)\n"
    request = DebugRequest(code=code, expected_output="A\nB\n")
    runs_but_wrong = code.replace("print(w.upper)", "print(w)")
    answering(monkeypatch, fake, runs_but_wrong)

    rejected = await specialist.diagnose(request)
    answering(monkeypatch, fake, code.replace("w.upper", "w.upper()"))
    kept = await specialist.diagnose(request)

    assert rejected.error_type == "WrongOutput"
    assert rejected.solution != runs_but_wrong
    assert kept.solution == code.replace("w.upper", "w.upper()")


async def test_a_working_local_correction_needs_no_llm(
    specialist: DebugSpecialist, fake: FakeLLM
) -> None:
    diagnosis = await specialist.diagnose(DebugRequest(code="count = 1\nprint(cuont)\n"))

    assert diagnosis.solution == "count = 1\nprint(count)\n"
    assert fake.requests == []


async def test_llm_switched_off_for_the_student_is_never_called(
    specialist: DebugSpecialist, fake: FakeLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, fake, FIXED_BASE_CASE)

    diagnosis = await specialist.diagnose(DebugRequest(code=SKIPS_BASE_CASE), allow_llm=False)

    assert fake.requests == []
    assert diagnosis.solution is None


@pytest.mark.parametrize("mode", ["error", "slow"])
async def test_failing_or_slow_llm_falls_back_to_the_local_result(
    specialist: DebugSpecialist, fake: FakeLLM, sandbox: Sandbox, mode: str
) -> None:
    fake.mode = mode
    request = DebugRequest(code=SKIPS_BASE_CASE)

    diagnosis = await specialist.diagnose(request)

    assert len(fake.requests) == 1
    assert diagnosis == await local_only(sandbox, request)


async def test_the_llm_receives_only_the_code_and_the_error(
    specialist: DebugSpecialist, fake: FakeLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = "age = input('Age? ')\nprint(age + 1)\n"
    pasted = (
        "Traceback (most recent call last):\n"
        '  File "/home/maya.k/secret-project/age.py", line 2, in <module>\n'
        "    print(age + 1)\n"
        'TypeError: can only concatenate str (not "int") to str\n'
    )
    answering(monkeypatch, fake, "age = input('Age? ')\nprint(int(age) + 1)\n")

    await specialist.diagnose(DebugRequest(code=code, error=pasted, stdin="private-answer-42\n"))

    (sent,) = fake.requests
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]
    user = sent["messages"][1]["content"]
    assert code in user
    assert 'TypeError on line 2: can only concatenate str (not "int") to str' in user
    body = str(sent)
    assert "private-answer-42" not in body
    assert "maya.k" not in body
    assert "sk-test" not in body
