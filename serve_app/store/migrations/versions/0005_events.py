"""Outbox notifications: every insert into `events` wakes the relay and the SSE feed at
commit (LISTEN learnflow_events), so neither has to poll fast to keep lag low.

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Statement-level: one notification per INSERT statement, and PostgreSQL folds equal
    # notifications of one transaction into one, so a busy outbox does not flood listeners.
    op.execute(
        """
        CREATE FUNCTION learnflow_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('learnflow_events', '');
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER events_notify AFTER INSERT ON events
        FOR EACH STATEMENT EXECUTE FUNCTION learnflow_notify_events()
        """
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER events_notify ON events")
    op.execute("DROP FUNCTION learnflow_notify_events()")
