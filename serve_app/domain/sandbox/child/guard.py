"""Child side: the audit hook installed before the student's code runs.

It refuses what would let student code reach the harness's frames or objects (and so the
report key or the hidden tests), load code that bypasses audit hooks, start a program that
runs without the hook, or write outside the writable directories. In rlimits mode it also
narrows reads and signals, because there is no mount or PID namespace doing it.
"""

from __future__ import annotations

import _thread
import os
import sys

# Typing names are imported for the type checker only: `typing` and `collections.abc`
# cost the child about a third of its start-up (see infra/bench/sandbox.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, NoReturn

_get_ident = _thread.get_ident
_getframe = sys._getframe
_os_getcwd = os.getcwd
_os_readlink = os.readlink
_os_lstat = os.lstat
_os_fspath = os.fspath
_os_getpid = os.getpid
_os_getpgid = os.getpgid
_O_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_S_IFMT = 0o170000
_S_IFLNK = 0o120000
_AT_FDCWD = -100
PRIVATE_FILES = frozenset({"<test>", "<sandbox>", "<string>"})

# Matched on the last dotted component: an extension module's PyInit symbol (and so the
# code that really gets loaded) is named after it, whatever package path is claimed.
BLOCKED_MODULES = frozenset(
    {
        "ctypes", "_ctypes", "_ctypes_test", "_testcapi", "_testinternalcapi",
        "_testbuffer", "_testmultiphase", "_testimportmultiple", "_testclinic",
        "_xxsubinterpreters", "_xxinterpchannels", "_xxtestfuzz", "_posixsubprocess",
        "_tkinter", "cffi", "_cffi_backend",
    }
)  # fmt: skip
PROGRAM_EVENTS = frozenset(
    {
        "os.exec", "os.posix_spawn", "os.spawn", "os.system", "os.startfile",
        "subprocess.Popen", "pty.spawn", "cpython.PyInterpreterState_New",
    }
)  # fmt: skip
INTROSPECTION_EVENTS = frozenset(
    {
        "sys._current_frames", "sys.settrace", "sys.setprofile", "sys.addaudithook",
        "gc.get_objects", "gc.get_referrers", "gc.get_referents",
        # A child that still runs as root could otherwise raise its own hard limits.
        "resource.setrlimit", "resource.prlimit",
    }
)  # fmt: skip
FORK_EVENTS = frozenset({"os.fork", "os.forkpty"})
FRAME_ATTRIBUTES = frozenset({"tb_frame", "gi_frame", "cr_frame", "ag_frame"})
SIGNAL_EVENTS = frozenset({"os.kill", "os.killpg"})
# event -> (indexes of path arguments that get modified, indexes of dir_fd arguments)
WRITE_EVENTS: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
    "os.remove": ((0,), (1,)),
    "os.rmdir": ((0,), (1,)),
    "os.mkdir": ((0,), (2,)),
    "os.rename": ((0, 1), (2, 3)),
    "os.chmod": ((0,), (2,)),
    "os.chown": ((0,), (3,)),
    "os.truncate": ((0,), ()),
    "os.utime": ((0,), (4,)),
    "os.link": ((0, 1), (2, 3)),
    "os.mkfifo": ((0,), (2,)),
    "os.mknod": ((0,), (3,)),
    "os.setxattr": ((0,), ()),
    "os.removexattr": ((0,), ()),
    "os.chflags": ((0,), ()),
}


def resolve(path: Any) -> str | None:
    """The absolute, symlink-free form of `path`, or None when it cannot be determined."""
    if type(path) is not str and type(path) is not bytes:
        try:
            path = _os_fspath(path)
        except BaseException:
            return None
    if type(path) is bytes:
        path = bytes.decode(path, "utf-8", "surrogateescape")
    if type(path) is not str:
        return None
    if not path.startswith("/"):
        path = _os_getcwd() + "/" + path
    pending = [part for part in path.split("/") if part]
    pending.reverse()
    resolved: list[str] = []
    hops = 0
    while pending:
        part = pending.pop()
        if part == ".":
            continue
        if part == "..":
            if resolved:
                resolved.pop()
            continue
        candidate = "/" + "/".join([*resolved, part])
        try:
            is_link = _os_lstat(candidate).st_mode & _S_IFMT == _S_IFLNK
        except OSError:
            is_link = False
        if not is_link:
            resolved.append(part)
            continue
        hops += 1
        if hops > 40:
            return None
        target = _os_readlink(candidate)
        if target.startswith("/"):
            resolved = []
        more = [piece for piece in target.split("/") if piece]
        more.reverse()
        pending.extend(more)
    return "/" + "/".join(resolved)


def is_under(path: str, roots: tuple[str, ...]) -> bool:
    return any(path == root or path.startswith(root + "/") for root in roots)


