"""Privacy: student free text becomes encrypted bytea; a students table records under-13
accounts and parental consent.

Existing rows are kept as "legacy plaintext" fields (a 0x00 byte then the UTF-8 text): the
migration has no keys, and a migration must not fail for lack of them. Readers accept that
format, and `python -m serve_app.privacy.rotate` (also run by the ingress's maintenance
loop) encrypts every such row under the active key.

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_ENCRYPTED = {
    "interactions": ("text", "code", "message"),
    "debug_sessions": ("code", "error_text", "message", "solution"),
    "submissions": ("code",),
}


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE students (
            student_id          text PRIMARY KEY,
            under_13            boolean     NOT NULL DEFAULT false,
            parental_consent_at timestamptz,
            created_at          timestamptz NOT NULL DEFAULT now(),
            updated_at          timestamptz NOT NULL DEFAULT now()
        )
        """
    )
    for table, columns in _ENCRYPTED.items():
        changes = ", ".join(
            f"ALTER COLUMN {column} TYPE bytea "
            f"USING ('\\x00'::bytea || convert_to({column}, 'UTF8'))"
            for column in columns
        )
        op.execute(f"ALTER TABLE {table} {changes}")
    # Retention blanks old submission code but keeps the grade that mastery is built from.
    op.execute("ALTER TABLE submissions ALTER COLUMN code DROP NOT NULL")
    # The rotate command and the retention purge scan by age.
    op.execute("CREATE INDEX debug_sessions_created ON debug_sessions (created_at)")
    op.execute("CREATE INDEX interactions_created ON interactions (created_at)")


def downgrade() -> None:
    bind = op.get_bind()
    for table, columns in _ENCRYPTED.items():
        encrypted = " OR ".join(f"get_byte({c}, 0) <> 0" for c in columns)
        count = bind.execute(
            sa.text(f"SELECT count(*) FROM {table} WHERE {encrypted}")  # noqa: S608
        ).scalar_one()
        if count:
            raise RuntimeError(
                f"{table} holds {count} encrypted rows; a downgrade would need the keys. "
                "Export or erase them first."
            )
    op.execute("DROP INDEX interactions_created")
    op.execute("DROP INDEX debug_sessions_created")
    op.execute("UPDATE submissions SET code = '\\x00'::bytea WHERE code IS NULL")
    op.execute("ALTER TABLE submissions ALTER COLUMN code SET NOT NULL")
    for table, columns in _ENCRYPTED.items():
        changes = ", ".join(
            f"ALTER COLUMN {column} TYPE text "
            f"USING convert_from(substring({column} from 2), 'UTF8')"
            for column in columns
        )
        op.execute(f"ALTER TABLE {table} {changes}")
    op.execute("DROP TABLE students")
