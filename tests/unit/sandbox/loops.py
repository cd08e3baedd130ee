"""Running a coroutine on each event loop implementation the service may run on."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

LoopFactory = Callable[[], asyncio.AbstractEventLoop]


def loop_factories() -> list[Any]:
    """The stock event loop, and uvloop (what Ray uses in a replica) when it is installed."""
    factories: list[Any] = [pytest.param(asyncio.new_event_loop, id="asyncio")]
    try:
        import uvloop
    except ImportError:
        return factories
    return [*factories, pytest.param(uvloop.new_event_loop, id="uvloop")]


def run_on(factory: LoopFactory, main: Coroutine[Any, Any, Any]) -> Any:
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(main)
