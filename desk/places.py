"""Where desk keeps its stores by default: the user's data directory. A module of its own, light (no
SQLAlchemy), because the command line names the demo store before the first screen is drawn."""
from __future__ import annotations

from pathlib import Path


def default_path() -> Path:
    """The user's own store (``desk init``)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("desk", appauthor=False)) / "desk.db"


def demo_store_path() -> Path:
    """Where ``desk demo`` keeps its store, beside the user's own."""
    return default_path().with_name("demo.db")
