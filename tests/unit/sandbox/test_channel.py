"""The report channel believes only frames carrying a valid MAC, in sequence."""

import marshal

from serve_app.domain.sandbox.channel import DEADLINE_SEQUENCE, mac, parse_report

KEY = bytes(range(32))


def frame(payload: dict[str, object], sequence: int, key: bytes = KEY) -> bytes:
    data = marshal.dumps(payload)
    return len(data).to_bytes(4, "big") + mac(key, sequence, data) + data


def test_valid_frames_in_sequence() -> None:
    data = frame({"k": "start"}, 0) + frame({"k": "done"}, 1)
    report = parse_report(data, KEY)
    assert report.trusted
    assert [f["k"] for f in report.frames] == ["start", "done"]


def test_wrong_key_is_untrusted() -> None:
    report = parse_report(frame({"k": "done"}, 0, key=bytes(32)), KEY)
    assert not report.trusted
    assert report.frames == []


def test_replayed_frame_is_untrusted() -> None:
    first = frame({"k": "result", "i": 0, "passed": True}, 0)
    report = parse_report(first + first, KEY)
    assert not report.trusted


def test_truncated_frame_is_untrusted() -> None:
    data = frame({"k": "start"}, 0) + frame({"k": "done"}, 1)[:-3]
    report = parse_report(data, KEY)
    assert not report.trusted
    assert len(report.frames) == 1


def test_deadline_frame_is_accepted_anywhere() -> None:
    data = frame({"k": "start"}, 0) + frame({"k": "deadline"}, DEADLINE_SEQUENCE)
    report = parse_report(data, KEY)
    assert report.trusted
    assert report.last("deadline") is not None


def test_overflow_is_untrusted() -> None:
    assert not parse_report(frame({"k": "done"}, 0), KEY, overflowed=True).trusted
