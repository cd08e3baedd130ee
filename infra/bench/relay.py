"""Outbox relay throughput and end-to-end lag, against a real Kafka broker and PostgreSQL.

`make bench-relay` (or `python infra/bench/relay.py --events 5000`) starts a private broker
(infra/kafka/kafka.sh) and a private PostgreSQL (infra/postgres.sh) on free ports unless
--bootstrap / --database-url name running ones, then prints:

- drain throughput: N events already in the outbox, one relay publishes them all
  (idempotent producer, acks=all, marked in PostgreSQL), events per second;
- end-to-end lag: writers commit events at a steady rate while the relay runs; a consumer
  timestamps each event's arrival from Kafka; lag = arrival - commit, p50/p99.

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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aiokafka import AIOKafkaConsumer  # noqa: E402

from serve_app.events.kafka import ID_HEADER, TOPICS, KafkaPublisher, header  # noqa: E402
from serve_app.events.models import ProgressUpdated  # noqa: E402
from serve_app.events.outbox import append_event  # noqa: E402
from serve_app.events.relay import OutboxRelay  # noqa: E402
from serve_app.store.database import Database  # noqa: E402
from tests.support.databases import create_database, drop_database  # noqa: E402
from tests.support.fake_openai import free_port  # noqa: E402


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
                        arrivals.setdefault(event_id, now)
    finally:
        await consumer.stop()


async def _bench(args: argparse.Namespace, admin_url: str, bootstrap: str) -> None:
    url = await create_database(admin_url)
    try:
        async with Database(url, data_dir=Path(tempfile.gettempdir()), max_size=8) as db:
            relay = OutboxRelay(
                db,
                KafkaPublisher(bootstrap, partitions=args.partitions),
                batch_size=args.batch_size,
                idle_seconds=1.0,
            )
            # Warm up: topics, producer, connections.
            await _write(db, 10, args.students, None)
            await relay.drain()

            await _write(db, args.events, args.students, None)
            started = time.perf_counter()
            drained = await relay.drain()
            elapsed = time.perf_counter() - started
            print(
                f"drain: {drained} events in {elapsed:.2f}s = {drained / elapsed:,.0f} events/s"
                f" (batch {args.batch_size}, {args.partitions} partitions, acks=all)"
            )

            arrivals: dict[str, float] = {}
            ready = asyncio.Event()
            consuming = asyncio.create_task(_consume(bootstrap, args.lag_events, arrivals, ready))
            await ready.wait()
            relaying = asyncio.create_task(relay.run())
            committed = await _write(db, args.lag_events, args.students, args.rate)
            await asyncio.wait_for(consuming, 120)
            relaying.cancel()
            with suppress(asyncio.CancelledError):
                await relaying
            await relay.close()
            lags = [(arrivals[i] - committed[i]) * 1000 for i in committed if i in arrivals]
            print(
                f"lag commit->Kafka at {args.rate:.0f} events/s over {len(lags)} events: "
                f"p50 {_percentile(lags, 0.5):.1f} ms, p99 {_percentile(lags, 0.99):.1f} ms, "
                f"mean {statistics.fmean(lags):.1f} ms"
            )
    finally:
        await drop_database(admin_url, url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=5000, help="backlog drained at once")
    parser.add_argument("--lag-events", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=200.0, help="commits per second (lag)")
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--partitions", type=int, default=3)
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
        print(f"broker {bootstrap}; PostgreSQL {admin_url.rsplit('@', 1)[-1]}")
        asyncio.run(_bench(args, admin_url, bootstrap))


if __name__ == "__main__":
    main()
