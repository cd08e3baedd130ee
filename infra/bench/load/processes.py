"""The processes a benchmark owns: PostgreSQL, `serve run`, the baseline, the fake LLM.

Each starts in its own process group (session) and stops the way tests/e2e/conftest.py
stops `serve run`: SIGINT, a grace period, then SIGKILL to exactly that group.
"""

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
_DASHBOARD = re.compile(r"View the dashboard at \S*?(http://[0-9.]+:\d+)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start(
    argv: list[str], env: dict[str, str], log_path: Path, cwd: Path = ROOT
) -> subprocess.Popen[bytes]:
    with log_path.open("ab") as log:
        return subprocess.Popen(
            argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop(process: subprocess.Popen[bytes], grace_s: float = 45) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=grace_s)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def wait_ready(
    url: str, process: subprocess.Popen[bytes], log_path: Path, timeout_s: float
) -> None:
    deadline = time.monotonic() + timeout_s
    with httpx.Client(timeout=2) as http:
        while not _ready(http, url):
            if process.poll() is not None:
                tail = log_path.read_text()[-3000:]
                raise RuntimeError(f"{process.args!r} exited early:\n{tail}")
            if time.monotonic() > deadline:
                tail = log_path.read_text()[-3000:]
                raise RuntimeError(f"{url} not ready in {timeout_s:.0f} s:\n{tail}")
            time.sleep(1)


def _ready(http: httpx.Client, url: str) -> bool:
    try:
        return http.get(f"{url}/readyz").status_code == 200
    except httpx.HTTPError:
        return False


def wait_port_closed(port: int, timeout_s: float = 30) -> None:
    """Ray's workers outlive `serve run` by a few seconds; the next target needs the CPU."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return
        time.sleep(0.5)


def dashboard_url(log_path: Path) -> str | None:
    """The dashboard of the Ray instance `serve run` started, from its own log line."""
    match = _DASHBOARD.search(_ANSI.sub("", log_path.read_text(errors="replace")))
    return match.group(1) if match else None


class Postgres:
    """A throwaway server from infra/postgres.sh on its own port and data directory."""

    def __init__(self, data_dir: Path, port: int) -> None:
        self.data_dir = data_dir
        self.port = port
        self.url = ""

    def _script(self, action: str) -> str:
        env = os.environ | {"LEARNFLOW_PG_PORT": str(self.port), "PGDATA_DIR": str(self.data_dir)}
        done = subprocess.run(
            ["/bin/bash", str(ROOT / "infra" / "postgres.sh"), action],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    def start(self) -> str:
        self.url = self._script("start").splitlines()[-1]
        return self.url

    def create_database(self, name: str) -> str:
        async def create() -> None:
            conn = await asyncpg.connect(self.url)
            try:
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                await conn.execute(f'CREATE DATABASE "{name}"')
            finally:
                await conn.close()

        asyncio.run(create())
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def destroy(self) -> None:
        self._script("destroy")
