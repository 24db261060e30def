"""Legal periods in days, weeks and months.

Counting (the same in Reg. 604/2013 Art. 42, Reg. 1182/71 Art. 3 and the Latvian Administrative
Procedure Law (APL) ss. 42-43):

* the day of the event is not counted (Art. 42(a); 1182/71 Art. 3(1) second subpara.; APL s. 42);
* a period in weeks or months ends on the same weekday / the same date as the event day; if that date
  does not exist in the last month, on the last day of that month (Art. 42(b));
* Dublin III includes Saturdays, Sundays and holidays and never moves the last day (Art. 42(c));
  Reg. 1182/71 Art. 3(4) and APL s. 43 move a last day that falls on a Saturday, Sunday or public
  holiday to the next working day: that is ``roll_forward=True``.

Public holidays are data, not code: the ``holidays`` package's calendar of the given country (ISO 3166
alpha-2, Latvia by default). Its ``is_working_day`` also knows Latvia's transferred days off and working
Saturdays (e.g. Monday 22 June 2026 off, Saturday 27 June 2026 worked).
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta

from desk.rules.common import InvalidValue

DEFAULT_COUNTRY = "LV"


@lru_cache(maxsize=64)
def _calendar(country: str) -> holidays.HolidayBase:
    try:
        return holidays.country_holidays(country)
    except (NotImplementedError, KeyError, AttributeError):
        raise InvalidValue("rules.unknown_country", country=country) from None


def holiday_calendar(country: str = DEFAULT_COUNTRY) -> holidays.HolidayBase:
    """The public holiday calendar of ``country`` (cached; years are filled in lazily)."""
    return _calendar((country or DEFAULT_COUNTRY).upper())


def is_working_day(d: date, country: str = DEFAULT_COUNTRY) -> bool:
    """True unless ``d`` is a weekend day or a public holiday (or transferred day off) in ``country``."""
    return bool(holiday_calendar(country).is_working_day(d))


def next_working_day(d: date, country: str = DEFAULT_COUNTRY) -> date:
    """``d`` itself if it is a working day, otherwise the first working day after it."""
    cal = holiday_calendar(country)
    while not cal.is_working_day(d):
        d += timedelta(days=1)
    return d


def add_period(
    start: date,
    *,
    days: int = 0,
    weeks: int = 0,
    months: int = 0,
    roll_forward: bool = False,
    country: str = DEFAULT_COUNTRY,
) -> date:
    """The last day of a period that starts with the event on ``start``.

    The event day is not counted, so ``add_period(d, days=1)`` is the day after ``d``; weeks end on the
    same weekday and months on the same date, clipped to the end of a short month (31 Jan + 1 month =
    28/29 Feb). Months are added first, then weeks and days. With ``roll_forward`` a last day that is
    not a working day in ``country`` moves to the next working day (Reg. 1182/71 Art. 3(4); APL s. 43).
    """
    if not isinstance(start, date):
        raise InvalidValue("rules.invalid_date", value=str(start))
    if days < 0 or weeks < 0 or months < 0:
        raise InvalidValue("rules.negative_period", days=days, weeks=weeks, months=months)
    end = start + relativedelta(months=months, weeks=weeks, days=days)
    if roll_forward:
        end = next_working_day(end, country)
    return end


def apl_period(start: date, *, days: int = 0, weeks: int = 0, months: int = 0) -> date:
    """A Latvian administrative period (Administrative Procedure Law ss. 42-43): the day of the event
    is not counted; a last day on a Saturday, Sunday or Latvian public holiday moves to the next
    working day."""
    return add_period(start, days=days, weeks=weeks, months=months, roll_forward=True, country="LV")
