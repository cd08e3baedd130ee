"""Which columns hold student free text, and the process's field cipher that seals them.

Repositories call `seal`/`unseal` at the SQL boundary, so the rest of the code sees plain
strings. The cipher is installed once per process at start (the Triage ingress, the rotate
command, the test fixtures), like the settings it comes from.
"""

import json
from dataclasses import dataclass
from typing import Any

from serve_app.privacy.field_cipher import FieldCipher, associated_data


@dataclass(frozen=True)
class EncryptedTable:
    name: str
    row_key: str
    columns: tuple[str, ...]
    # Of `columns`, those holding a JSON document (sealed as its JSON text).
    json_columns: tuple[str, ...] = ()
    student_column: str = "student_id"


# Every column a student typed into, or that is derived from what they typed: the tutor's
# replies and structured answers, diagnoses and hints (they quote the code), the corrected
# code, test results and feedback (they quote the code and its output). Ids, enums, scores
# and times stay in clear: queries filter and aggregate on them.
ENCRYPTED_TABLES: tuple[EncryptedTable, ...] = (
    EncryptedTable(
        "interactions",
        "interaction_id",
        ("text", "code", "message", "payload"),
        json_columns=("payload",),
    ),
    EncryptedTable(
        "debug_sessions",
        "debug_id",
        ("code", "error_text", "message", "summary", "hints", "solution"),
        json_columns=("hints",),
    ),
    EncryptedTable(
        "submissions",
        "submission_id",
        ("code", "results", "feedback", "quality_findings"),
        json_columns=("results", "quality_findings"),
    ),
)
ENCRYPTED_BY_NAME = {table.name: table for table in ENCRYPTED_TABLES}

_installed: FieldCipher | None = None


def install_field_cipher(cipher: FieldCipher) -> None:
    global _installed
    _installed = cipher


def field_cipher() -> FieldCipher:
    """The installed cipher; a process that installed none (a script, a benchmark) loads
    the ring from its settings on first use, with the same rules as the ingress."""
    if _installed is None:
        from serve_app.privacy.bootstrap import install_cipher_from_settings
        from serve_app.settings import get_settings

        return install_cipher_from_settings(get_settings())
    return _installed


def seal(table: str, column: str, row_id: str, student_id: str, value: str | None) -> bytes | None:
    if value is None:
        return None
    return field_cipher().encrypt(value, aad=associated_data(table, column, row_id, student_id))


def unseal(
    table: str, column: str, row_id: str, student_id: str, stored: bytes | None
) -> str | None:
    if stored is None:
        return None
    return field_cipher().decrypt(stored, aad=associated_data(table, column, row_id, student_id))


def seal_json(table: str, column: str, row_id: str, student_id: str, value: Any) -> bytes | None:
    """`seal` for a JSON column: the document's JSON text, encrypted."""
    if value is None:
        return None
    return seal(table, column, row_id, student_id, json.dumps(value))


def unseal_row(table: str, row: Any, student_id: str | None = None) -> dict[str, Any]:
    """A record of `table` as a dict with its encrypted columns decrypted (JSON columns
    parsed back). The row must carry its key column (and student_id, unless given)."""
    spec = ENCRYPTED_BY_NAME[table]
    out = dict(row)
    student = student_id if student_id is not None else out[spec.student_column]
    row_id = str(out[spec.row_key])
    for column in spec.columns:
        if column in out:
            text = unseal(table, column, row_id, student, out[column])
            if text is not None and column in spec.json_columns:
                out[column] = json.loads(text)
            else:
                out[column] = text
    return out
