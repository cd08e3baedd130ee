"""Practice: exercise variants and issues, grading details, mastery components, concept
checks, and struggle alerts with one open alert per (student, kind, topic).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from alembic import op

revision = "0002"
down_revision = "0001"
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
        ALTER TABLE exercises ADD COLUMN variants jsonb NOT NULL DEFAULT '[]'::jsonb;

        CREATE TABLE issued_exercises (
            issue_id     uuid PRIMARY KEY,
            student_id   text        NOT NULL,
            exercise_id  text        NOT NULL REFERENCES exercises (exercise_id),
            variant      integer     NOT NULL DEFAULT 0 CHECK (variant >= 0),
            issued_at    timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX issued_exercises_student
            ON issued_exercises (student_id, exercise_id, issued_at DESC);

        ALTER TABLE submissions ADD COLUMN variant integer;
        ALTER TABLE submissions ADD COLUMN error_type text;
        ALTER TABLE submissions ADD COLUMN quality real CHECK (quality BETWEEN 0 AND 1);
        ALTER TABLE submissions ADD COLUMN quality_findings jsonb NOT NULL DEFAULT '[]'::jsonb;
        CREATE INDEX submissions_student_exercise
            ON submissions (student_id, exercise_id, created_at DESC);

        ALTER TABLE progress ADD COLUMN exercise_score real NOT NULL DEFAULT 0;
        ALTER TABLE progress ADD COLUMN check_score    real NOT NULL DEFAULT 0;
        ALTER TABLE progress ADD COLUMN quality_score  real NOT NULL DEFAULT 0;
        ALTER TABLE progress ADD COLUMN streak_score   real NOT NULL DEFAULT 0;

        CREATE TABLE concept_checks (
            check_id    uuid PRIMARY KEY,
            student_id  text        NOT NULL,
            concept_id  text        NOT NULL,
            topic       text        NOT NULL,
            correct     boolean     NOT NULL,
            created_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX concept_checks_student_topic
            ON concept_checks (student_id, topic, created_at DESC);
        CREATE INDEX concept_checks_student_concept ON concept_checks (student_id, concept_id);

        CREATE INDEX debug_sessions_student_type
            ON debug_sessions (student_id, error_type, created_at DESC);

        ALTER TABLE struggle_alerts ADD COLUMN kind text NOT NULL DEFAULT 'low_scores';
        DROP INDEX struggle_alerts_one_open;
        CREATE UNIQUE INDEX struggle_alerts_one_open_per_kind
            ON struggle_alerts (student_id, kind, topic) WHERE status = 'open'
        """
    )


def downgrade() -> None:
    _run(
        """
        DROP INDEX struggle_alerts_one_open_per_kind;
        DELETE FROM struggle_alerts a USING struggle_alerts b
            WHERE a.status = 'open' AND b.status = 'open' AND a.student_id = b.student_id
              AND a.topic = b.topic AND a.created_at > b.created_at;
        CREATE UNIQUE INDEX struggle_alerts_one_open
            ON struggle_alerts (student_id, topic) WHERE status = 'open';
        ALTER TABLE struggle_alerts DROP COLUMN kind;
        DROP INDEX debug_sessions_student_type;
        DROP TABLE concept_checks;
        ALTER TABLE progress DROP COLUMN streak_score;
        ALTER TABLE progress DROP COLUMN quality_score;
        ALTER TABLE progress DROP COLUMN check_score;
        ALTER TABLE progress DROP COLUMN exercise_score;
        DROP INDEX submissions_student_exercise;
        ALTER TABLE submissions DROP COLUMN quality_findings;
        ALTER TABLE submissions DROP COLUMN quality;
        ALTER TABLE submissions DROP COLUMN error_type;
        ALTER TABLE submissions DROP COLUMN variant;
        DROP TABLE issued_exercises;
        ALTER TABLE exercises DROP COLUMN variants
        """
    )
