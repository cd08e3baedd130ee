"""Start the real graph with `serve run` on a free port; stop it, and everything it started."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx
import pytest
import yaml

from infra.serve_env import end_leftover_haproxy, private_haproxy_env, serve_env
from tests.support.fake_openai import free_port

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 240


def _config_on_port(tmp: Path, port: int) -> Path:
    # The project's own serve_config.yaml, moved to a free port so a running tutor is untouched.
    config = yaml.safe_load((ROOT / "serve_config.yaml").read_text())
    config["http_options"]["port"] = port
    path = tmp / "serve_config.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)  # serve run shuts Serve and its Ray down on Ctrl-C
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=45)
    # Ray's own processes live in the process group we created; end exactly those.
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _keep_ray_logs(ray_dir: Path, into: Path) -> None:
    """Copy the run's Ray logs (replicas, proxy, controller) next to serve.log, drop the rest."""
    # Ray keeps its sessions in $RAY_TMPDIR/ray/; session_latest only links to one of them.
    for logs in ray_dir.glob("ray/session_2*/logs"):
        shutil.copytree(logs, into, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.sock"))
    shutil.rmtree(ray_dir, ignore_errors=True)


def all_logs(tmp: Path) -> str:
    """serve.log and every Ray log of a run started by `serving_tutor(tmp)`."""
    paths = [tmp / "serve.log", *(p for p in (tmp / "ray-logs").rglob("*") if p.is_file())]
    return "\n".join(path.read_text(errors="replace") for path in paths)


def _wait_ready(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"serve run exited early:\n{log_path.read_text()[-4000:]}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"tutor not ready:\n{log_path.read_text()[-4000:]}")
        time.sleep(1)


@contextmanager
def serving_tutor(tmp: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`serve run serve_config.yaml` in embedded mode; yields the base URL."""
    port = free_port()
    config = _config_on_port(tmp, port)
    env = {key: value for key, value in os.environ.items() if not key.startswith("LEARNFLOW_")}
    # RAY_ADDRESS=local: always a fresh Ray instance, never a developer's running cluster.
    # The same Serve tuning `make run` uses, so the tests exercise what ships.
    env |= serve_env()
    env |= {
        "LEARNFLOW_DATA_DIR": str(tmp / "data"),
        "RAY_USAGE_STATS_ENABLED": "0",
        "RAY_ADDRESS": "local",
        # Ray's own directory for this run: replica logs live there, not in serve.log.
        # Short, because Ray puts unix sockets below it.
        "RAY_TMPDIR": (ray_dir := tempfile.mkdtemp(prefix="lfray-", dir="/tmp")),
    }
    haproxy_dir = Path(tempfile.mkdtemp(prefix="lfhap-", dir="/tmp"))
    env |= private_haproxy_env(haproxy_dir, free_port(), free_port())
    env |= extra_env or {}
    log_path = tmp / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(Path(sys.executable).with_name("serve")), "run", str(config)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, process, log_path)
        yield url
    finally:
        _stop(process)
        end_leftover_haproxy(haproxy_dir)
        shutil.rmtree(haproxy_dir, ignore_errors=True)
        _keep_ray_logs(Path(ray_dir), tmp / "ray-logs")
    # The embedded PostgreSQL must not outlive the tutor that started it.
    pid_file = tmp / "data" / "pgdata" / "postmaster.pid"
    deadline = time.monotonic() + 30
    while pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not pid_file.exists(), "embedded PostgreSQL still running after serve run stopped"


@pytest.fixture(scope="module")
def tutor_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving_tutor(tmp_path_factory.mktemp("serve")) as url:
        yield url
