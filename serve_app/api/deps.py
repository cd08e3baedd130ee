"""Injected things, as short Annotated aliases."""

from typing import Annotated

from fastapi import Depends, Path, Request

from serve_app.errors import DependencyUnavailable
from serve_app.events.feed import EventFeed
from serve_app.service.tutor import Tutor


def get_tutor(request: Request) -> Tutor:
    tutor: Tutor | None = getattr(request.app.state, "tutor", None)
    if tutor is None:
        raise DependencyUnavailable("the tutor is still starting")
    return tutor


def get_event_feed(request: Request) -> EventFeed:
    """The ingress's SSE feed (a plain call, so a route checks its input and access first)."""
    feed: EventFeed | None = getattr(request.app.state, "event_feed", None)
    if feed is None:
        raise DependencyUnavailable("the event feed is not running")
    return feed


TutorDep = Annotated[Tutor, Depends(get_tutor)]
StudentIdPath = Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.@:+\-]+$")]
ExerciseIdPath = Annotated[str, Path(min_length=1, max_length=128)]
DebugIdPath = Annotated[str, Path(min_length=1, max_length=64)]
