"""Ray's "specialist unavailable" errors become DependencyUnavailable (HTTP 503); nothing
else is swallowed. Uses fake handles: no Ray runtime is started."""

from types import SimpleNamespace
from typing import Any

import pytest
from ray.exceptions import RayActorError
from ray.serve.exceptions import BackPressureError

from serve_app.deployments.handles import DebugHandle
from serve_app.domain.debug import DebugRequest
from serve_app.errors import DependencyUnavailable


def _handle_raising(exc: Exception) -> Any:
    async def fail(*_: object, **__: object) -> None:
        raise exc

    return SimpleNamespace(diagnose=SimpleNamespace(remote=fail))


@pytest.mark.parametrize(
    "exc",
    [BackPressureError(num_queued_requests=10, max_queued_requests=10), RayActorError()],
)
async def test_unavailable_specialist_is_a_dependency_error(exc: Exception) -> None:
    with pytest.raises(DependencyUnavailable, match="debug service is unavailable"):
        await DebugHandle(_handle_raising(exc)).diagnose(DebugRequest(code="x = 1\n"))


async def test_a_bug_in_a_specialist_is_not_disguised() -> None:
    with pytest.raises(ZeroDivisionError):
        await DebugHandle(_handle_raising(ZeroDivisionError())).diagnose(
            DebugRequest(code="x = 1\n")
        )
