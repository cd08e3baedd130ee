"""Initial schema: students' interactions, debug sessions, exercises, submissions,
progress, struggle alerts and the transactional outbox of events.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# One open alert per student and topic (partial unique index): repeated failures
# update the open alert instead of piling up duplicates.


def _run(script: str) -> None:
    # asyncpg prepares each statement, so a script goes one statement at a time.
    for statement in script.split(";"):
        if statement.strip():
            op.execute(statement)


def upgrade() -> None:
    _run(
        """
        CREATE TABLE interactions (
            interaction_id uuid PRIMARY KEY,
            student_id     text        NOT NULL,
            route          text        NOT NULL,
            confidence     real        NOT NULL,
            text           text        NOT NULL,
            code           text,
            message        text        NOT NULL,
            payload        jsonb       NOT NULL,
            created_at     timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX interactions_student_recent ON interactions (student_id, created_at DESC);

        CREATE TABLE debug_sessions (
            debug_id    uuid PRIMARY KEY,
            student_id  text        NOT NULL,
            code        text        NOT NULL,
            error_text  text,
            error_type  text        NOT NULL,
            line        integer,
            col         integer,
            message     text        NOT NULL,
            summary     text        NOT NULL,
            topic       text        NOT NULL,
            hints       jsonb       NOT NULL,
            solution    text,
            hint_level  integer     NOT NULL DEFAULT 1,
            created_at  timestamptz NOT NULL DEFAULT now(),
            updated_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX debug_sessions_student ON debug_sessions (student_id, created_at DESC);

        CREATE TABLE exercises (
            exercise_id  text PRIMARY KEY,
            source       text        NOT NULL CHECK (source IN ('bank', 'teacher', 'generated')),
            title        text        NOT NULL,
            prompt       text        NOT NULL,
            topic        text        NOT NULL,
            difficulty   text        NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
            starter_code text        NOT NULL,
            examples     jsonb       NOT NULL,
            tests        jsonb       NOT NULL,
            solution     text,
            created_at   timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX exercises_topic ON exercises (topic, difficulty);

        CREATE TABLE submissions (
            submission_id uuid PRIMARY KEY,
            exercise_id   text        NOT NULL REFERENCES exercises (exercise_id),
            student_id    text        NOT NULL,
            code          text        NOT NULL,
            status        text        NOT NULL,
            passed        integer     NOT NULL,
            total         integer     NOT NULL,
            score         real        NOT NULL,
            results       jsonb       NOT NULL,
            feedback      text        NOT NULL,
            created_at    timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX submissions_student_recent ON submissions (student_id, created_at DESC);

        CREATE TABLE progress (
            student_id  text        NOT NULL,
            topic       text        NOT NULL,
            mastery     real        NOT NULL CHECK (mastery BETWEEN 0 AND 100),
            attempts    integer     NOT NULL DEFAULT 0,
            successes   integer     NOT NULL DEFAULT 0,
            updated_at  timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (student_id, topic)
        );

        CREATE TABLE struggle_alerts (
            alert_id    uuid PRIMARY KEY,
            student_id  text        NOT NULL,
            topic       text        NOT NULL,
            reason      text        NOT NULL,
            severity    text        NOT NULL,
            status      text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
            created_at  timestamptz NOT NULL DEFAULT now(),
            resolved_at timestamptz
        );
                CREATE UNIQUE INDEX struggle_alerts_one_open
            ON struggle_alerts (student_id, topic) WHERE status = 'open';

        CREATE TABLE events (
            seq          bigserial   UNIQUE NOT NULL,
            event_id     uuid PRIMARY KEY,
            type         text        NOT NULL,
            source       text        NOT NULL,
            subject      text        NOT NULL,
            kafka_topic  text        NOT NULL,
            time         timestamptz NOT NULL,
            envelope     jsonb       NOT NULL,
            published_at timestamptz
        );
        CREATE INDEX events_unpublished ON events (seq) WHERE published_at IS NULL;
        CREATE INDEX events_subject ON events (subject, seq);
        CREATE INDEX events_type ON events (type, seq);
        """
    )


def downgrade() -> None:
    _run(
        """
        DROP TABLE events;
        DROP TABLE struggle_alerts;
        DROP TABLE progress;
        DROP TABLE submissions;
        DROP TABLE exercises;
        DROP TABLE debug_sessions;
        DROP TABLE interactions;
        """
    )
