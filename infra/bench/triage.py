"""Triage routing quality and cost on the held-out split of the labelled dataset.

`make bench-triage` prints held-out accuracy, per-route precision and recall, the confusion
matrix, how many messages the rules settle versus the model, calibration (expected
calibration error of the reported confidence), in-process classification latency p50/p99
and the model's load time. Targets: accuracy >= 95%, recall >= 90% per route, p99 < 2 ms.

The held-out messages (split "heldout" in serve_app/domain/triage/data/messages.jsonl) are
written by other authors than the training messages and are never trained on.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from serve_app.domain.topics import ROUTES  # noqa: E402
from serve_app.domain.triage import RuleClassifier, TriageClassifier, TriageDecision  # noqa: E402
from serve_app.domain.triage.dataset import LabelledMessage, load_dataset  # noqa: E402
from serve_app.domain.triage.linear_model import load_model  # noqa: E402

TARGET_ACCURACY = 0.95
TARGET_RECALL = 0.90
TARGET_P99_MS = 2.0
# An optional blind set written by another author after the router was built, in the same
# shape as the first one (fields text, code, previous_route, route, persona). When present it
# is reported, never trained on or tuned against, and carries no target; once reported it is
# folded into messages.jsonl as new voices and the file is removed.
EXTERNAL_FILE = ROOT / "serve_app" / "domain" / "triage" / "data" / "external.jsonl"
_BINS = 10
_LOAD_PROBE = (
    "import time, json; t0 = time.perf_counter()\n"
    "from serve_app.domain.triage import TriageClassifier\n"
    "t1 = time.perf_counter(); TriageClassifier(); t2 = time.perf_counter()\n"
    "print(json.dumps({'import_ms': (t1 - t0) * 1e3, 'load_ms': (t2 - t1) * 1e3}))\n"
)


def _decide(classifier: TriageClassifier | RuleClassifier, row: LabelledMessage) -> TriageDecision:
    return classifier.classify(row.text, code=row.code, previous_route=row.previous_route)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _expected_calibration_error(pairs: list[tuple[float, bool]]) -> float:
    total = 0.0
    for b in range(_BINS):
        low, high = b / _BINS, (b + 1) / _BINS
        members = [(c, ok) for c, ok in pairs if low < c <= high or (b == 0 and c == 0.0)]
        if members:
            confidence = statistics.fmean(c for c, _ in members)
            accuracy = statistics.fmean(1.0 if ok else 0.0 for _, ok in members)
            total += len(members) / len(pairs) * abs(confidence - accuracy)
    return total


def report_quality(
    rows: list[LabelledMessage], decisions: list[TriageDecision], title: str = "held-out"
) -> bool:
    n = len(rows)
    right = sum(d.route == r.label for r, d in zip(rows, decisions, strict=True))
    accuracy = right / n
    target = f"  target >= {TARGET_ACCURACY:.2f}" if title == "held-out" else ""
    print(f"{title} accuracy: {accuracy:.3f} ({right}/{n}){target}")
    print(f"\n{'route':<10} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}")
    ok = accuracy >= TARGET_ACCURACY
    for route in ROUTES:
        tp = sum(
            d.route == route and r.label == route for r, d in zip(rows, decisions, strict=True)
        )
        predicted = sum(d.route == route for d in decisions)
        support = sum(r.label == route for r in rows)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        ok = ok and recall >= TARGET_RECALL
        print(f"{route:<10} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {support:>8}")
    print("\nconfusion matrix (rows: true route, columns: predicted)")
    print(f"{'':<10}" + "".join(f"{route:>10}" for route in ROUTES))
    for true in ROUTES:
        cells = [
            sum(r.label == true and d.route == pred for r, d in zip(rows, decisions, strict=True))
            for pred in ROUTES
        ]
        print(f"{true:<10}" + "".join(f"{cell:>10}" for cell in cells))
    return ok


def report_paths(rows: list[LabelledMessage], decisions: list[TriageDecision]) -> None:
    print("\nwho decided")
    for name, by_rules in (("rules", True), ("model", False)):
        chosen = [
            (r, d)
            for r, d in zip(rows, decisions, strict=True)
            if ("rules:decisive" in d.reasons) == by_rules
        ]
        right = sum(d.route == r.label for r, d in chosen)
        share = len(chosen) / len(rows)
        accuracy = right / max(1, len(chosen))
        print(f"  {name:<6} {len(chosen):>4} messages ({share:.0%}), accuracy {accuracy:.3f}")
    pairs = [(d.confidence, d.route == r.label) for r, d in zip(rows, decisions, strict=True)]
    asked = [(r, d) for r, d in zip(rows, decisions, strict=True) if d.needs_clarification]
    confident = [(r, d) for r, d in zip(rows, decisions, strict=True) if not d.needs_clarification]
    confident_right = sum(d.route == r.label for r, d in confident)
    print(
        f"\ncalibration: expected calibration error {_expected_calibration_error(pairs):.3f} "
        f"({_BINS} bins), mean confidence {statistics.fmean(c for c, _ in pairs):.3f}"
    )
    print(
        f"clarification asked for {len(asked)} messages ({len(asked) / len(rows):.1%}); "
        f"accuracy when routed without asking {confident_right / max(1, len(confident)):.3f}"
    )


def report_voices(rows: list[LabelledMessage], decisions: list[TriageDecision]) -> None:
    by_author: dict[str, list[bool]] = {}
    for row, decision in zip(rows, decisions, strict=True):
        by_author.setdefault(row.author, []).append(decision.route == row.label)
    print("\nheld-out accuracy per voice")
    for author, hits in sorted(by_author.items()):
        print(f"  {author:<24} {sum(hits) / len(hits):.3f} ({sum(hits)}/{len(hits)})")


def report_misses(rows: list[LabelledMessage], decisions: list[TriageDecision]) -> None:
    misses = [(r, d) for r, d in zip(rows, decisions, strict=True) if d.route != r.label]
    print(f"\nmisrouted ({len(misses)}):")
    for row, decision in misses:
        text = row.text.replace("\n", " ")[:70]
        print(
            f"  {row.id:<8} {row.label:>9} -> {decision.route:<9} {decision.confidence:.2f}  {text}"
        )


def load_external() -> list[LabelledMessage]:
    rows: list[LabelledMessage] = []
    lines = EXTERNAL_FILE.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate((line for line in lines if line.strip()), start=1):
        record = json.loads(line)
        rows.append(
            LabelledMessage(
                id=f"ext-{number}",
                author=str(record["persona"]),
                text=str(record["text"]),
                code=record.get("code"),
                previous_route=record.get("previous_route"),
                label=str(record["route"]),
                split="external",
            )
        )
    return rows


def report_external(classifier: TriageClassifier) -> None:
    rows = load_external()
    print(
        f"\n=== external (blind) set — never used for training or tuning: {len(rows)} messages ==="
    )
    decisions = [_decide(classifier, row) for row in rows]
    report_quality(rows, decisions, title="external")
    report_misses(rows, decisions)


def report_latency(classifier: TriageClassifier, rows: list[LabelledMessage], rounds: int) -> bool:
    """Wall and CPU time per classification. On a shared machine the wall-clock tail is the
    scheduler's (other processes preempting this one), so the target is judged on CPU time:
    what one classification costs the replica. Both are printed."""
    for row in rows:  # warm the caches once, as a long-running replica has them warm
        _decide(classifier, row)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for row in rows:
            start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
            _decide(classifier, row)
            cpu.append((time.process_time_ns() - start_cpu) / 1e6)
            wall.append((time.perf_counter_ns() - start) / 1e6)
    print(
        f"\nlatency in-process over {len(wall)} classifications (target p99 < {TARGET_P99_MS} ms)"
    )
    for name, timings in (("cpu time", cpu), ("wall time", wall)):
        p50, p99 = _percentile(timings, 0.50), _percentile(timings, 0.99)
        print(f"  {name:<9} p50 {p50:.3f} ms  p99 {p99:.3f} ms  max {max(timings):.3f} ms")
    print(
        f"  machine load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus"
    )
    return _percentile(cpu, 0.99) < TARGET_P99_MS


def report_load_time() -> None:
    loads = []
    for _ in range(5):
        start = time.perf_counter()
        load_model()
        loads.append((time.perf_counter() - start) * 1e3)
    median = statistics.median(loads)
    print(f"model load (JSON artifact -> scorer), in-process: median {median:.1f} ms")
    probe = subprocess.run(
        [sys.executable, "-c", _LOAD_PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    cold = json.loads(probe.stdout)
    print(
        f"cold start in a fresh process: import {cold['import_ms']:.0f} ms + "
        f"TriageClassifier() {cold['load_ms']:.0f} ms = "
        f"{cold['import_ms'] + cold['load_ms']:.0f} ms  target < 1000 ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="triage benchmark on the held-out split")
    parser.add_argument("--rounds", type=int, default=20, help="latency passes over the split")
    args = parser.parse_args()
    train, held_out = load_dataset("train"), load_dataset("heldout")
    print(
        f"dataset: {len(train) + len(held_out)} messages, {len(train)} train, "
        f"{len(held_out)} held-out (authors never seen in training)\n"
    )
    classifier = TriageClassifier()
    decisions = [_decide(classifier, row) for row in held_out]
    ok = report_quality(held_out, decisions)
    report_paths(held_out, decisions)
    rules_only = RuleClassifier()
    rules_right = sum(_decide(rules_only, r).route == r.label for r in held_out)
    print(f"baseline, rules alone: accuracy {rules_right / len(held_out):.3f}")
    report_voices(held_out, decisions)
    report_misses(held_out, decisions)
    if EXTERNAL_FILE.exists():
        report_external(classifier)
    ok = report_latency(classifier, held_out, args.rounds) and ok
    report_load_time()
    print("\nall targets met" if ok else "\nTARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
