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
alpha-2, Latvia by default), official holidays only. The days the Cabinet moves for state institutions
(a bridged Monday off, a Saturday worked; Labour Law s. 133(4)) are data too, with their source:
``LV_MOVED_DAYS`` below. desk takes Latvia's moved days from that table, never from the package.

Two ways a last day moves (both roll to the next *working day*: a weekday that is no official holiday and
no moved day off, or a Saturday the Cabinet made a working day):

* EU counting (Reg. 2024/1351 Art. 75(d); Reg. 2024/1348 Art. 73(c)): "Tidsfristerna ska omfatta lördagar,
  söndagar och officiella helgdagar i den berörda medlemsstaten; om en frist löper ut på en lördag,
  söndag eller officiell helgdag ska nästa arbetsdag räknas som fristens sista dag." A last day on a
  Saturday (a worked one too: the text names the weekday), a Sunday or an official holiday moves; a
  moved day off moves only if ``EU_MOVED_DAY_OFF_MOVES`` (not an "official holiday" in the text; verify).
* APL counting (ss. 42-43): a last day on a day off (brīvdiena) or a public holiday moves. For PMLP, a
  state institution bound by the Cabinet's order, a moved day off is a day off and a worked Saturday a
  working day (``APL_FOLLOWS_MOVED_DAYS``; verify with a lawyer).
