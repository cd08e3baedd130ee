"""How a sandboxed child is isolated from the machine, in each of the two modes.

Common to both modes
--------------------
* A fresh child process per call: the service's own interpreter in isolated mode
  (`python -I -S`: no environment variables honoured, no user site, no site-packages, so
  only the standard library is importable), started in its own session so the whole
  process group can be killed.
* A fresh environment built from scratch (PATH, LANG=C.UTF-8, HOME=the work dir,
  TMPDIR, PYTHONDONTWRITEBYTECODE=1, MALLOC_ARENA_MAX=2); nothing is inherited, so no
  secret in the service's environment is visible.
* A throwaway work directory (created per call, removed afterwards) as the current
  directory; the student's code is also written there as `main.py`.
* Resource limits set by the harness on itself before any student code runs:
  RLIMIT_CPU (the warning signal ends the run as a timeout), RLIMIT_AS (memory),
  RLIMIT_FSIZE (largest file), RLIMIT_NOFILE, RLIMIT_CORE=0 and, where the kernel
  enforces it, RLIMIT_NPROC (process count; Linux counts threads too, and the harness
  uses two). The parent enforces the wall-clock limit by killing the process group,
  keeps at most `output_bytes` of stdout and of stderr while draining the rest, and caps
  the report channel.
* An in-process guard (an audit hook installed before the student's code; see the
  `child` package) that refuses frame and object introspection, ctypes, starting other
  programs, /proc, writes outside the writable directories, symbolic links and changing
  resource limits. It protects the result channel and the hidden tests; for the
  filesystem it is a second line of defence, not the first.

"bwrap" (bubblewrap, chosen by "auto" when it works)
---------------------------------------------------
* Network: a new, empty network namespace (`--unshare-net`): only a private loopback,
  no route anywhere; connecting to the host's 127.0.0.1 fails.
* Processes: a new PID namespace (`--unshare-pid`) that only holds the run's processes,
  `--die-with-parent`, and everything in the namespace is killed when the run ends, so
  nothing outlives a call. Also new IPC, UTS and (when possible) cgroup namespaces, and a
  new session (`--new-session`).
* Filesystem: an empty root with read-only binds of /usr (and the /bin, /lib* links or
  directories), /etc/ld.so.cache, /etc/localtime and the interpreter's installation (its
  site-packages hidden behind an empty tmpfs); a minimal /dev; a size-capped private tmpfs
  at /tmp; the work dir bound read-write at /sandbox. Nothing else of the host is visible
  (no /etc/passwd, no /home, no project files) and /proc is not mounted at all.
* Identity: as root, bwrap keeps only CAP_SETUID/CAP_SETGID and the harness switches to a
  random unprivileged uid/gid (no supplementary groups) before the student's code runs,
  so RLIMIT_NPROC is enforced and counts only that run. As a non-root user bwrap creates
  a user namespace, in which RLIMIT_NPROC counts only the namespace's processes.
  Forking is allowed (bounded by RLIMIT_NPROC) when executing; grading refuses it.
* Not isolated: CPU time and memory bandwidth are shared with the host (only bounded by
  the limits above); the kernel is shared (a kernel exploit escapes every mode); the
  work dir lives on the host's disk, so a run can write up to RLIMIT_FSIZE per file
  until its wall-clock limit.

"rlimits" (fallback when bubblewrap is missing or cannot create namespaces)
--------------------------------------------------------------------------
* Network: if `unshare --net` works here (root, or unprivileged user namespaces), the
  child gets an empty network namespace as in bwrap mode. Otherwise there is NO network
  isolation: the student's code can open sockets like any local process.
* Processes: no PID namespace. As root, when the interpreter is readable by other users,
  the harness switches to a random unprivileged uid, RLIMIT_NPROC applies, forking is
  allowed while executing, and every process of that uid is killed after the run. When it
  cannot switch uid (not root, or the interpreter lives in a directory only root can read)
  the child keeps the service's uid, RLIMIT_NPROC is not meaningful, and the guard refuses
  to create processes at all and to signal any process other than itself.
* Filesystem: no mount namespace; the host's filesystem is visible with the child's uid's
  permissions. The guard narrows this: reads only from the interpreter, /usr, a few /dev
  and /etc files and the work dir, writes only in the work dir, and never /proc. Because
  the guard lives inside the untrusted process it is defence in depth, not a wall: a
  child that still runs as the service's uid is only as contained as the guard.
* Not isolated: everything bwrap mode does not isolate, plus the above.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

Mode = Literal["bwrap", "rlimits"]

BWRAP = "/usr/bin/bwrap"
INSIDE_WORKDIR = "/sandbox"
NOBODY = 65534
# Per-run uids come from a range no real account uses, so two runs never share an
# RLIMIT_NPROC budget and "kill every process of this uid" only ever hits one run.
RUN_UID_BASE = 1_600_000_000
RUN_UID_SPAN = 1 << 20
TMPFS_BYTES = 16 * 1024 * 1024
PROBE_TIMEOUT = 20.0


class SandboxUnavailableError(RuntimeError):
    """The requested isolation mode cannot work on this machine."""


@dataclass(frozen=True)
class IsolationPlan:
    """Everything that differs between modes, decided once per process."""

    mode: Mode
    interpreter: str
    is_root: bool
    drop_uid: bool  # the harness switches to a fresh unprivileged uid per run
    fixed_uid: int | None  # set when per-run uids are impossible but NOBODY works
    prefix: list[str] = field(default_factory=list)  # unshare wrapper in rlimits mode
    binds: list[str] = field(default_factory=list)  # read-only host paths (bwrap)
    hidden: list[str] = field(default_factory=list)  # covered by an empty tmpfs (bwrap)
    network_isolated: bool = True

    @property
    def allow_fork(self) -> bool:
        return self.mode == "bwrap" or self.drop_uid

    @property
    def nproc_enforced(self) -> bool:
        return self.mode == "bwrap" or self.drop_uid

    def run_uid(self) -> int | None:
        if not self.drop_uid:
            return None
        if self.fixed_uid is not None:
            return self.fixed_uid
        return RUN_UID_BASE + secrets.randbelow(RUN_UID_SPAN)

    def workdir_inside(self, host_workdir: str) -> str:
        return INSIDE_WORKDIR if self.mode == "bwrap" else host_workdir

    def write_roots(self, host_workdir: str) -> list[str]:
        if self.mode == "bwrap":
            return [INSIDE_WORKDIR, "/tmp"]  # noqa: S108 - the sandbox's private tmpfs
        return [os.path.realpath(host_workdir)]

    def read_roots(self) -> list[str] | None:
        if self.mode == "bwrap":
            return None  # the mount namespace already shows only what may be read
        roots = {"/usr", "/dev/null", "/dev/zero", "/dev/urandom", "/dev/random"}
        roots |= {"/etc/localtime", "/usr/share/zoneinfo"}
        roots |= {os.path.realpath(path) for path in _python_dirs()}
        return sorted(roots)

    def command(self, host_workdir: str, child: list[str]) -> list[str]:
        """The argv that starts `child` (an interpreter command line) under this plan."""
        if self.mode == "rlimits":
            return [*self.prefix, *child]
        argv = [*self._bwrap_base]
        argv += ["--bind", host_workdir, INSIDE_WORKDIR, "--chdir", INSIDE_WORKDIR]
        return [*argv, "--", *child]

    @cached_property
    def _bwrap_base(self) -> tuple[str, ...]:
        # Built once per plan: it reads the host's root links, which do not change.
        argv = [BWRAP, "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts"]
        argv += ["--unshare-cgroup-try", "--die-with-parent", "--new-session"]
        argv += ["--hostname", "sandbox"]
        if self.is_root:
            argv += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        else:
            argv += ["--unshare-user"]
        argv += _root_links()
        for directory in _ancestors(self.binds):
            # Created explicitly: bwrap would copy the host's mode (e.g. /root is 0700),
            # which the unprivileged uid could then not traverse.
            argv += ["--perms", "0755", "--dir", directory]
        for path in self.binds:
            argv += ["--ro-bind", path, path]
        argv += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
        argv += ["--ro-bind-try", "/etc/localtime", "/etc/localtime"]
        for path in self.hidden:
            argv += ["--tmpfs", path]
        argv += ["--dev", "/dev"]
        argv += ["--perms", "1777", "--size", str(TMPFS_BYTES), "--tmpfs", "/tmp"]  # noqa: S108
        return tuple(argv)


def _python_dirs() -> list[str]:
    """The interpreter's installation: its prefixes and the directory of its binary."""
    dirs = {sys.base_prefix, sys.base_exec_prefix}
    dirs.add(os.path.dirname(os.path.realpath(sys.executable)))
    return sorted(dirs)