def _deny(what: str) -> NoReturn:
    raise PermissionError(f"{what} is not allowed in the sandbox")


def _shown(path: Any) -> str:
    text = repr(path) if type(path) in (str, bytes) else "a path"
    return text[:120]


def make_guard(
    *,
    trusted: set[int],
    write_roots: tuple[str, ...],
    read_roots: tuple[str, ...] | None,
    allow_fork: bool,
    restrict_signals: bool,
    traceback_module: Any,
) -> Callable[[str, tuple[Any, ...]], None]:
    """The audit hook. Threads listed in `trusted` (the harness itself) pass unchecked.

    `traceback_module` is the genuine traceback module, imported before any student code,
    or None: then no code at all may read tb_frame (see runner.main for when).
    """
    walkers: frozenset[Any] = frozenset()
    consumers: set[Any] = set()
    traceback_globals: dict[str, Any] | None = None
    if traceback_module is not None:
        summary = traceback_module.StackSummary
        walkers = frozenset(
            {
                traceback_module.walk_tb.__code__,
                traceback_module._walk_tb_with_full_positions.__code__,
            }
        )
        extract = summary._extract_from_extended_frame_gen.__func__.__code__
        consumers.add(extract)
        for const in summary.extract.__func__.__code__.co_consts:
            if type(const) is type(extract) and const.co_name == "extended_frame_gen":
                consumers.add(const)
        traceback_globals = vars(traceback_module)
    own_pid = _os_getpid()

    def check_frame_access(owner: Any, name: str) -> None:
        # Only the traceback module's own formatting may read tb_frame, and only for
        # frames of the student (or the library): it turns them into text and lets no
        # frame object escape, so student code cannot walk f_back into the harness.
        if name != "tb_frame":
            _deny(f"reading {name}")
        ident = _get_ident()
        trusted.add(ident)
        try:
            accessor = _getframe(2)
            consumer = accessor.f_back
            allowed = (
                accessor.f_code in walkers
                and accessor.f_globals is traceback_globals
                and consumer is not None
                and consumer.f_code in consumers
                and consumer.f_globals is traceback_globals
                and owner.tb_frame.f_code.co_filename not in PRIVATE_FILES
            )
        finally:
            trusted.discard(ident)
        if not allowed:
            _deny("reading tb_frame outside the traceback module")

    def check_open(path: Any, flags: Any) -> None:
        if type(path) is int:
            return
        resolved = resolve(path)
        if resolved is None or resolved == "/proc" or resolved.startswith("/proc/"):
            _deny(f"opening {_shown(path)}")
        if type(flags) is int and flags & _O_WRITE:
            if not is_under(resolved, write_roots):
                _deny(f"writing to {_shown(path)}")
        elif read_roots is not None and not is_under(resolved, read_roots + write_roots):
            _deny(f"reading {_shown(path)}")

    def check_write(event: str, args: tuple[Any, ...]) -> None:
        paths, dir_fds = WRITE_EVENTS[event]
        for index in dir_fds:
            if index < len(args) and args[index] is not None and args[index] != _AT_FDCWD:
                _deny(f"{event} relative to a directory descriptor")
        for index in paths:
            path = args[index]
            if type(path) is int:
                continue
            resolved = resolve(path)
            if resolved is None or not is_under(resolved, write_roots):
                _deny(f"changing {_shown(path)}")

    def check_signal(event: str, target: Any) -> None:
        if event == "os.kill" and target not in (own_pid, _os_getpid(), 0):
            _deny("signalling other processes")
        if event == "os.killpg" and target != _os_getpgid(0):
            _deny("signalling other process groups")

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if _get_ident() in trusted:
            return
        if event == "open":
            check_open(args[0], args[2])
        elif event == "object.__getattr__":
            if args[1] in FRAME_ATTRIBUTES:
                check_frame_access(args[0], args[1])
        elif event == "sys._getframe":
            # ValueError is what sys._getframe raises for a too-deep request, so namedtuple,
            # typing, enum and logging fall back gracefully instead of failing.
            raise ValueError("the call stack cannot be inspected in the sandbox")
        elif event == "import":
            name = args[0]
            if type(name) is str and name.split(".")[-1] in BLOCKED_MODULES:
                _deny(f"importing {name[:80]}")
        elif event in INTROSPECTION_EVENTS:
            _deny(event)
        elif event in PROGRAM_EVENTS:
            _deny("starting another program")
        elif event in FORK_EVENTS:
            if not allow_fork:
                _deny("creating processes")
        elif event.startswith("ctypes."):
            _deny("ctypes")
        elif event == "os.symlink":
            _deny("creating symbolic links")
        elif event in WRITE_EVENTS:
            check_write(event, args)
        elif restrict_signals and event in SIGNAL_EVENTS:
            check_signal(event, args[0])

    return hook
