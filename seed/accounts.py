"""The demo store's officers, in a module of their own: the login screen lists them before the store and the
services are loaded (importing ``seed.demo`` pulls in the models and the rules; issue 17, cold start)."""
from __future__ import annotations

from pathlib import Path

# (username, password, role, full name): printed on the login screen of the demo and in README.
DEMO_OFFICERS: list[tuple[str, str, str, str]] = [
    ("recepcija", "demo-reception-1", "reception", "Līga Bērziņa"),
    ("uzturesanas", "demo-residence-1", "residence", "Jānis Kalniņš"),
    ("patverums", "demo-asylum-1", "asylum", "Anna Ozola"),
    ("patverums2", "demo-asylum-2", "asylum", "Pēteris Liepiņš"),
    ("atgriesana", "demo-return-1", "return", "Māris Vītols"),
    ("vaditaja", "demo-supervisor-1", "supervisor", "Ilze Krūmiņa"),
    ("admin", "demo-admin-1", "administrator", "Edgars Zariņš"),
]
DEMO_OFFICE = "RIG-CEN"


def demo_path() -> Path:
    """Where ``desk demo`` keeps its store: the user's data directory (desk.places)."""
    from desk.places import demo_store_path

    return demo_store_path()
