"""Small parts of the relay and the SSE feed that need no database or broker."""

import asyncio

import pytest

from serve_app.events.feed import FeedEvent, FeedFilter, _SeenIds, _Subscription
from serve_app.events.relay import Backoff


def _event(seq: int, subject: str = "stu_a", kind: str = "t.v1") -> FeedEvent:
    return FeedEvent(seq, {"id": f"id-{seq}", "subject": subject, "type": kind})


def test_backoff_grows_to_its_ceiling_with_jitter_and_resets() -> None:
    backoff = Backoff(0.5, 4.0)
    delays = [backoff.next_delay() for _ in range(8)]
    assert 0.25 <= delays[0] <= 0.5
    assert all(2.0 <= d <= 4.0 for d in delays[4:])
    backoff.reset()
    assert backoff.next_delay() <= 0.5


def test_filter_matches_subject_and_type() -> None:
    envelope = _event(1, "stu_a", "x.v1").envelope
    assert FeedFilter().matches(envelope)
    assert FeedFilter(subject="stu_a", event_type="x.v1").matches(envelope)
    assert not FeedFilter(subject="stu_b").matches(envelope)
    assert not FeedFilter(event_type="y.v1").matches(envelope)


def test_seen_ids_dedupes_within_its_window() -> None:
    seen = _SeenIds(size=2)
    assert seen.first_time("a")
    assert not seen.first_time("a")
    assert seen.first_time("b")
    assert seen.first_time("c")  # "a" falls out of the window
    assert seen.first_time("a")


async def test_a_full_subscription_is_marked_overflowed_not_blocked() -> None:
    subscription = _Subscription(FeedFilter(subject="stu_a"), capacity=2)
    for seq in range(1, 4):
        subscription.offer(_event(seq))
    subscription.offer(_event(9, subject="stu_b"))
    assert subscription.overflowed
    assert subscription.queue.qsize() == 2
    assert (await asyncio.wait_for(subscription.queue.get(), 1)).seq == 1


@pytest.mark.parametrize("seq", [0, 5])
def test_feed_event_id_is_the_envelope_id(seq: int) -> None:
    assert _event(seq).event_id == f"id-{seq}"
