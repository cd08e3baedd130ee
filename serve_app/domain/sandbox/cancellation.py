"""Steps that must run to the end even when the request awaiting them is cancelled.

A cancelled request (client gone, `wait_for` timeout) delivers CancelledError at whatever
`await` it is suspended on. Starting a resource (a work dir, a child process) and cleaning
it up both await, so a plain `try/finally` can lose the resource half-made or abandon the
cleanup half-done: a child left running with our pipe ends, a work dir never removed. These
helpers finish such steps first and deliver the cancellation afterwards.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def finish_despite_cancellation(step: Awaitable[T]) -> T:
    """Await `step` to its end; a cancellation arriving meanwhile is re-raised afterwards."""
    task = asyncio.ensure_future(step)
    cancelled = False
    while True:
        try:
            result = await asyncio.shield(task)
        except asyncio.CancelledError:
            if task.done():
                # The step itself was cancelled (by someone else); nothing left to wait for.
                raise
            cancelled = True
        else:
            break
    if cancelled:
        raise asyncio.CancelledError
    return result


async def acquire(start: Awaitable[T], release: Callable[[T], Awaitable[object]]) -> T:
    """Await `start`, which makes a resource; if cancelled meanwhile, release it, then re-raise.

    `start` is never interrupted half-way: on cancellation it still runs to its end, and
    what it made is handed to `release` (itself run to the end) before CancelledError
    propagates. If `start` fails, it must not leave anything behind.
    """
    task = asyncio.ensure_future(start)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        if not task.cancelled():
            await finish_despite_cancellation(_release_when_made(task, release))
        raise


async def _release_when_made(
    task: asyncio.Future[T], release: Callable[[T], Awaitable[object]]
) -> None:
    try:
        resource = await task
    except Exception:  # a start that failed has nothing to release
        return
    await release(resource)
