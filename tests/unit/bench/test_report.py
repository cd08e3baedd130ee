"""The load report builder: Locust CSV files and replica samples in, report.json fields out."""

from pathlib import Path
from typing import Any

import pytest

from infra.bench.load.report import (
    TTFT_KEY,
    build_report,
    read_failures,
    summarize_phase,
    summary_lines,
    sustained_rps,
)

STATS_HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%"
)
HISTORY_HEADER = (
    "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,"
    "99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,"
    "Total Average Response Time,Total Min Response Time,Total Max Response Time,"
    "Total Average Content Size"
)
FAILURES_HEADER = "Method,Name,Error,Occurrences,First Seen,Last Seen"


def stats_row(
    kind: str, name: str, count: int, failures: int, rps: float, p: tuple[int, ...]
) -> str:
    p50, p95, p99 = p
    return (
        f"{kind},{name},{count},{failures},{p50},{p50 + 3.5},1.0,{p99 + 10},100,{rps},0.0,"
        f"{p50},{p50},{p50},{p50},{p95},{p95},{p99},{p99},{p99},{p99},{p99 + 10}"
    )


def history_row(
    t: int, users: int, rps: float | str, p99: int | str, name: str = "Aggregated"
) -> str:
    kind = "" if name == "Aggregated" else "POST"
    return (
        f"{t},{users},{kind},{name},{rps},0.0,{p99},{p99},{p99},{p99},{p99},{p99},{p99},{p99},"
        f"{p99},{p99},{p99},10,0,5,5.0,1,9,100"
    )


def write_phase(
    directory: Path,
    prefix: str,
    endpoints: list[str],
    aggregated: str,
    history: list[str],
    failures: tuple[str, ...] = (),
) -> Path:
    path = directory / prefix
    (directory / f"{prefix}_stats.csv").write_text(
        "\n".join([STATS_HEADER, *endpoints, aggregated]) + "\n"
    )
    (directory / f"{prefix}_stats_history.csv").write_text(
        "\n".join([HISTORY_HEADER, *history]) + "\n"
    )
    (directory / f"{prefix}_failures.csv").write_text(
        "\n".join([FAILURES_HEADER, *failures]) + "\n"
    )
    return path


@pytest.fixture
def graph_load(tmp_path: Path) -> dict[str, Any]:
    prefix = write_phase(
        tmp_path,
        "graph_load",
        [
            stats_row("POST", "/v1/ask", 900, 0, 30.0, (40, 120, 300)),
            stats_row("POST", "/v1/debug", 100, 2, 3.3, (90, 400, 620)),
            stats_row("SSE", "/v1/ask [first token]", 50, 0, 1.6, (350, 600, 900)),
        ],
        stats_row("", "Aggregated", 1050, 2, 35.0, (45, 300, 610)),
        [
            history_row(100, 0, "0.000000", "N/A"),
            history_row(101, 10, 20.0, 200),
            history_row(101, 10, 19.0, 190, name="/v1/ask"),  # per endpoint: not the timeline
            history_row(102, 20, 40.0, 250),
            history_row(103, 20, 41.0, 260),
        ],
        ("POST,/v1/debug,HTTP 503,2,100,103",),
    )
    return summarize_phase(prefix)


@pytest.fixture
def baseline_load(tmp_path: Path) -> dict[str, Any]:
    prefix = write_phase(
        tmp_path,
        "baseline_load",
        [stats_row("POST", "/v1/ask", 1000, 0, 35.0, (10, 40, 100))],
        stats_row("", "Aggregated", 1050, 0, 70.0, (10, 50, 122)),
        [history_row(200, 10, 60.0, 100), history_row(201, 20, 80.0, 120)],
    )
    return summarize_phase(prefix)


def test_phase_summary_keys_endpoints_by_method_and_route(graph_load: dict[str, Any]) -> None:
    assert set(graph_load["endpoints"]) == {"POST /v1/ask", "POST /v1/debug", TTFT_KEY}
    debug = graph_load["endpoints"]["POST /v1/debug"]
    assert debug["requests"] == 100
    assert debug["failures"] == 2
    assert debug["error_rate"] == pytest.approx(0.02)
    assert (debug["p50_ms"], debug["p95_ms"], debug["p99_ms"]) == (90, 400, 620)
    assert graph_load["total"]["requests"] == 1050
    assert graph_load["total"]["rps"] == pytest.approx(35.0)


