"""The throwaway working directory of one run (blocking; call it from a worker thread)."""

import contextlib
import logging
import os
import shutil
import stat
import sys
import tempfile
from typing import Any

STUDENT_FILE = "main.py"
# The only failed steps of shutil.rmtree worth repeating once permissions are fixed.
_REMOVALS = (os.unlink, os.rmdir, os.remove)

logger = logging.getLogger(__name__)


def create_workdir(source: str, owner: int | None) -> str:
    """A fresh private directory holding the student's code as main.py, owned by `owner`."""
    path = tempfile.mkdtemp(prefix="learnflow-sandbox-")
    with open(os.path.join(path, STUDENT_FILE), "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(source)
    if owner is not None:
        os.chown(path, owner, owner)
    return path


def remove_workdir(path: str) -> None:
    """Remove the directory even if the student's code made parts of it unreadable.

    Never raises: a cleanup problem must not fail the student's request. Whatever resists
    is logged at warning level and then left to a best-effort `ignore_errors` pass.
    """
    try:
        _remove_tree(path)
    except Exception:
        logger.warning("could not cleanly remove sandbox work dir %s", path, exc_info=True)
    if os.path.lexists(path):
        shutil.rmtree(path, ignore_errors=True)
        if os.path.lexists(path):
            logger.warning("sandbox work dir %s is left behind", path)


def _remove_tree(root: str) -> None:
    opened_up: set[str] = set()

    def make_accessible(directory: str) -> None:
        # Only inside the work dir: its parent is the machine's shared temporary directory.
        if directory == root or directory.startswith(root + os.sep):
            with contextlib.suppress(OSError):
                os.chmod(directory, stat.S_IRWXU)

    def on_error(function: Any, target: str, _error: Any) -> None:
        make_accessible(os.path.dirname(target))
        if function in _REMOVALS:
            with contextlib.suppress(OSError):
                function(target)
            return
        # Opening or listing a directory failed, so rmtree skipped it. Make it accessible
        # and remove it now, once: retrying os.open / os.scandir themselves would leak the
        # descriptor or iterator they return.
        if target in opened_up or not os.path.isdir(target) or os.path.islink(target):
            return
        opened_up.add(target)
        make_accessible(target)
        _rmtree(target, on_error)

    _rmtree(root, on_error)


def _rmtree(path: str, on_error: Any) -> None:
    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=on_error)
    else:
        shutil.rmtree(path, onerror=on_error)
