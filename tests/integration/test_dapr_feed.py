"""The SSE feed fed by Dapr deliveries (EventFeed.inject), on a real outbox, no sidecar.

daprd's own deliveries are in test_dapr_relay.py; here the feed's part: the outbox decides
what is streamed and with which cursor, and streams filter, resume and dedupe as with Kafka.
"""

import asyncio
import uuid
from typing import Any

import pytest

from serve_app.events.feed import (
    EventFeed,
    FeedEvent,
    FeedFilter,
    NotPushFed,
    PushFanout,
    UnknownEvent,
)
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.integration.kafka_support import drive_flows, outbox
from tests.support.tutors import PSEUDONYM_KEY

pseudonymize = Pseudonymizer(PSEUDONYM_KEY)


async def _take(stream: Any, count: int) -> list[FeedEvent]:
    taken: list[FeedEvent] = []
    async for event in stream:
        if event is not None:
            taken.append(event)
            if len(taken) == count:
                return taken
    return taken


async def test_delivered_events_reach_matching_streams_with_their_outbox_seq(
    tutor: Tutor, db: Database
) -> None:
    pushed = PushFanout()
    feed = EventFeed(db, pseudonymize, pushed=pushed, heartbeat_seconds=0.5)
    assert feed.source == "dapr"
    await drive_flows(tutor, "inj-ada", 0)
    await drive_flows(tutor, "inj-bob", 0)
    rows = await outbox(db)
    ada = pseudonymize("inj-ada")
    mine = [row for row in rows if row["subject"] == ada]

    stream = feed.stream(FeedFilter(subject=ada), after=None)
    reader = asyncio.create_task(_take(stream, len(mine)))
    while pushed.subscribers == 0:
        await asyncio.sleep(0.01)
    for row in rows:
        # Delivered as Dapr passes it on: extra attributes are the route's to strip.
        event = await feed.inject(dict(row["envelope"]))
        assert event.seq == row["seq"]
    await feed.inject(dict(mine[0]["envelope"]))  # a redelivery: streams dedupe it
    got = await asyncio.wait_for(reader, 10)
    assert [e.seq for e in got] == [row["seq"] for row in mine]
    assert [e.envelope for e in got] == [row["envelope"] for row in mine]
    await stream.aclose()
    assert pushed.subscribers == 0
    await feed.close()


async def test_a_stream_with_a_cursor_replays_then_goes_live(tutor: Tutor, db: Database) -> None:
    feed = EventFeed(db, pseudonymize, pushed=PushFanout(), heartbeat_seconds=0.5)
    await drive_flows(tutor, "inj-cyd", 0)
    first = await outbox(db)
    stream = feed.stream(FeedFilter(), after=first[0]["seq"])
    replayed = await _take(stream, len(first) - 1)
    assert [e.seq for e in replayed] == [row["seq"] for row in first[1:]]
    await drive_flows(tutor, "inj-cyd", 1)
    newer = (await outbox(db))[len(first) :]
    for row in newer:
        await feed.inject(dict(row["envelope"]))
    live = await _take(stream, len(newer))
    assert [e.seq for e in live] == [row["seq"] for row in newer]
    await stream.aclose()
    await feed.close()


async def test_events_delivered_to_another_replica_still_reach_the_stream(
    tutor: Tutor, db: Database
) -> None:
    # The pod's Serve proxy may hand a delivery to another Triage replica: this feed is
    # never told, and the outbox backstop must bring the events anyway, in order.
    feed = EventFeed(db, pseudonymize, pushed=PushFanout(), heartbeat_seconds=0.5)
    eve = pseudonymize("inj-eve")
    before = {row["seq"] for row in await outbox(db)}
    # From the current head (as a live stream starts), without racing its first read.
    stream = feed.stream(FeedFilter(subject=eve), after=await feed.head())
    reader = asyncio.create_task(_take(stream, 3))
    await drive_flows(tutor, "inj-eve", 0)
    mine = [row for row in await outbox(db) if row["subject"] == eve and row["seq"] not in before]
    got = await asyncio.wait_for(reader, 20)
    assert [e.seq for e in got] == [row["seq"] for row in mine[:3]]
    await stream.aclose()
    await feed.close()


async def test_what_the_outbox_does_not_hold_is_refused(tutor: Tutor, db: Database) -> None:
    feed = EventFeed(db, pseudonymize, pushed=PushFanout())
    await drive_flows(tutor, "inj-dee", 0)
    envelope = dict((await outbox(db))[0]["envelope"])
    with pytest.raises(UnknownEvent, match="no such event"):
        await feed.inject({**envelope, "id": str(uuid.uuid4())})
    with pytest.raises(UnknownEvent, match="differs"):
        await feed.inject({**envelope, "subject": pseudonymize("someone-else")})
    with pytest.raises(UnknownEvent, match="not a UUID"):
        await feed.inject({**envelope, "id": "1 OR 1=1"})
    await feed.close()


async def test_a_feed_with_its_own_live_source_takes_no_deliveries(db: Database) -> None:
    feed = EventFeed(db, pseudonymize)
    assert feed.source == "postgres"
    with pytest.raises(NotPushFed):
        await feed.inject({"id": str(uuid.uuid4())})
    await feed.close()
