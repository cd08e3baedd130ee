"""Security: classes with their teachers and students, and shared quota counters.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-27
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _run(script: str) -> None:
    # asyncpg prepares each statement, so a script goes one statement at a time.
    for statement in script.split(";"):
        if statement.strip():
            op.execute(statement)


def upgrade() -> None:
    _run(
        """
        CREATE TABLE classes (
            class_id   text PRIMARY KEY,
            name       text        NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE class_teachers (
            class_id   text NOT NULL REFERENCES classes (class_id) ON DELETE CASCADE,
            teacher_id text NOT NULL,
            PRIMARY KEY (class_id, teacher_id)
        );
        CREATE INDEX class_teachers_teacher ON class_teachers (teacher_id);

        CREATE TABLE class_students (
            class_id   text NOT NULL REFERENCES classes (class_id) ON DELETE CASCADE,
            student_id text NOT NULL,
            PRIMARY KEY (class_id, student_id)
        );
        CREATE INDEX class_students_student ON class_students (student_id);

        -- One row per caller and kind, updated in place every request: leave room on each
        -- page so the updates stay HOT (no index churn).
        CREATE TABLE quota_counters (
            subject    text        NOT NULL,
            kind       text        NOT NULL,
            window_end timestamptz NOT NULL,
            hits       integer     NOT NULL,
            PRIMARY KEY (subject, kind)
        ) WITH (fillfactor = 70);
        """
    )


def downgrade() -> None:
    _run(
        """
        DROP TABLE quota_counters;
        DROP TABLE class_students;
        DROP TABLE class_teachers;
        DROP TABLE classes;
        """
    )