def _ancestors(paths: list[str]) -> list[str]:
    found: set[str] = set()
    for path in paths:
        parent = os.path.dirname(path)
        while parent not in ("/", ""):
            found.add(parent)
            parent = os.path.dirname(parent)
    return sorted(found, key=lambda p: (p.count("/"), p))


def _root_links() -> list[str]:
    argv: list[str] = []
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = f"/{name}"
        if os.path.islink(path):
            argv += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            argv += ["--ro-bind", path, path]
    return argv


def _bwrap_binds() -> tuple[list[str], list[str]]:
    binds: list[str] = ["/usr"]
    for candidate in sorted({os.path.realpath(path) for path in _python_dirs()}):
        if not any(candidate == b or candidate.startswith(b + "/") for b in binds):
            binds.append(candidate)
    hidden: list[str] = []
    paths = sysconfig.get_paths()
    for key in ("purelib", "platlib"):
        site = os.path.realpath(paths[key].replace(sys.prefix, sys.base_prefix, 1))
        if os.path.isdir(site) and site not in hidden:
            hidden.append(site)
    return binds, hidden


def _drop_snippet(uid: int) -> str:
    return (
        "import os\n"
        f"os.setgroups([]); os.setresgid({uid}, {uid}, {uid}); os.setresuid({uid}, {uid}, {uid})\n"
        "import json, ast, traceback, resource\n"
        "print('ok')\n"
    )


