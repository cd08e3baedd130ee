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


class PipeReader:
    """Collects a non-blocking pipe, keeping at most `cap` bytes and never losing them.

    `until_eof()` reads as the loop reports data; `finish()` then takes whatever is already
    in the pipe without waiting. A starved event loop can make the caller stop waiting
    before the loop got round to reading, but the bytes a dead child left in the pipe are
    still collected by `finish()`: a late read is slow, never a lost result.
    """

    # Bounds finish(): a writer that is still alive cannot keep it reading forever.
    FINISH_READS = 64

    def __init__(self, source: OwnedFd, cap: int) -> None:
        self._source = source
        self._cap = cap
        self._kept = bytearray()
        self.overflow = False
        self.eof = False
        self.failed = False
        self.spoke = asyncio.Event()  # set once anything (data or EOF) has arrived

    def _read_once(self) -> bool:
        """One read; False when nothing more can be read now."""
        if self.eof or self.failed:
            return False
        try:
            chunk = os.read(self._source.fd, READ_CHUNK)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            self.failed = True
            return False
        if not chunk:
            self.eof = True
            return False
        room = self._cap - len(self._kept)
        if len(chunk) > room:
            self.overflow = True
            chunk = chunk[: max(room, 0)]
        self._kept.extend(chunk)
        return True

    async def until_eof(self) -> None:
        """Read as data arrives until EOF. The descriptor is registered with the loop only
        while this coroutine runs, also when it is cancelled; it is never closed here."""
        loop = asyncio.get_running_loop()
        finished: asyncio.Future[None] = loop.create_future()

        def on_readable() -> None:
            if finished.done():
                return
            self._read_once()
            if self._kept or self.eof or self.failed:
                self.spoke.set()
            if self.failed:
                finished.set_exception(OSError("reading the pipe failed"))
            elif self.eof:
                finished.set_result(None)

        loop.add_reader(self._source.fd, on_readable)
        try:
            await finished
        finally:
            loop.remove_reader(self._source.fd)

    def finish(self) -> tuple[bytes, bool]:
        """(kept bytes, complete): reads what is already in the pipe, without waiting.

        Complete means EOF was reached, nothing failed and nothing was cut off.
        """
        for _ in range(self.FINISH_READS):
            if not self._read_once():
                break
        return bytes(self._kept), self.eof and not self.failed and not self.overflow


async def read_to_eof(source: OwnedFd, cap: int) -> tuple[bytes, bool]:
    """Read a non-blocking descriptor to EOF, keeping at most `cap` bytes.

    Returns (kept bytes, whether more arrived than was kept). The descriptor stays open
    and registered with the loop only while this coroutine runs, also when it is cancelled.
    """
    reader = PipeReader(source, cap)
    await reader.until_eof()
    kept, _ = reader.finish()
    return kept, reader.overflow
