"""A crash never prints personal data: the officer sees one sentence with an incident id; the details go
to a private log (0600, in the user's log directory) that holds where it happened but no values.

What is written for an incident: its id, the UTC time, the exception's type (and the types of its
causes) and the stack as file:line function source-line. What is never written: the exception's message
(it may quote a name, e.g. Rich's MarkupError quotes the markup), local variables, arguments.
"""
from __future__ import annotations

import os
import secrets
import traceback
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desk.private import open_private, private_dir


@dataclass(frozen=True)
class Incident:
    id: str
    path: Path


def log_dir() -> Path:
    env = os.environ.get("DESK_LOG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_log_dir

    return Path(user_log_dir("desk", appauthor=False))


def _describe(exc: BaseException) -> list[str]:
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        lines.append(f"  {kind.__module__}.{kind.__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"    {frame.filename}:{frame.lineno} {frame.name}: {(frame.line or '').strip()}")
        current = current.__cause__ or current.__context__
    return lines


def record(exc: BaseException) -> Incident:
    """Write ``exc`` to the incident log (no values) and return its id; never raises."""
    incident_id = secrets.token_hex(4).upper()
    folder = log_dir()
    path = folder / "incidents.log"
    try:
        private_dir(folder)
        with open_private(path, "a") as f:
            f.write(f"incident {incident_id} at {datetime.now(timezone.utc).isoformat(timespec='seconds')}\n")
            f.write("\n".join(_describe(exc)) + "\n")
    except OSError:
        pass  # the sentence on screen still names the incident; nothing else can be done
    return Incident(incident_id, path)


def sentence(incident: Incident) -> str:
    from desk.i18n import t

    return t("error.incident", id=incident.id, path=str(incident.path))
