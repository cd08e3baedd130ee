"""GET /v1/events: outcome events as Server-Sent Events, filtered and resumable.

Each SSE message carries `id:` (the outbox position, an opaque cursor) and `data:` (the
CloudEvents JSON envelope). Browsers resend the last id as Last-Event-ID on reconnect and
the stream resumes after it; `after=` does the same for a first connection. A comment line
is sent as a heartbeat when nothing happened for a while, so proxies keep the stream open.
"""

import json
import logging
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from serve_app.api.deps import TutorDep, get_event_feed
from serve_app.errors import DependencyUnavailable, InvalidRequest
from serve_app.events.feed import FeedEvent, FeedFilter, StreamOverflow
from serve_app.events.registry import event_classes
from serve_app.schemas.events import (
    AfterQuery,
    EventTypeQuery,
    LastEventIdHeader,
    LimitQuery,
    StudentIdQuery,
)
from serve_app.security.dependencies import AccessDep
from serve_app.store.repositories.classes import students_of_teacher

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1", tags=["events"])

RETRY_MILLISECONDS = 3000


def _cursor(last_event_id: str | None, after: int | None) -> int | None:
    if last_event_id is None or not last_event_id.strip():
        return after
    if not last_event_id.strip().isdigit():
        raise InvalidRequest("Last-Event-ID must be an id this stream sent")
    return int(last_event_id)


def _message(event: FeedEvent) -> str:
    data = json.dumps(event.envelope, separators=(",", ":"), sort_keys=True)
    return f"id: {event.seq}\ndata: {data}\n\n"


async def _sse(events: AsyncIterator[FeedEvent | None], limit: int | None) -> AsyncIterator[str]:
    yield f"retry: {RETRY_MILLISECONDS}\n\n"
    sent = 0
    try:
        async for event in events:
            if event is None:
                yield ": keep-alive\n\n"
                continue
            yield _message(event)
            sent += 1
            if limit is not None and sent >= limit:
                return
    except (StreamOverflow, DependencyUnavailable) as exc:
        # Ending the stream makes the browser reconnect with Last-Event-ID and resume.
        logger.info("event stream closed: %s", exc)


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "SSE stream"}},
)
async def stream_events(
    request: Request,
    access: AccessDep,
    tutor: TutorDep,
    student_id: StudentIdQuery = None,
    event_type: EventTypeQuery = None,
    after: AfterQuery = None,
    limit: LimitQuery = None,
    last_event_id: LastEventIdHeader = None,
) -> StreamingResponse:
    if event_type is not None and event_type not in event_classes():
        raise InvalidRequest(f"unknown event type {event_type!r}")
    cursor = _cursor(last_event_id, after)
    feed = get_event_feed(request)
    subjects: frozenset[str] | None = None
    if student_id is not None:
        await access.read_student(student_id)
    else:
        await access.require("teacher")
        principal = access.principal
        if not principal.is_admin:
            # A teacher follows the students of their classes, as enrolled when the stream
            # opens (a reconnect picks up new enrolments); an admin follows everyone.
            async with tutor.db.connection() as conn:
                taught = await students_of_teacher(conn, principal.subject, principal.classes)
            subjects = frozenset(feed.subject_of(student) for student in taught)
    feed_filter = FeedFilter(
        subject=feed.subject_of(student_id) if student_id is not None else None,
        subjects=subjects,
        event_type=event_type,
    )
    if cursor is None and feed.source == "postgres":
        # Resolved now, so a database outage is a 503 before the stream starts.
        cursor = await feed.head()
    return StreamingResponse(
        _sse(feed.stream(feed_filter, cursor), limit),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
