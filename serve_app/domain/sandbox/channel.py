"""The authenticated report channel between the harness and the parent.

The harness writes frames `length (4 bytes) | MAC (16 bytes) | marshal payload` on a
dedicated pipe, where MAC = BLAKE2b keyed with a per-run random key over the frame's
sequence number and payload. The key reaches the child only through the control descriptor,
before any student code exists, and never travels on the pipe, so student code that writes
to, reads from or redirects the pipe cannot produce a frame of its own. Frames must arrive
in sequence; the one exception is the watchdog's "deadline" frame, which carries a reserved
sequence number and can only ever make a run a timeout. Anything else that does not verify
makes the whole report untrusted.
"""

import hashlib
import hmac
import marshal
from dataclasses import dataclass, field
from typing import Any

KEY_BYTES = 32
MAC_BYTES = 16
DEADLINE_SEQUENCE = (1 << 64) - 1
MAX_REPORT_BYTES = 4 * 1024 * 1024
_LENGTH_BYTES = 4
_HEADER = _LENGTH_BYTES + MAC_BYTES


@dataclass
class Report:
    """What the harness said, in order; `trusted` is False if anything did not verify."""

    frames: list[dict[str, Any]] = field(default_factory=list)
    trusted: bool = True

    def last(self, kind: str) -> dict[str, Any] | None:
        matching = self.all(kind)
        return matching[-1] if matching else None

    def all(self, kind: str) -> list[dict[str, Any]]:
        return [frame for frame in self.frames if frame.get("k") == kind]


def mac(key: bytes, sequence: int, data: bytes) -> bytes:
    digest = hashlib.blake2b(sequence.to_bytes(8, "big") + data, key=key, digest_size=MAC_BYTES)
    return digest.digest()


def parse_report(data: bytes, key: bytes, *, overflowed: bool = False) -> Report:
    report = Report(trusted=not overflowed)
    position = 0
    sequence = 0
    while position < len(data):
        if len(data) - position < _HEADER:
            report.trusted = False
            break
        length = int.from_bytes(data[position : position + _LENGTH_BYTES], "big")
        tag = data[position + _LENGTH_BYTES : position + _HEADER]
        payload = data[position + _HEADER : position + _HEADER + length]
        if len(payload) != length:
            report.trusted = False
            break
        if hmac.compare_digest(tag, mac(key, sequence, payload)):
            sequence += 1
        elif not hmac.compare_digest(tag, mac(key, DEADLINE_SEQUENCE, payload)):
            report.trusted = False
            break
        # Verified above: only the harness, which holds the key, produced these bytes.
        decoded = marshal.loads(payload)  # noqa: S302
        if not isinstance(decoded, dict):
            report.trusted = False
            break
        report.frames.append(decoded)
        position += _HEADER + length
    return report
