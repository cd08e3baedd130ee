"""Sealing fields at the repository boundary: text and JSON columns, legacy plaintext rows."""

import json

import pytest

from serve_app.privacy import fields
from serve_app.privacy.field_cipher import FieldCipher, FieldDecryptionError
from serve_app.privacy.fields import ENCRYPTED_TABLES, seal, seal_json, unseal_row
from serve_app.privacy.keyring import KeyRing, generate_key_spec

STUDENT = "alice"
ROW = "00000000-0000-0000-0000-000000000001"


@pytest.fixture(autouse=True)
def cipher(monkeypatch: pytest.MonkeyPatch) -> FieldCipher:
    installed = FieldCipher(KeyRing.parse(generate_key_spec("unit")))
    monkeypatch.setattr(fields, "_installed", installed)
    return installed


def test_every_json_column_is_an_encrypted_column() -> None:
    for table in ENCRYPTED_TABLES:
        assert set(table.json_columns) <= set(table.columns), table.name
        assert len(set(table.columns)) == len(table.columns), table.name


def test_derived_text_is_encrypted_too() -> None:
    """The columns that quote the student's code or output, not only what they typed."""
    by_name = {table.name: set(table.columns) for table in ENCRYPTED_TABLES}
    assert {"text", "code", "message", "payload"} <= by_name["interactions"]
    assert {"summary", "hints", "solution", "message"} <= by_name["debug_sessions"]
    assert {"code", "results", "feedback", "quality_findings"} <= by_name["submissions"]


def test_json_columns_round_trip_as_documents() -> None:
    results = [{"name": "t1", "passed": False, "message": "got 'secret_marker'"}]
    row = {
        "submission_id": ROW,
        "student_id": STUDENT,
        "code": seal("submissions", "code", ROW, STUDENT, "x = 'secret_marker'"),
        "results": seal_json("submissions", "results", ROW, STUDENT, results),
        "feedback": seal("submissions", "feedback", ROW, STUDENT, "fix 'secret_marker'"),
        "quality_findings": seal_json("submissions", "quality_findings", ROW, STUDENT, []),
        "score": 0.5,
    }
    for column in ("code", "results", "feedback", "quality_findings"):
        assert isinstance(row[column], bytes)
        assert b"secret_marker" not in row[column]
    out = unseal_row("submissions", row)
    assert out["results"] == results
    assert out["quality_findings"] == []
    assert out["code"] == "x = 'secret_marker'"
    assert out["feedback"] == "fix 'secret_marker'"
    assert out["score"] == 0.5


def test_none_stays_none_and_legacy_json_reads() -> None:
    legacy_hints = b"\x00" + json.dumps(["h1", "h2", "h3"]).encode()
    row = {
        "debug_id": ROW,
        "hints": legacy_hints,
        "solution": seal_json("debug_sessions", "solution", ROW, STUDENT, None),
    }
    out = unseal_row("debug_sessions", row, STUDENT)
    assert out["hints"] == ["h1", "h2", "h3"]
    assert out["solution"] is None


def test_a_json_field_moved_to_another_column_does_not_decrypt() -> None:
    sealed = seal_json("interactions", "payload", ROW, STUDENT, {"a": 1})
    row = {"interaction_id": ROW, "student_id": STUDENT, "message": sealed}
    with pytest.raises(FieldDecryptionError):
        unseal_row("interactions", row)
