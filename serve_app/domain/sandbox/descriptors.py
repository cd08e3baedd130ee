"""File descriptors with exactly one owner, and reading a pipe without giving it away.

A descriptor number is reused by the kernel as soon as it is closed, so closing a number
twice can close whatever another thread opened in between (a database socket, a directory
being removed). Every descriptor the sandbox opens is therefore held by one `OwnedFd`,
which closes it at most once, and none is ever handed to an object that would also close
it: in particular not to `loop.connect_read_pipe`, because uvloop's version closes the
descriptor itself and then closes the file object wrapping it as well
(https://github.com/MagicStack/uvloop/issues/763). Pipes are read with `loop.add_reader`
instead, which never closes anything.
"""

from __future__ import annotations

import asyncio
import os
from types import TracebackType

READ_CHUNK = 64 * 1024


class OwnedFd:
    """One open descriptor and the duty to close it exactly once."""

    __slots__ = ("_fd",)

    def __init__(self, fd: int) -> None:
        self._fd = fd

    @property
    def fd(self) -> int:
        if self._fd < 0:
            raise ValueError("the descriptor is already closed")
        return self._fd

    @property
    def closed(self) -> bool:
        return self._fd < 0

    def close(self) -> None:
        """Close the descriptor; later calls do nothing."""
        fd, self._fd = self._fd, -1
        if fd >= 0:
            # Forgotten before the call: even if close() fails, Linux has released the
            # number, and closing it again could hit someone else's descriptor.
            os.close(fd)

    def __enter__(self) -> OwnedFd:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"OwnedFd({self._fd})" if self._fd >= 0 else "OwnedFd(closed)"


def open_pipe() -> tuple[OwnedFd, OwnedFd]:
    """A pipe (read end, write end), both close-on-exec; the read end is non-blocking."""
    read_end, write_end = os.pipe()
    reader, writer = OwnedFd(read_end), OwnedFd(write_end)
    try:
        os.set_blocking(read_end, False)
    except BaseException:
        reader.close()
        writer.close()
        raise
    return reader, writer


def memfd_holding(name: str, data: bytes) -> OwnedFd:
    """A close-on-exec memory file holding `data`, positioned at its start."""
    owned = OwnedFd(os.memfd_create(name, os.MFD_CLOEXEC))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(owned.fd, view) :]
        os.lseek(owned.fd, 0, os.SEEK_SET)
    except BaseException:
        owned.close()
        raise
    return owned


async def read_to_eof(source: OwnedFd, cap: int) -> tuple[bytes, bool]:
    """Read a non-blocking descriptor to EOF, keeping at most `cap` bytes.

    Returns (kept bytes, whether more arrived than was kept). The descriptor stays open
    and registered with the loop only while this coroutine runs, also when it is cancelled.
    """
    loop = asyncio.get_running_loop()
    fd = source.fd
    kept = bytearray()
    overflow = False
    finished: asyncio.Future[None] = loop.create_future()

    def on_readable() -> None:
        nonlocal overflow
        if finished.done():
            return
        try:
            chunk = os.read(fd, READ_CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as error:
            finished.set_exception(error)
            return
        if not chunk:
            finished.set_result(None)
            return
        room = cap - len(kept)
        if len(chunk) > room:
            overflow = True
            chunk = chunk[: max(room, 0)]
        kept.extend(chunk)

    loop.add_reader(fd, on_readable)
    try:
        await finished
    finally:
        loop.remove_reader(fd)
    return bytes(kept), overflow
