"""Query and header parameters of `GET /v1/events` (Server-Sent Events)."""

from typing import Annotated

from fastapi import Header, Query

StudentIdQuery = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=128,
        pattern=r"^[A-Za-z0-9_.@:+\-]+$",
        description="Only this student's events (the server turns it into the pseudonym).",
    ),
]
EventTypeQuery = Annotated[
    str | None,
    Query(
        alias="type",
        min_length=1,
        max_length=128,
        description="Only events of this type, e.g. learnflow.exercise.graded.v1.",
    ),
]
AfterQuery = Annotated[
    int | None,
    Query(ge=0, description="Start after this event id (what Last-Event-ID does on resume)."),
]
LimitQuery = Annotated[
    int | None, Query(ge=1, le=10_000, description="Close the stream after this many events.")
]
LastEventIdHeader = Annotated[
    str | None,
    Header(
        alias="Last-Event-ID",
        max_length=32,
        description="Sent by browsers on reconnect: resume after this event id.",
    ),
]
