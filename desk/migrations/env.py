"""Alembic environment: desk runs migrations programmatically (desk.store.migrate)."""
from alembic import context

import models

target_metadata = models.metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only programmatic use is supported
    raise RuntimeError("desk migrations run through desk.store.migrate(), which passes a connection")

context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
