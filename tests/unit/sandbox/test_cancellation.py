"""Steps that must finish are finished, and what a cancelled start made is released."""

import asyncio

import pytest

from serve_app.domain.sandbox.cancellation import acquire, finish_despite_cancellation


async def test_step_runs_to_its_end_and_the_cancellation_follows() -> None:
    events: list[str] = []

    async def cleanup() -> None:
        await asyncio.sleep(0.05)
        events.append("cleaned")

    async def caller() -> None:
        await finish_despite_cancellation(cleanup())
        events.append("after")  # must not run: the caller was cancelled

    task = asyncio.create_task(caller())
    await asyncio.sleep(0.01)
    for _ in range(3):  # repeated cancellations are absorbed too
        task.cancel()
        await asyncio.sleep(0.005)
    with pytest.raises(asyncio.CancelledError):
        await task
    assert events == ["cleaned"]


async def test_step_result_and_error_pass_through() -> None:
    async def value() -> int:
        return 7

    async def broken() -> None:
        raise OSError("nope")

    assert await finish_despite_cancellation(value()) == 7
    with pytest.raises(OSError, match="nope"):
        await finish_despite_cancellation(broken())


async def test_resource_made_during_cancellation_is_released() -> None:
    released: list[str] = []

    async def start() -> str:
        await asyncio.sleep(0.05)
        return "workdir"

    async def release(resource: str) -> None:
        await asyncio.sleep(0.01)
        released.append(resource)

    task = asyncio.create_task(acquire(start(), release))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert released == ["workdir"]


async def test_acquire_returns_the_resource_and_releases_nothing() -> None:
    released: list[str] = []

    async def start() -> str:
        return "workdir"

    async def release(resource: str) -> None:
        released.append(resource)

    assert await acquire(start(), release) == "workdir"
    assert released == []


async def test_failed_start_releases_nothing_even_when_cancelled() -> None:
    released: list[object] = []

    async def start() -> str:
        await asyncio.sleep(0.02)
        raise OSError("disk full")

    async def release(resource: object) -> None:
        released.append(resource)

    with pytest.raises(OSError, match="disk full"):
        await acquire(start(), release)
    task = asyncio.create_task(acquire(start(), release))
    await asyncio.sleep(0.005)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert released == []