def test_phase_timeline_keeps_only_aggregated_rows_and_reads_na_as_none(
    graph_load: dict[str, Any],
) -> None:
    timeline = graph_load["timeline"]
    assert [point["t"] for point in timeline] == [100, 101, 102, 103]
    assert timeline[0]["p99_ms"] is None
    assert timeline[1] == {
        "t": 101.0,
        "users": 10,
        "rps": 20.0,
        "failures_per_s": 0.0,
        "p50_ms": 200.0,
        "p95_ms": 200.0,
        "p99_ms": 200.0,
    }
    assert graph_load["peak_users"] == 20
    assert graph_load["failures"] == [
        {"endpoint": "POST /v1/debug", "error": "HTTP 503", "occurrences": 2}
    ]


def test_sustained_rps_ignores_idle_seconds_and_a_single_spike() -> None:
    idle = [{"users": 0, "rps": 0.0}]
    steady = [{"users": 5, "rps": float(value)} for value in range(10, 30)]
    spike = [{"users": 5, "rps": 500.0}]
    # 21 busy samples: index floor(0.9 * 21) = 18 of the sorted values 10..29, 500.
    assert sustained_rps(idle + steady + spike) == 28.0
    assert sustained_rps(idle) == 0.0


def test_missing_failures_file_means_no_failures(tmp_path: Path) -> None:
    assert read_failures(tmp_path / "absent_failures.csv") == []


def test_report_ratios_are_graph_over_baseline(
    graph_load: dict[str, Any], baseline_load: dict[str, Any]
) -> None:
    report = build_report(
        scenario={"profile": "step", "llm": False},
        graph={"load": graph_load},
        baseline={"load": baseline_load},
        replica_samples=[],
    )
    ratios = report["ratios"]["load"]
    assert ratios["throughput"] == pytest.approx(0.5)
    assert ratios["p50"] == pytest.approx(4.5)
    assert ratios["p99"] == pytest.approx(5.0)
    assert ratios["sustained_throughput"] == pytest.approx(41.0 / 80.0, abs=1e-3)


def test_checks_judge_the_graph_against_the_issue_targets(
    graph_load: dict[str, Any], baseline_load: dict[str, Any]
) -> None:
    report = build_report(
        scenario={"llm": False},
        graph={"load": graph_load, "saturate": graph_load},
        baseline={"load": baseline_load, "saturate": baseline_load},
        replica_samples=[],
    )
    checks = report["checks"]
    # The first-token entry is an LLM figure: never part of the 500 ms target.
    assert checks["worst_non_llm_endpoint"] == "POST /v1/debug"
    assert checks["worst_non_llm_p99_ms"] == 620
    assert checks["p99_under_500ms"] is False
    assert checks["errors"] == 2
    assert checks["no_errors"] is False
    assert "ttft_p99_ms" not in checks
    assert checks["saturation_share"] == pytest.approx(0.512, abs=1e-3)
    assert checks["saturation_share_at_least_25pct"] is True


def test_with_an_llm_the_llm_endpoints_leave_the_latency_target_and_ttft_is_judged(
    graph_load: dict[str, Any],
) -> None:
    report = build_report(
        scenario={"llm": True}, graph={"load": graph_load}, baseline=None, replica_samples=[]
    )
    checks = report["checks"]
    assert checks["worst_non_llm_endpoint"] == "POST /v1/debug"
    assert checks["ttft_p99_ms"] == 900
    assert checks["ttft_p99_under_1s"] is True
    assert "saturation_share" not in checks
    assert report["ratios"] == {}
    assert report["targets"]["baseline"] is None


def test_replica_timeline_is_sorted_and_peaks_are_per_deployment(
    graph_load: dict[str, Any],
) -> None:
    samples = [
        {"t": 30, "running": {"Triage": 1, "Debug": 1}},
        {"t": 10, "running": {"Triage": 1, "Debug": 2}},
        {"t": 20, "running": {"Triage": 2, "Debug": 2}},
    ]
    report = build_report(
        scenario={}, graph={"load": graph_load}, baseline=None, replica_samples=samples
    )
    graph = report["targets"]["graph"]
    assert [sample["t"] for sample in graph["replicas"]] == [10.0, 20.0, 30.0]
    assert graph["peak_replicas"] == {"Triage": 2, "Debug": 2}


def test_summary_table_prints_both_targets_and_the_ratios(
    graph_load: dict[str, Any], baseline_load: dict[str, Any]
) -> None:
    report = build_report(
        scenario={"llm": False},
        graph={"load": graph_load},
        baseline={"load": baseline_load},
        replica_samples=[{"t": 1, "running": {"Triage": 2}}],
    )
    text = "\n".join(summary_lines(report))
    assert "graph/baseline: throughput 0.50x" in text
    assert "p99 5.00x" in text
    assert "peak replicas: Triage 2" in text
    ask_rows = [line for line in text.splitlines() if line.startswith("POST /v1/ask ")]
    assert [row.split()[2] for row in ask_rows] == ["graph", "baseline"]
