"""Alembic environment: migrations run on a connection handed over by serve_app.store.migrate."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through serve_app.store.migrate.upgrade_to_head")

context.configure(connection=connection, target_metadata=None, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
