"""The throwaway working directory of one run (blocking; call it from a worker thread)."""

import os
import shutil
import stat
import sys
import tempfile
from typing import Any

STUDENT_FILE = "main.py"


def create_workdir(source: str, owner: int | None) -> str:
    """A fresh private directory holding the student's code as main.py, owned by `owner`."""
    path = tempfile.mkdtemp(prefix="learnflow-sandbox-")
    with open(os.path.join(path, STUDENT_FILE), "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(source)
    if owner is not None:
        os.chown(path, owner, owner)
    return path


def remove_workdir(path: str) -> None:
    """Remove the directory even if the student's code made parts of it unreadable."""

    def make_writable_and_retry(function: Any, target: str, _excinfo: Any) -> None:
        parent = os.path.dirname(target)
        try:
            os.chmod(parent, stat.S_IRWXU)
            if os.path.isdir(target) and not os.path.islink(target):
                os.chmod(target, stat.S_IRWXU)
            function(target)
        except OSError:
            pass

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=make_writable_and_retry)
    else:
        shutil.rmtree(path, onerror=make_writable_and_retry)
    if os.path.exists(path):
        shutil.rmtree(path, ignore_errors=True)
