"""Privacy, continued: text derived from the student's words and code is encrypted too.

The tutor's structured answer (`interactions.payload`), the diagnosis and hints of a debug
session (they quote the code), and a submission's test results, feedback and quality findings
(they quote the code and its output) become encrypted bytea, as migration 0004 did for the
student's own text. The one value a query read inside them, the issued exercise's id, moves
to its own clear column `interactions.exercise_id`.

Existing rows become "legacy plaintext" fields (a 0x00 byte, then the UTF-8 text; JSON columns
their JSON text), which readers accept and the maintenance loop or
`python -m serve_app.privacy.rotate` encrypts. Retention may now blank a submission's results,
feedback and findings along with its code, so those columns become nullable.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# table -> {column: its type before this migration}
_ENCRYPTED = {
    "interactions": {"payload": "jsonb"},
    "debug_sessions": {"summary": "text", "hints": "jsonb"},
    "submissions": {"results": "jsonb", "feedback": "text", "quality_findings": "jsonb"},
}
# Columns retention blanks: on downgrade a NULL becomes this empty value again.
_NULLABLE_AFTER = {
    ("submissions", "results"): "'[]'::jsonb",
    ("submissions", "feedback"): "''",
    ("submissions", "quality_findings"): "'[]'::jsonb",
}


def upgrade() -> None:
    op.execute("ALTER TABLE interactions ADD COLUMN exercise_id text")
    op.execute(
        """
        UPDATE interactions SET exercise_id = payload->>'exercise_id'
        WHERE jsonb_typeof(payload->'exercise_id') = 'string'
        """
    )
    # A jsonb default cannot be cast to bytea; writers always give the value.
    op.execute("ALTER TABLE submissions ALTER COLUMN quality_findings DROP DEFAULT")
    for table, columns in _ENCRYPTED.items():
        changes = ", ".join(
            f"ALTER COLUMN {column} TYPE bytea "
            f"USING ('\\x00'::bytea || convert_to({column}::text, 'UTF8'))"
            for column in columns
        )
        op.execute(f"ALTER TABLE {table} {changes}")
    for table, column in _NULLABLE_AFTER:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} DROP NOT NULL")


def downgrade() -> None:
    bind = op.get_bind()
    for table, columns in _ENCRYPTED.items():
        encrypted = " OR ".join(f"get_byte({c}, 0) <> 0" for c in columns)
        count = bind.execute(
            sa.text(f"SELECT count(*) FROM {table} WHERE {encrypted}")  # noqa: S608
        ).scalar_one()
        if count:
            raise RuntimeError(
                f"{table} holds {count} rows with encrypted fields; a downgrade would need "
                "the keys. Export or erase them first."
            )
    for table, columns in _ENCRYPTED.items():
        changes = ", ".join(
            f"ALTER COLUMN {column} TYPE {kind} "
            f"USING convert_from(substring({column} from 2), 'UTF8')::{kind}"
            for column, kind in columns.items()
        )
        op.execute(f"ALTER TABLE {table} {changes}")
    for (table, column), empty in _NULLABLE_AFTER.items():
        op.execute(f"UPDATE {table} SET {column} = {empty} WHERE {column} IS NULL")  # noqa: S608
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL")
    op.execute("ALTER TABLE submissions ALTER COLUMN quality_findings SET DEFAULT '[]'::jsonb")
    op.execute("ALTER TABLE interactions DROP COLUMN exercise_id")
