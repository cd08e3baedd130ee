"""Our access log: method, route template, the student's pseudonym, status and latency.

Serve's own access log is off (serve_config.yaml) because it prints raw paths, and
`/v1/students/{student_id}/...` would put raw student ids into every log file. Here the
path is logged as its template and the student, when the route names one, by pseudonym.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Inside a Serve replica only the "ray.serve" logger tree has handlers (the replica's log
# file); a child of it lands there next to Serve's own lines.
logger = logging.getLogger("ray.serve.learnflow.access")

UNMATCHED = "<unmatched>"


def _pseudonymizer(scope: Scope) -> Callable[[str], str] | None:
    app = scope.get("app")
    tutor: Any = getattr(getattr(app, "state", None), "tutor", None)
    privacy = getattr(tutor, "privacy", None)
    return getattr(privacy, "pseudonym", None)


def _subject(scope: Scope) -> str:
    params: dict[str, Any] = scope.get("path_params") or {}
    student_id = params.get("student_id")
    if not isinstance(student_id, str):
        return "-"
    pseudonymize = _pseudonymizer(scope)
    # Without a pseudonymizer the id is dropped, never written raw.
    return pseudonymize(student_id) if pseudonymize else "?"


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self._app(scope, receive, recording_send)
        finally:
            # The router stored the matched route in the shared scope on its way in.
            template = getattr(scope.get("route"), "path", None) or UNMATCHED
            logger.info(
                "%s %s %d %.1fms subject=%s",
                scope.get("method", "-"),
                template,
                status,
                (time.perf_counter() - started) * 1000,
                _subject(scope),
            )