"""
from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import holidays
from dateutil.relativedelta import relativedelta
from holidays.registry import COUNTRIES as _HOLIDAY_COUNTRIES

from desk.rules.common import InvalidValue

DEFAULT_COUNTRY = "LV"


@dataclass(frozen=True)
class MovedDay:
    """A working day the Cabinet moved: ``day_off`` is not worked, ``worked_on`` (a Saturday) is."""

    day_off: date
    worked_on: date
    source: str  # the Cabinet order
    confirmed: bool  # True: the order's text or an official report of it was seen


# Cabinet orders "Par darba dienu pārcelšanu <year>. gadā" (Labour Law s. 133(4): for institutions financed
# from the state budget with a Monday-Friday week; PMLP is one). Confirmed = the order was reported in the
# press with these dates (delfi.lv 13.06.2023 for 2024; jauns.lv 17.01.2026 for 2026's January day);
# the others match the holidays package and official calendars but their order was not seen.
LV_MOVED_DAYS: tuple[MovedDay, ...] = (
    MovedDay(date(2024, 12, 23), date(2024, 12, 14), "MK rīkojums “Par darba dienu pārcelšanu 2024. gadā”", True),
    MovedDay(date(2024, 12, 30), date(2024, 12, 28), "MK rīkojums “Par darba dienu pārcelšanu 2024. gadā”", True),
    MovedDay(date(2025, 5, 2), date(2025, 5, 10), "MK rīkojums “Par darba dienu pārcelšanu 2025. gadā”", False),
    MovedDay(date(2025, 11, 17), date(2025, 11, 8), "MK rīkojums “Par darba dienu pārcelšanu 2025. gadā”", False),
    MovedDay(date(2026, 1, 2), date(2026, 1, 17), "MK rīkojums “Par darba dienu pārcelšanu 2026. gadā”", True),
    MovedDay(date(2026, 6, 22), date(2026, 6, 27), "MK rīkojums “Par darba dienu pārcelšanu 2026. gadā”", False),
)
LV_DAYS_OFF = frozenset(m.day_off for m in LV_MOVED_DAYS)
LV_WORKED_SATURDAYS = frozenset(m.worked_on for m in LV_MOVED_DAYS)

# How a moved day counts (verify both with a lawyer; desk's reading is in the module docstring):
APL_FOLLOWS_MOVED_DAYS = True  # APL: a moved day off is a day off, a worked Saturday a working day
EU_MOVED_DAY_OFF_MOVES = True  # AMMR 75(d) / APR 73(c): a last day on a moved day off moves as well
MOVED_DAYS_VERIFIED = False

_LV_MOVED_NAME = "Day off"  # how the holidays package (en_US) names its own copy of Latvia's moved days


@lru_cache(maxsize=64)
def _calendar(country: str) -> holidays.HolidayBase:
    try:
        entity = _country_entity(country)
        if entity is not None:
            return entity(language="en_US")  # what country_holidays(country, language="en_US") makes
        return holidays.country_holidays(country, language="en_US")
    except (NotImplementedError, KeyError, AttributeError):
        raise InvalidValue("rules.unknown_country", country=country) from None


def _country_entity(code: str):
    """The holidays package's class for one country, loading that country's module alone.

    The package's own loader imports ``holidays.countries``, whose ``__init__`` imports every one of
    its 250 countries (50-90 ms of every ``desk report``, for Latvia's calendar). The module of one
    country needs only the package's base modules, so it is loaded from its file under its own name;
    ``holidays.countries`` imported later finds it already loaded. None (the package's own loader is
    used) when the registry does not name the country or the module is not where the package keeps it."""
    for module, (class_name, *codes) in _HOLIDAY_COUNTRIES.items():
        if code in codes:
            break
    else:
        return None
    name = f"holidays.countries.{module}"
    loaded = sys.modules.get(name)
    if loaded is None:
        path = Path(holidays.__file__).parent / "countries" / f"{module}.py"
        spec = importlib.util.spec_from_file_location(name, path) if path.is_file() else None
        if spec is None or spec.loader is None:
            return None
        loaded = importlib.util.module_from_spec(spec)
        sys.modules[name] = loaded
        try:
            spec.loader.exec_module(loaded)
        except BaseException:
            del sys.modules[name]
            raise
    return getattr(loaded, class_name, None)


def holiday_calendar(country: str = DEFAULT_COUNTRY) -> holidays.HolidayBase:
    """The public holiday calendar of ``country`` (cached; years are filled in lazily)."""
    return _calendar((country or DEFAULT_COUNTRY).upper())


def is_official_holiday(d: date, country: str = DEFAULT_COUNTRY) -> bool:
    """A public holiday by law in ``country``; for Latvia not a day the Cabinet moved (``LV_MOVED_DAYS``)."""
    country = (country or DEFAULT_COUNTRY).upper()
    names = holiday_calendar(country).get_list(d)
    if country == DEFAULT_COUNTRY:
        names = [n for n in names if not n.startswith(_LV_MOVED_NAME)]
    return bool(names)


def is_working_day(d: date, country: str = DEFAULT_COUNTRY) -> bool:
    """A day the authorities of ``country`` work: a weekday that is no official holiday; in Latvia also not
    a moved day off, and a Saturday the Cabinet made a working day is one."""
    country = (country or DEFAULT_COUNTRY).upper()
    if country == DEFAULT_COUNTRY and APL_FOLLOWS_MOVED_DAYS:
        if d in LV_DAYS_OFF:
            return False
        if d in LV_WORKED_SATURDAYS:
            return True
    if d.weekday() >= 5:
        return False
    if country != DEFAULT_COUNTRY:
        return bool(holiday_calendar(country).is_working_day(d))
    return not is_official_holiday(d, country)


def next_working_day(d: date, country: str = DEFAULT_COUNTRY) -> date:
    """``d`` itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(d, country):
        d += timedelta(days=1)
    return d


def eu_last_day(d: date, country: str = DEFAULT_COUNTRY) -> date:
    """Reg. 2024/1351 Art. 75(d), Reg. 2024/1348 Art. 73(c): a period ending on a Saturday, Sunday or
    official holiday of the Member State concerned ends on its next working day."""
    moves = d.weekday() >= 5 or is_official_holiday(d, country)
    if not moves and EU_MOVED_DAY_OFF_MOVES and (country or DEFAULT_COUNTRY).upper() == DEFAULT_COUNTRY:
        moves = d in LV_DAYS_OFF
    if not moves:
        return d
    d += timedelta(days=1)
    return next_working_day(d, country)


def add_period(
    start: date,
    *,
    days: int = 0,
    weeks: int = 0,
    months: int = 0,
    roll_forward: bool = False,
    eu: bool = False,
    country: str = DEFAULT_COUNTRY,
) -> date:
    """The last day of a period that starts with the event on ``start``.

    The event day is not counted, so ``add_period(d, days=1)`` is the day after ``d``; weeks end on the
    same weekday and months on the same date, clipped to the end of a short month (31 Jan + 1 month =
    28/29 Feb). Months are added first, then weeks and days. With ``roll_forward`` a last day that is
    not a working day in ``country`` moves to the next working day (Reg. 1182/71 Art. 3(4); APL s. 43);
    with ``eu`` as well, the EU regulations' own rule decides (``eu_last_day``: AMMR Art. 75(d), APR
    Art. 73(c)).
    """
    if not isinstance(start, date):
        raise InvalidValue("rules.invalid_date", value=str(start))
    if days < 0 or weeks < 0 or months < 0:
        raise InvalidValue("rules.negative_period", days=days, weeks=weeks, months=months)
    end = start + relativedelta(months=months, weeks=weeks, days=days)
    if roll_forward:
        end = eu_last_day(end, country) if eu else next_working_day(end, country)
    return end


def eu_period(start: date, *, days: int = 0, weeks: int = 0, months: int = 0,
              country: str = DEFAULT_COUNTRY) -> date:
    """A period of Reg. 2024/1351 (Art. 75) or Reg. 2024/1348 (Art. 73), ``country`` being the Member
    State concerned (the one that must act)."""
    return add_period(start, days=days, weeks=weeks, months=months, roll_forward=True, eu=True, country=country)


def apl_period(start: date, *, days: int = 0, weeks: int = 0, months: int = 0) -> date:
    """A Latvian administrative period (Administrative Procedure Law ss. 42-43): the day of the event
    is not counted; a last day on a Saturday, Sunday or Latvian public holiday moves to the next
    working day."""
    return add_period(start, days=days, weeks=weeks, months=months, roll_forward=True, country="LV")
