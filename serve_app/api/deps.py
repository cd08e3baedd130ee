"""Injected things, as short Annotated aliases."""

from typing import Annotated

from fastapi import Depends, Path, Request

from serve_app.errors import DependencyUnavailable
from serve_app.service.tutor import Tutor


def get_tutor(request: Request) -> Tutor:
    tutor: Tutor | None = getattr(request.app.state, "tutor", None)
    if tutor is None:
        raise DependencyUnavailable("the tutor is still starting")
    return tutor


TutorDep = Annotated[Tutor, Depends(get_tutor)]
StudentIdPath = Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.@:+\-]+$")]
ExerciseIdPath = Annotated[str, Path(min_length=1, max_length=128)]
DebugIdPath = Annotated[str, Path(min_length=1, max_length=64)]
