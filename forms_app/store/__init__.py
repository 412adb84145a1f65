"""The store: `db` (session per request), `audit.record`, and the migration commands."""

from forms_app.store.db import Store, current_store, db, init_store

__all__ = ["Store", "current_store", "db", "init_store"]
