"""Removing a work dir: thorough, leak-free, confined to the work dir, and never raising."""

import errno
import logging
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from serve_app.domain.sandbox import workdir
from serve_app.domain.sandbox.workdir import create_workdir, remove_workdir


def open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def failing_open_of(name: str, *, times: int) -> tuple[Callable[..., int], list[str]]:
    """os.open that refuses `name` the first `times` times, as for an unreadable directory."""
    real_open = os.open
    refused: list[str] = []

    def fake_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        if os.path.basename(os.fsdecode(path)) == name and len(refused) < times:
            refused.append(os.fsdecode(path))
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, mode, dir_fd=dir_fd)

    return fake_open, refused


def test_removes_the_student_tree() -> None:
    path = create_workdir("print(1)\n", None)
    Path(path, "a", "b").mkdir(parents=True)
    Path(path, "a", "b", "data.txt").write_text("x")
    os.symlink("/etc", os.path.join(path, "link"))
    remove_workdir(path)
    assert not os.path.lexists(path)


def test_unopenable_directory_is_removed_without_leaking_a_descriptor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = create_workdir("print(1)\n", None)
    Path(path, "locked", "deeper").mkdir(parents=True)
    Path(path, "locked", "deeper", "file").write_text("x")
    fake_open, refused = failing_open_of("locked", times=1)
    before = open_fds()
    monkeypatch.setattr(os, "open", fake_open)
    remove_workdir(path)
    monkeypatch.undo()
    assert refused  # the failure path was taken
    assert not os.path.lexists(path)
    assert open_fds() == before


def test_never_changes_permissions_outside_the_work_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp_path.chmod(0o755)
    path = tmp_path / "learnflow-sandbox-x"
    path.mkdir()
    (path / "main.py").write_text("print(1)\n")
    fake_open, refused = failing_open_of(path.name, times=1)
    monkeypatch.setattr(os, "open", fake_open)
    remove_workdir(str(path))
    monkeypatch.undo()
    assert refused
    assert not path.exists()
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and removes anything anyway")
def test_tree_made_unreadable_by_the_student_is_removed() -> None:
    path = create_workdir("print(1)\n", None)
    nested = Path(path, "a", "b", "c")
    nested.mkdir(parents=True)
    for directory in (nested, nested.parent, nested.parent.parent):
        directory.chmod(0)
    remove_workdir(path)
    assert not os.path.lexists(path)


def test_a_failing_removal_is_logged_and_never_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_rmtree = shutil.rmtree
    calls: list[object] = []

    def rmtree_failing_once(path: str, *args: Any, **kwargs: Any) -> None:
        calls.append(path)
        if len(calls) == 1:
            # As in the incident: rmtree's own directory descriptor was closed underneath it.
            raise OSError(errno.EBADF, "Bad file descriptor")
        real_rmtree(path, *args, **kwargs)

    path = create_workdir("print(1)\n", None)
    monkeypatch.setattr(shutil, "rmtree", rmtree_failing_once)
    with caplog.at_level(logging.WARNING, logger=workdir.__name__):
        remove_workdir(path)
    assert not os.path.lexists(path)  # the fallback pass still removed it
    assert any("could not cleanly remove" in record.getMessage() for record in caplog.records)


def test_missing_directory_is_not_an_error() -> None:
    path = create_workdir("", None)
    remove_workdir(path)
    remove_workdir(path)
    assert not os.path.lexists(path)
