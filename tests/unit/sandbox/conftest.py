"""Shared fixtures: a sandbox per isolation mode, with short limits so the suite stays fast."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from serve_app.domain.sandbox import Sandbox, SandboxLimits, SandboxUnavailableError
from serve_app.domain.sandbox.models import MiB

FAST = SandboxLimits(
    cpu_seconds=2,
    wall_seconds=2,
    memory_bytes=128 * MiB,
    max_processes=8,
    output_bytes=8 * 1024,
    file_bytes=1 * MiB,
)


def make_sandbox(mode: str) -> Sandbox:
    try:
        return Sandbox(FAST, isolation=mode)  # type: ignore[arg-type]
    except SandboxUnavailableError as error:
        pytest.skip(str(error))


@pytest.fixture(params=["bwrap", "rlimits"])
def sandbox(request: pytest.FixtureRequest) -> Sandbox:
    """Each test using this fixture runs once per isolation mode."""
    return make_sandbox(request.param)


@pytest.fixture
def default_sandbox() -> Sandbox:
    return make_sandbox("auto")


def sandbox_processes() -> list[int]:
    """Pids of sandbox children still alive anywhere on the machine."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"_boot(int(sys.argv[1])" in cmdline:
            found.append(int(entry.name))
    return found


@pytest.fixture
def no_leftovers() -> Iterator[None]:
    yield
    assert sandbox_processes() == []


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LEARNFLOW_SECRET_TEST", "xyz")
    assert os.environ["LEARNFLOW_SECRET_TEST"] == "xyz"
    return "xyz"
