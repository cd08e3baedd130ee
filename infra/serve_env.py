"""The Ray Serve environment every `serve run` of the tutor gets: infra/serve.env as a dict."""

from pathlib import Path

SERVE_ENV_FILE = Path(__file__).with_name("serve.env")


def serve_env(path: Path = SERVE_ENV_FILE) -> dict[str, str]:
    pairs = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def private_haproxy_env(run_dir: Path, stats_port: int, metrics_port: int) -> dict[str, str]:
    """HAProxy files and side ports of one `serve run`, so two tutors on a machine never meet.

    Ray's defaults are fixed (/tmp/haproxy-serve, ports 8404 and 9101): a second tutor, or an
    HAProxy that outlived its `serve run`, would make the next one fail to bind.
    """
    return {
        "RAY_SERVE_HAPROXY_CONFIG_FILE_LOC": str(run_dir / "haproxy.cfg"),
        "RAY_SERVE_HAPROXY_SOCKET_PATH": str(run_dir / "admin.sock"),
        "RAY_SERVE_HAPROXY_METRICS_SOCKET_PATH": str(run_dir / "metrics.sock"),
        "RAY_SERVE_HAPROXY_SERVER_STATE_BASE": str(run_dir),
        "RAY_SERVE_HAPROXY_SERVER_STATE_FILE": str(run_dir / "server-state"),
        "RAY_SERVE_HAPROXY_STATS_PORT": str(stats_port),
        "RAY_SERVE_HAPROXY_METRICS_PORT": str(metrics_port),
    }


def end_leftover_haproxy(run_dir: Path) -> list[int]:
    """SIGKILL HAProxy processes of this run that outlived it (a reload spawned during
    shutdown is re-parented to init, outside the run's process group). Only processes whose
    command line names `run_dir` are touched."""
    import os
    import signal

    ended = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].endswith(b"haproxy") and any(str(run_dir).encode() in a for a in argv):
            try:
                os.kill(int(proc.name), signal.SIGKILL)
                ended.append(int(proc.name))
            except ProcessLookupError:
                pass
    return ended
