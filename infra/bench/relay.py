"""Outbox relay throughput and end-to-end lag, direct to Kafka and through a Dapr sidecar.

`make bench-relay` (or `python infra/bench/relay.py --events 5000`) starts a private broker
(infra/kafka/kafka.sh) and a private PostgreSQL (infra/postgres.sh) on free ports unless
--bootstrap / --database-url name running ones, then measures each transport (--via) against
that same broker and database:

- direct: KafkaPublisher (idempotent producer, acks=all);
- dapr: DaprPublisher through our own standalone daprd (infra/dapr/build-daprd.sh) whose
  `pubsub.kafka` component learnflow-pubsub points at the broker; one HTTP call per event.

For each it prints:
- drain throughput: N events already in the outbox, one relay publishes them all
  (marked in PostgreSQL), events per second;
- end-to-end lag: writers commit events at a steady rate while the relay runs; a consumer
  timestamps each event's arrival from Kafka; lag = arrival - commit, p50/p99.

and, with --via both, the two side by side with the ratio dapr / direct (the direct path
is the baseline: absolute figures vary with the machine's load, the ratio much less).

A figure, not a test: nothing is asserted. Everything it starts, it stops.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aiokafka import AIOKafkaConsumer  # noqa: E402
from pydantic import SecretStr  # noqa: E402

from serve_app.events.dapr import DaprPublisher  # noqa: E402
from serve_app.events.kafka import (  # noqa: E402
    ID_HEADER,
    TOPICS,
    KafkaPublisher,
    ensure_topics,
    header,
)
from serve_app.events.models import ProgressUpdated  # noqa: E402
from serve_app.events.outbox import append_event  # noqa: E402
from serve_app.events.relay import OutboxRelay, Publisher  # noqa: E402
from serve_app.store.database import Database  # noqa: E402
from tests.support.daprd import API_TOKEN, PUBSUB, build_daprd, running_daprd  # noqa: E402
from tests.support.databases import create_database, drop_database  # noqa: E402
from tests.support.fake_openai import free_port  # noqa: E402

TRANSPORTS = {"kafka": ("direct",), "dapr": ("dapr",), "both": ("direct", "dapr")}


@dataclass(frozen=True)
class Figures:
    drained: int
    seconds: float
    lags_ms: list[float]

    @property
    def rate(self) -> float:
        return self.drained / self.seconds

    def lag(self, fraction: float) -> float:
        return _percentile(self.lags_ms, fraction)


def _script(path: Path, command: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["/bin/bash", str(path), command], env=os.environ | env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{path.name} {command} failed:\n{done.stderr[-2000:]}")
    return done.stdout.strip()


@contextmanager
def _private(script: str, env: dict[str, str]) -> Iterator[str]:
    path = ROOT / "infra" / script
    try:
        yield _script(path, "start", env)
    finally:
        _script(path, "destroy", env)


def _daprd_binary() -> Path:
    """The cached slim daprd (built first if this source has never been built here)."""
    binary, reason = build_daprd()
    if binary is None:
        raise SystemExit(reason)
    return binary


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


async def _write(db: Database, count: int, students: int, rate: float | None) -> dict[str, float]:
    """Commit `count` events (one per transaction, as requests do); return commit times."""
    committed: dict[str, float] = {}
    started = time.perf_counter()
    for index in range(count):
        if rate:
            delay = started + index / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
        async with db.transaction() as conn:
            envelope = await append_event(
                conn,
                ProgressUpdated(
                    topic="loops", mastery=float(index % 100), previous_mastery=0.0, attempts=1
                ),
                subject=f"stu_{index % students:032x}",
            )
        committed[envelope.id] = time.time()
    return committed


async def _consume(
    bootstrap: str, wanted: int, arrivals: dict[str, float], ready: asyncio.Event
) -> None:
    consumer = AIOKafkaConsumer(
        *TOPICS, bootstrap_servers=bootstrap, group_id=None, auto_offset_reset="latest"
    )
    await consumer.start()
    try:
        for partition in consumer.assignment():
            await consumer.position(partition)
        ready.set()
        while len(arrivals) < wanted:
            batches = await consumer.getmany(timeout_ms=500)
            now = time.time()
            for records in batches.values():
                for record in records:
                    event_id = header(record.headers, ID_HEADER)
                    if event_id is not None:
                        # First arrival only: Dapr's producer may write a record twice.
                        arrivals.setdefault(event_id, now)
    finally:
        await consumer.stop()


async def _lags(
    db: Database, relay: OutboxRelay, bootstrap: str, args: argparse.Namespace
) -> list[float]:
    arrivals: dict[str, float] = {}
    ready = asyncio.Event()
    consuming = asyncio.create_task(_consume(bootstrap, args.lag_events, arrivals, ready))
    relaying: asyncio.Task[None] | None = None
    try:
        await ready.wait()
        relaying = asyncio.create_task(relay.run())
        committed = await _write(db, args.lag_events, args.students, args.rate)
        await asyncio.wait_for(consuming, 300)
    finally:
        for task in (relaying, consuming):
            if task is not None and not task.done():
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
    return [(arrivals[i] - committed[i]) * 1000 for i in committed if i in arrivals]


async def _measure(
    name: str, db: Database, publisher: Publisher, bootstrap: str, args: argparse.Namespace
) -> Figures:
    relay = OutboxRelay(db, publisher, batch_size=args.batch_size, idle_seconds=1.0)
    try:
        # Warm up: producer or sidecar connections, database connections.
        await _write(db, 10, args.students, None)
        await relay.drain()

        await _write(db, args.events, args.students, None)
        started = time.perf_counter()
        drained = await relay.drain()
        elapsed = time.perf_counter() - started
        print(
            f"{name}: drain {drained} events in {elapsed:.2f}s = {drained / elapsed:,.0f} ev/s",
            flush=True,
        )
        lags = await _lags(db, relay, bootstrap, args)
    finally:
        await relay.close()
    figures = Figures(drained, elapsed, lags)
    print(
        f"{name}: lag commit->Kafka at {args.rate:.0f} ev/s over {len(lags)} events: "
        f"p50 {figures.lag(0.5):.1f} ms, p99 {figures.lag(0.99):.1f} ms, "
        f"mean {statistics.fmean(lags):.1f} ms",
        flush=True,
    )
    return figures


def _row(label: str, unit: str, values: dict[str, float], digits: int) -> str:
    cells = "  ".join(f"{name} {value:,.{digits}f} {unit}" for name, value in values.items())
    ratio = ""
    if "direct" in values and "dapr" in values and values["direct"] > 0:
        ratio = f"  ({values['dapr'] / values['direct']:.2f}x)"
    return f"{label:<8} {cells}{ratio}"


def _summary(results: dict[str, Figures]) -> None:
    print(f"-- ratio = dapr / direct; load average {Path('/proc/loadavg').read_text().strip()}")
    print(_row("drain", "ev/s", {n: f.rate for n, f in results.items()}, 0))
    print(_row("lag p50", "ms", {n: f.lag(0.5) for n, f in results.items()}, 1))
    print(_row("lag p99", "ms", {n: f.lag(0.99) for n, f in results.items()}, 1))


async def _bench(args: argparse.Namespace, admin_url: str, bootstrap: str) -> None:
    # Dapr's Kafka component does not create topics; both transports get the same layout.
    await ensure_topics(
        bootstrap, partitions=args.partitions, replication_factor=1, timeout_seconds=30
    )
    url = await create_database(admin_url)
    try:
        async with Database(url, data_dir=Path(tempfile.gettempdir()), max_size=8) as db:
            results: dict[str, Figures] = {}
            if "direct" in TRANSPORTS[args.via]:
                publisher = KafkaPublisher(bootstrap, partitions=args.partitions)
                results["direct"] = await _measure("direct", db, publisher, bootstrap, args)
            if "dapr" in TRANSPORTS[args.via]:
                async with running_daprd(_daprd_binary(), bootstrap) as daprd:
                    dapr = DaprPublisher(
                        daprd.http_port,
                        pubsub_name=PUBSUB,
                        api_token=SecretStr(API_TOKEN),
                        concurrency=args.dapr_concurrency,
                    )
                    results["dapr"] = await _measure("dapr", db, dapr, bootstrap, args)
            _summary(results)
    finally:
        await drop_database(admin_url, url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--via", choices=sorted(TRANSPORTS), default="both")
    parser.add_argument("--events", type=int, default=5000, help="backlog drained at once")
    parser.add_argument("--lag-events", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=200.0, help="commits per second (lag)")
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--partitions", type=int, default=3)
    parser.add_argument(
        "--dapr-concurrency", type=int, default=8, help="students published at once via Dapr"
    )
    parser.add_argument("--bootstrap", help="a running broker (default: start a private one)")
    parser.add_argument("--database-url", help="a running server (default: a private one)")
    args = parser.parse_args()
    with ExitStack() as stack:
        bootstrap = args.bootstrap or stack.enter_context(
            _private(
                "kafka/kafka.sh",
                {
                    "LEARNFLOW_KAFKA_PORT": str(free_port()),
                    "LEARNFLOW_KAFKA_CONTROLLER_PORT": str(free_port()),
                    "KAFKA_DATA_DIR": tempfile.mkdtemp(prefix="learnflow-bench-kafka-"),
                },
            )
        )
        admin_url = args.database_url or stack.enter_context(
            _private(
                "postgres.sh",
                {
                    "LEARNFLOW_PG_PORT": str(free_port()),
                    "PGDATA_DIR": tempfile.mkdtemp(prefix="learnflow-bench-pg-"),
                },
            )
        )
        print(
            f"broker {bootstrap}; PostgreSQL {admin_url.rsplit('@', 1)[-1]}; "
            f"{args.events} events drained, {args.lag_events} for lag; batch {args.batch_size}, "
            f"{args.partitions} partitions, {args.students} students; "
            f"Dapr concurrency {args.dapr_concurrency}",
            flush=True,
        )
        asyncio.run(_bench(args, admin_url, bootstrap))


if __name__ == "__main__":
    main()