def _probe(argv: list[str], cwd: str | None = None) -> bool:
    try:
        done = subprocess.run(
            argv,
            capture_output=True,
            timeout=PROBE_TIMEOUT,
            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
            cwd=cwd,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and done.stdout.strip() == b"ok"


def _interpreter() -> str:
    return os.path.realpath(sys.executable)


def _try_bwrap(is_root: bool) -> IsolationPlan | None:
    if not os.access(BWRAP, os.X_OK):
        return None
    binds, hidden = _bwrap_binds()
    workdir = Path(_scratch_dir())
    try:
        for fixed in (None, NOBODY) if is_root else (None,):
            plan = IsolationPlan(
                mode="bwrap",
                interpreter=_interpreter(),
                is_root=is_root,
                drop_uid=is_root,
                fixed_uid=fixed,
                binds=binds,
                hidden=hidden,
            )
            uid = plan.run_uid()
            snippet = _drop_snippet(uid) if uid is not None else "import json, ast\nprint('ok')\n"
            child = [plan.interpreter, "-I", "-S", "-c", snippet]
            if _probe(plan.command(str(workdir), child)):
                return plan
    finally:
        workdir.rmdir()
    return None


def _scratch_dir() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="learnflow-probe-")


def _try_rlimits(is_root: bool) -> IsolationPlan:
    interpreter = _interpreter()
    prefix: list[str] = []
    unshare = shutil.which("unshare", path="/usr/bin:/bin")
    if unshare is not None:
        # Root can create a network namespace directly; anyone else needs a user namespace.
        options = [["--net"]] if is_root else []
        options.append(["--user", "--map-current-user", "--net"])
        for option in options:
            argv = [unshare, *option, "--"]
            if _probe([*argv, interpreter, "-I", "-S", "-c", "print('ok')"]):
                prefix = argv
                break
    drop = False
    fixed: int | None = None
    if is_root:
        for uid in (RUN_UID_BASE + secrets.randbelow(RUN_UID_SPAN), NOBODY):
            if _probe([interpreter, "-I", "-S", "-c", _drop_snippet(uid)], cwd="/"):
                drop = True
                fixed = None if uid != NOBODY else NOBODY
                break
    return IsolationPlan(
        mode="rlimits",
        interpreter=interpreter,
        is_root=is_root,
        drop_uid=drop,
        fixed_uid=fixed,
        prefix=prefix,
        network_isolated=bool(prefix),
    )


_PLANS: dict[str, IsolationPlan] = {}


def plan_for(requested: Literal["auto", "bwrap", "rlimits"]) -> IsolationPlan:
    """The plan for `requested`, probed on first use and cached for the process."""
    cached = _PLANS.get(requested)
    if cached is not None:
        return cached
    is_root = os.geteuid() == 0
    plan: IsolationPlan | None
    if requested in ("auto", "bwrap"):
        plan = _PLANS.get("bwrap") or _try_bwrap(is_root)
        if plan is None and requested == "bwrap":
            raise SandboxUnavailableError(f"bubblewrap ({BWRAP}) is missing or cannot run here")
        if plan is not None:
            _PLANS["bwrap"] = plan
    else:
        plan = None
    if plan is None:
        plan = _PLANS.get("rlimits") or _try_rlimits(is_root)
        _PLANS["rlimits"] = plan
    _PLANS[requested] = plan
    return plan
