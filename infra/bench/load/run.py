"""`make bench`: the standard load scenario, end to end, graph vs one process.

Starts a throwaway PostgreSQL, then for each target — the Serve graph (`serve run
serve_config.yaml`) and the baseline (`baseline.py`, one uvicorn process) — a fresh database,
the target, and Locust headless for each phase of the profile, sampling the graph's replicas
meanwhile. Writes report.json and report.png into the output directory and prints a summary.

Profiles: standard (default: step to --users students, then saturation), step, ramp,
saturate. --quick is a small smoke run (a couple of minutes).
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: `python infra/bench/load/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

import yaml  # type: ignore[import-untyped]

from infra.bench.load import processes
from infra.bench.load.report import build_report, summarize_phase, summary_lines
from infra.bench.load.serve_overrides import apply_overrides
from infra.serve_env import end_leftover_haproxy, private_haproxy_env, serve_env

ROOT = processes.ROOT
LOCUSTFILE = Path(__file__).resolve().with_name("locustfile.py")
STARTUP_S = 300
SATURATE_THINK_SCALE = 0.01  # 30–100 ms between actions: busy students, same task mix
LLM_FIRST_TOKEN_DELAY_S = 0.3


@dataclass(frozen=True)
class Phase:
    name: str  # "load" (students) or "saturate"
    profile: str  # a shape of shapes.PLANS
    users: int
    duration_s: float
    think_scale: float


WARMUP = Phase("warmup", "ramp", users=10, duration_s=20, think_scale=0.1)


def plan_phases(args: argparse.Namespace) -> list[Phase]:
    load_profile = "step" if args.profile == "standard" else args.profile
    phases = []
    if args.profile != "saturate":
        phases.append(Phase("load", load_profile, args.users, args.duration, 1.0))
    if args.profile in ("standard", "saturate"):
        phases.append(
            Phase(
                "saturate",
                "saturate",
                args.saturate_users,
                args.saturate_duration,
                SATURATE_THINK_SCALE,
            )
        )
    return phases


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--profile", choices=["standard", "step", "ramp", "saturate"], default="standard"
    )
    parser.add_argument("--users", type=int, default=1000, help="peak students (load phase)")
    parser.add_argument("--duration", type=float, default=300, help="load phase seconds")
    parser.add_argument("--saturate-users", type=int, default=100)
    parser.add_argument("--saturate-duration", type=float, default=90)
    parser.add_argument("--llm", action="store_true", help="fake LLM, 300 ms to first token")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument("--out", type=Path, default=None, help="default infra/bench/results/<ts>")
    parser.add_argument("--serve-config", type=Path, default=ROOT / "serve_config.yaml")
    parser.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="serve config override, e.g. Triage.max_ongoing_requests=100 (repeatable)",
    )
    parser.add_argument(
        "--serve-env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra environment for serve run, e.g. RAY_SERVE_THROUGHPUT_OPTIMIZED=1",
    )
    return parser


def _clean_env() -> dict[str, str]:
    # A developer's own LEARNFLOW_* or RAY_ADDRESS must not leak into a measurement.
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LEARNFLOW_", "RAY_"))
    }


def _pairs(items: list[str]) -> dict[str, str]:
    pairs = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise SystemExit(f"--serve-env {item!r} is not KEY=VALUE")
        pairs[key] = value
    return pairs


@contextmanager
def _ended_haproxy(run_dir: Path) -> Iterator[None]:
    try:
        yield
    finally:
        end_leftover_haproxy(run_dir)
        shutil.rmtree(run_dir, ignore_errors=True)


@contextmanager
def _running(
    argv: list[str], env: dict[str, str], log: Path, grace_s: float = 45
) -> Iterator[subprocess.Popen[bytes]]:
    process = processes.start(argv, env, log)
    try:
        yield process
    finally:
        processes.stop(process, grace_s)


def run_locust(url: str, phase: Phase, prefix: Path, llm: bool, auth_env: dict[str, str]) -> None:
    env = _clean_env() | auth_env
    env |= {
        "PYTHONPATH": str(ROOT),
        "LEARNFLOW_BENCH_PROFILE": phase.profile,
        "LEARNFLOW_BENCH_USERS": str(phase.users),
        "LEARNFLOW_BENCH_DURATION": str(phase.duration_s),
        "LEARNFLOW_BENCH_THINK_SCALE": str(phase.think_scale),
    }
    argv = [
        str(processes.BIN / "locust"),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        url,
        "--csv",
        str(prefix),
        "--csv-full-history",
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
        "Student",
    ]
    if llm:
        argv.append("LLMStudent")
    log = prefix.with_name(prefix.name + "_locust.log")
    print(
        f"  locust {phase.name}: {phase.profile} to {phase.users} users, {phase.duration_s:.0f} s"
    )
    with log.open("wb") as out:
        subprocess.run(
            argv,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=phase.duration_s + 180,
        )


def run_phases(
    target: str, url: str, out: Path, phases: list[Phase], llm: bool, auth: dict[str, str]
) -> dict[str, dict[str, Any]]:
    # Untimed: first requests pay for imports, pools and JIT-like caches in every process.
    run_locust(url, WARMUP, out / f"{target}_warmup", llm, auth)
    results = {}
    for phase in phases:
        prefix = out / f"{target}_{phase.name}"
        run_locust(url, phase, prefix, llm, auth)
        results[phase.name] = summarize_phase(prefix)
    return results


def run_graph(
    args: argparse.Namespace,
    out: Path,
    env: dict[str, str],
    phases: list[Phase],
    auth: dict[str, str],
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    port = processes.free_port()
    config = apply_overrides(yaml.safe_load(args.serve_config.read_text()), port, args.overrides)
    config_path = out / "serve_config.yaml"
    config_path.write_text(yaml.safe_dump(config, sort_keys=False))
    env = env | {
        "LEARNFLOW_DATA_DIR": str(out / "data-graph"),
        "RAY_ADDRESS": "local",  # always a fresh Ray instance, never a running cluster
        "RAY_USAGE_STATS_ENABLED": "0",
        "PYTHONPATH": str(ROOT),  # replicas import this checkout, whatever is installed
    }
    # What `make run` ships (infra/serve.env), then this run's experiments on top.
    env |= serve_env() | _pairs(args.serve_env)
    log = out / "serve.log"
    url = f"http://127.0.0.1:{port}"
    samples_path = out / "replicas.jsonl"
    print(f"graph: serve run on {url}")
    haproxy_dir = Path(tempfile.mkdtemp(prefix="lfhap-", dir="/tmp"))
    env |= private_haproxy_env(haproxy_dir, processes.free_port(), processes.free_port())
    with (
        _ended_haproxy(haproxy_dir),
        _running([str(processes.BIN / "serve"), "run", str(config_path)], env, log) as serve,
    ):
        processes.wait_ready(url, serve, log, STARTUP_S)
        dashboard = processes.dashboard_url(log)
        sampler_argv = [
            sys.executable,
            "-m",
            "infra.bench.load.replicas",
            "--dashboard",
            dashboard or "http://127.0.0.1:8265",
            "--out",
            str(samples_path),
        ]
        sampler_env = _clean_env() | {"PYTHONPATH": str(ROOT), "RAY_AUTH_MODE": "token"}
        with _running(sampler_argv, sampler_env, out / "replicas.log", grace_s=10):
            results = run_phases("graph", url, out, phases, args.llm, auth)
    processes.wait_port_closed(port)
    samples = []
    if samples_path.exists():
        samples = [json.loads(line) for line in samples_path.read_text().splitlines() if line]
    return results, samples


def run_baseline(
    out: Path, env: dict[str, str], phases: list[Phase], llm: bool, auth: dict[str, str]
) -> dict[str, dict[str, Any]]:
    port = processes.free_port()
    url = f"http://127.0.0.1:{port}"
    env = env | {"LEARNFLOW_DATA_DIR": str(out / "data-baseline"), "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "infra.bench.load.baseline", "--port", str(port)]
    log = out / "baseline.log"
    print(f"baseline: one uvicorn process on {url}")
    with _running(argv, env, log, grace_s=20) as baseline:
        processes.wait_ready(url, baseline, log, STARTUP_S)
        results = run_phases("baseline", url, out, phases, llm, auth)
    processes.wait_port_closed(port)
    return results


def _database(postgres: processes.Postgres | None, name: str) -> dict[str, str]:
    if postgres is None:
        return {}  # LEARNFLOW_DATABASE_URL unset: the embedded server in LEARNFLOW_DATA_DIR
    return {"LEARNFLOW_DATABASE_URL": postgres.create_database(name)}


def scenario(args: argparse.Namespace, phases: list[Phase]) -> dict[str, Any]:
    return {
        "profile": args.profile,
        "phases": [phase.__dict__ for phase in phases],
        "llm": args.llm,
        "llm_first_token_delay_s": LLM_FIRST_TOKEN_DELAY_S if args.llm else None,
        "serve_overrides": args.overrides,
        "serve_env": args.serve_env,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "ray": version("ray"),
            "load_average_at_start": os.getloadavg(),
        },
    }


def main() -> None:
    args = _parser().parse_args()
    if args.quick:
        args.users, args.duration = min(args.users, 40), min(args.duration, 60)
        args.saturate_users, args.saturate_duration = min(args.saturate_users, 20), 40
    phases = plan_phases(args)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = (args.out or ROOT / "infra" / "bench" / "results" / stamp).resolve()
    out.mkdir(parents=True, exist_ok=True)
    info = scenario(args, phases)
    started = time.monotonic()

    # A throwaway signing secret: the tutor runs with auth on, as it would in production.
    auth = {"LEARNFLOW_AUTH_JWT_SECRET": secrets.token_urlsafe(32)}
    env = (
        _clean_env()
        | auth
        | {
            "LEARNFLOW_AUTH_MODE": "hs256",
            "LEARNFLOW_PSEUDONYM_KEY": secrets.token_urlsafe(32),
            # The saturation phase's "busy students" act 10-30 times a second, far past a
            # real student's rate limit; a high limit keeps the quota statement in the
            # measurement without refusing them.
            "LEARNFLOW_RATE_LIMIT_PER_MINUTE": "100000",
        }
    )
    pg_dir = Path(tempfile.mkdtemp(prefix="learnflow-bench-pg-"))
    server = processes.Postgres(pg_dir, processes.free_port())
    postgres: processes.Postgres | None = server
    try:
        server.start()
    except subprocess.CalledProcessError as exc:
        # No Debian PostgreSQL (make system-deps): each target starts its embedded server.
        print(f"infra/postgres.sh failed ({exc.stderr.strip()}); using embedded PostgreSQL")
        postgres = None
        shutil.rmtree(pg_dir, ignore_errors=True)
    fake_llm: subprocess.Popen[bytes] | None = None
    try:
        if args.llm:
            llm_port = processes.free_port()
            fake_llm = processes.start(
                [
                    sys.executable,
                    "-m",
                    "tests.support.fake_openai",
                    "--port",
                    str(llm_port),
                    "--first-token-delay",
                    str(LLM_FIRST_TOKEN_DELAY_S),
                    "--forget-requests",
                ],
                _clean_env() | {"PYTHONPATH": str(ROOT)},
                out / "fake_llm.log",
            )
            env |= {
                "LEARNFLOW_LLM_BASE_URL": f"http://127.0.0.1:{llm_port}/v1",
                "LEARNFLOW_LLM_MODEL": "fake-tutor",
                "LEARNFLOW_LLM_API_KEY": "not-a-real-key",
            }
        graph_env = env | _database(postgres, "bench_graph")
        graph, samples = run_graph(args, out, graph_env, phases, auth)
        baseline = None
        if not args.skip_baseline:
            base_env = env | _database(postgres, "bench_baseline")
            baseline = run_baseline(out, base_env, phases, args.llm, auth)
    finally:
        if fake_llm is not None:
            processes.stop(fake_llm, grace_s=5)
        if postgres is not None:
            with suppress(subprocess.CalledProcessError):
                postgres.destroy()

    info["wall_clock_s"] = round(time.monotonic() - started, 1)
    report = build_report(scenario=info, graph=graph, baseline=baseline, replica_samples=samples)
    (out / "report.json").write_text(json.dumps(report, indent=2))
    from infra.bench.load.plot import write_plot

    write_plot(report, out / "report.png")
    print("\n".join(summary_lines(report)))
    print(f"\nreport: {out / 'report.json'}\nplot:   {out / 'report.png'}")


if __name__ == "__main__":
    main()
