"""Descriptors have one owner that closes them once, and reading a pipe never closes it."""

import asyncio
import fcntl
import os

import pytest

from serve_app.domain.sandbox.descriptors import OwnedFd, memfd_holding, open_pipe, read_to_eof
from tests.unit.sandbox.loops import LoopFactory, loop_factories, run_on


def is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def test_close_is_done_once_and_never_hits_a_reused_number() -> None:
    owned = OwnedFd(os.open(os.devnull, os.O_RDONLY))
    number = owned.fd
    owned.close()
    assert owned.closed
    reused = os.open(os.devnull, os.O_RDONLY)  # the kernel hands out the lowest free number
    try:
        assert reused == number
        owned.close()
        assert is_open(reused)
    finally:
        os.close(reused)
    with pytest.raises(ValueError, match="already closed"):
        _ = owned.fd


def test_context_manager_closes() -> None:
    with OwnedFd(os.open(os.devnull, os.O_RDONLY)) as owned:
        number = owned.fd
        assert is_open(number)
    assert owned.closed
    assert not is_open(number)


def test_pipe_ends_are_close_on_exec_and_only_the_read_end_is_non_blocking() -> None:
    read_end, write_end = open_pipe()
    with read_end, write_end:
        for end in (read_end, write_end):
            assert fcntl.fcntl(end.fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC
        assert not os.get_blocking(read_end.fd)
        assert os.get_blocking(write_end.fd)


def test_memfd_holds_the_data_from_its_start() -> None:
    data = bytes(range(256)) * 1000
    with memfd_holding("test", data) as owned:
        assert fcntl.fcntl(owned.fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC
        assert os.read(owned.fd, len(data) + 1) == data


@pytest.mark.parametrize("factory", loop_factories())
def test_read_to_eof_collects_everything_and_leaves_the_descriptor_open(
    factory: LoopFactory,
) -> None:
    async def main() -> tuple[bytes, bool]:
        read_end, write_end = open_pipe()
        with read_end:
            with write_end:
                reading = asyncio.create_task(read_to_eof(read_end, 1 << 20))
                for part in (b"one ", b"two ", b"three"):
                    os.write(write_end.fd, part)
                    await asyncio.sleep(0.01)
            result = await reading
            assert is_open(read_end.fd)
            return result

    assert run_on(factory, main()) == (b"one two three", False)


@pytest.mark.parametrize("factory", loop_factories())
def test_read_to_eof_keeps_at_most_cap_bytes_but_drains_the_rest(
    factory: LoopFactory,
) -> None:
    async def main() -> tuple[bytes, bool]:
        read_end, write_end = open_pipe()
        with read_end:
            with write_end:
                reading = asyncio.create_task(read_to_eof(read_end, 10))
                blob = b"x" * 300_000  # more than a pipe buffer: the reader must keep reading
                await asyncio.to_thread(os.write, write_end.fd, blob)
            return await reading

    assert run_on(factory, main()) == (b"x" * 10, True)


@pytest.mark.parametrize("factory", loop_factories())
def test_cancelled_reader_unregisters_and_does_not_close(
    factory: LoopFactory,
) -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        read_end, write_end = open_pipe()
        with read_end, write_end:
            reading = asyncio.create_task(read_to_eof(read_end, 100))
            await asyncio.sleep(0.01)
            reading.cancel()
            with pytest.raises(asyncio.CancelledError):
                await reading
            assert not loop.remove_reader(read_end.fd)  # nothing left registered
            assert is_open(read_end.fd)
            assert is_open(write_end.fd)

    run_on(factory, main())
