"""Time for desk: events are aware UTC datetimes; legal dates are calendar dates in Europe/Riga.

One process-wide clock, replaceable in tests (``set_clock(FixedClock(...))``) so that deadlines,
lockouts and the idle screen lock can be tested without waiting.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

RIGA = ZoneInfo("Europe/Riga")


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def today(self) -> date:
        return self.now().astimezone(RIGA).date()


class FixedClock(SystemClock):
    """A clock that stands still until told to move (``advance``)."""

    def __init__(self, at: datetime):
        if at.tzinfo is None:
            at = at.replace(tzinfo=RIGA)
        self._at = at.astimezone(timezone.utc)

    def now(self) -> datetime:
        return self._at

    def advance(self, **delta) -> None:
        self._at += timedelta(**delta)


_clock: SystemClock = SystemClock()


def clock() -> SystemClock:
    return _clock


def set_clock(new: SystemClock) -> SystemClock:
    """Replace the clock; returns the previous one so a test can put it back."""
    global _clock
    old, _clock = _clock, new
    return old


def now() -> datetime:
    return _clock.now()


def today() -> date:
    return _clock.today()


def riga(at: datetime) -> datetime:
    """An event time as shown to the officer."""
    return at.astimezone(RIGA)
