"""Legal periods: Reg. 604/2013 Art. 42, Reg. 1182/71 Art. 3, APL ss. 42-43. One row per case."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.rules.calendar import add_period, apl_period, is_working_day, next_working_day
from desk.rules.common import InvalidValue

D = date
P = pytest.param

PLAIN = [
    P(D(2026, 3, 10), dict(days=1), D(2026, 3, 11), id="Art42(a) day of event not counted: 1 day"),
    P(D(2026, 1, 25), dict(days=10), D(2026, 2, 4), id="Art42(a) 10 days across a month end"),
    P(D(2026, 3, 11), dict(weeks=1), D(2026, 3, 18), id="Art42(b) 1 week ends on the same weekday"),
    P(D(2025, 12, 24), dict(weeks=2), D(2026, 1, 7), id="Art42(b) 2 weeks across the year end"),
    P(D(2026, 1, 15), dict(months=3), D(2026, 4, 15), id="Art42(b) 3 months end on the same date"),
    P(D(2024, 1, 31), dict(months=1), D(2024, 2, 29), id="Art42(b) 31 Jan + 1 month = 29 Feb (leap 2024)"),
    P(D(2025, 1, 31), dict(months=1), D(2025, 2, 28), id="Art42(b) 31 Jan + 1 month = 28 Feb (2025)"),
    P(D(2024, 2, 29), dict(months=12), D(2025, 2, 28), id="Art42(b) 29 Feb 2024 + 12 months = 28 Feb 2025"),
    P(D(2025, 8, 31), dict(months=6), D(2026, 2, 28), id="Art42(b) 31 Aug + 6 months clipped to 28 Feb"),
    P(D(2027, 11, 30), dict(months=3), D(2028, 2, 29), id="Art42(b) 30 Nov 2027 + 3 months = 29 Feb 2028"),
    P(D(2026, 5, 31), dict(months=1), D(2026, 6, 30), id="Art42(b) 31 May + 1 month = 30 Jun"),
    P(D(2026, 1, 5), dict(days=5), D(2026, 1, 10), id="Art42(c) Saturday last day is not moved"),
    P(D(2026, 10, 18), dict(months=1), D(2026, 11, 18), id="Art42(c) 18 Nov holiday last day is not moved"),
    P(D(2026, 1, 31), dict(months=1, weeks=1), D(2026, 3, 7), id="Art42(b) months first, then weeks"),
]


@pytest.mark.parametrize("start, period, expected", PLAIN)
def test_plain_periods(start, period, expected):
    assert add_period(start, **period) == expected


ROLLED = [
    P(D(2026, 1, 5), dict(days=5), "LV", D(2026, 1, 12), id="1182/71 Art3(4) Saturday moves to Monday"),
    P(D(2026, 1, 4), dict(weeks=1), "LV", D(2026, 1, 12), id="1182/71 Art3(4) Sunday moves to Monday"),
    P(D(2026, 10, 18), dict(months=1), "LV", D(2026, 11, 19), id="APL s43 18 Nov 2026 (Wed) moves to 19 Nov"),
    P(D(2028, 10, 18), dict(months=1), "LV", D(2028, 11, 21),
      id="APL s43 18 Nov 2028 (Sat) moved holiday Mon 20 Nov -> Tue 21 Nov"),
    P(D(2024, 4, 4), dict(months=1), "LV", D(2024, 5, 7),
      id="APL s43 4 May 2024 (Sat) moved holiday Mon 6 May -> Tue 7 May"),
    P(D(2025, 4, 4), dict(months=1), "LV", D(2025, 5, 6),
      id="APL s43 4 May 2025 (Sun) moved holiday Mon 5 May -> Tue 6 May"),
    P(D(2025, 11, 24), dict(months=1), "LV", D(2025, 12, 29), id="APL s43 Christmas 24-26 Dec + weekend -> 29 Dec"),
    P(D(2026, 5, 23), dict(months=1), "LV", D(2026, 6, 25), id="APL s43 Midsummer 23-24 Jun 2026 -> 25 Jun"),
    P(D(2024, 6, 9), dict(weeks=2), "LV", D(2024, 6, 25), id="APL s43 Midsummer Sun 23 / Mon 24 Jun 2024 -> 25 Jun"),
    P(D(2026, 6, 15), dict(weeks=1), "LV", D(2026, 6, 25),
      id="APL s43 transferred day off Mon 22 Jun 2026 + Midsummer -> 25 Jun"),
    P(D(2026, 6, 20), dict(weeks=1), "LV", D(2026, 6, 27),
      id="APL s43 transferred working Saturday 27 Jun 2026 stays"),
    P(D(2025, 12, 1), dict(days=30), "LV", D(2026, 1, 5), id="APL s43 31 Dec, 1-2 Jan off, weekend -> 5 Jan"),
    P(D(2026, 3, 3), dict(months=1), "LV", D(2026, 4, 7), id="APL s43 Good Friday + Easter Monday 2026 -> 7 Apr"),
    P(D(2025, 9, 3), dict(months=1), "DE", D(2025, 10, 6),
      id="1182/71 Art3(4) requested state DE: German Unity Day Fri 3 Oct -> Mon 6 Oct"),
    P(D(2025, 9, 3), dict(months=1), "LV", D(2025, 10, 3), id="1182/71 Art3(4) same day in LV is a working day"),
    P(D(2026, 3, 11), dict(days=1), "LV", D(2026, 3, 12), id="1182/71 Art3(4) working last day is not moved"),
]


@pytest.mark.parametrize("start, period, country, expected", ROLLED)
def test_roll_forward(start, period, country, expected):
    assert add_period(start, **period, roll_forward=True, country=country) == expected


APL = [
    P(D(2026, 10, 18), dict(months=1), D(2026, 11, 19), id="APL s42-43 1 month from notification, 18 Nov -> 19 Nov"),
    P(D(2026, 5, 29), dict(days=10), D(2026, 6, 8), id="APL s42-43 10 days ending Mon 8 Jun 2026"),
    P(D(2026, 12, 11), dict(weeks=2), D(2026, 12, 28), id="APL s42-43 2 weeks ending Christmas Fri 25 Dec -> Mon 28"),
]


@pytest.mark.parametrize("start, period, expected", APL)
def test_apl_period(start, period, expected):
    assert apl_period(start, **period) == expected


WORKING = [
    P(D(2026, 11, 18), "LV", False, id="LV Proclamation Day 18 Nov is a holiday"),
    P(D(2023, 11, 20), "LV", False, id="LV 18 Nov 2023 on Saturday moved to Monday 20 Nov"),
    P(D(2026, 5, 4), "LV", False, id="LV Restoration of Independence 4 May"),
    P(D(2026, 6, 24), "LV", False, id="LV Midsummer Day 24 Jun"),
    P(D(2026, 12, 24), "LV", False, id="LV Christmas Eve 24 Dec"),
    P(D(2026, 3, 11), "LV", True, id="LV an ordinary Wednesday"),
    P(D(2026, 3, 14), "LV", False, id="LV a Saturday"),
    P(D(2025, 10, 3), "DE", False, id="DE German Unity Day"),
]


@pytest.mark.parametrize("day, country, expected", WORKING)
def test_is_working_day(day, country, expected):
    assert is_working_day(day, country) is expected


def test_negative_period_is_refused():
    with pytest.raises(InvalidValue) as err:
        add_period(D(2026, 1, 1), days=-1)
    assert err.value.key == "rules.negative_period"


def test_unknown_country_is_refused():
    with pytest.raises(InvalidValue) as err:
        add_period(D(2026, 1, 3), days=1, roll_forward=True, country="XX")
    assert err.value.key == "rules.unknown_country"


def test_zero_period_is_the_event_day():
    assert add_period(D(2026, 2, 1)) == D(2026, 2, 1)


# --- properties -------------------------------------------------------------------------------------

dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))
periods = st.tuples(st.integers(0, 60), st.integers(0, 10), st.integers(0, 24)).filter(lambda p: any(p))


@settings(max_examples=150, deadline=None)
@given(a=dates, b=dates, period=periods, roll=st.booleans())
def test_property_monotone(a, b, period, roll):
    days, weeks, months = period
    lo, hi = min(a, b), max(a, b)
    kwargs = dict(days=days, weeks=weeks, months=months, roll_forward=roll)
    assert add_period(lo, **kwargs) <= add_period(hi, **kwargs)


@settings(max_examples=150, deadline=None)
@given(start=dates, period=periods)
def test_property_result_after_start(start, period):
    days, weeks, months = period
    assert add_period(start, days=days, weeks=weeks, months=months) > start


@settings(max_examples=150, deadline=None)
@given(start=dates, period=periods, country=st.sampled_from(["LV", "DE", "LT", "EE", "PL"]))
def test_property_roll_forward_is_working_day_not_earlier(start, period, country):
    days, weeks, months = period
    plain = add_period(start, days=days, weeks=weeks, months=months)
    rolled = add_period(start, days=days, weeks=weeks, months=months, roll_forward=True, country=country)
    assert rolled >= plain
    assert is_working_day(rolled, country)
    # nothing between the plain last day and the rolled one is a working day
    d = plain
    while d < rolled:
        assert not is_working_day(d, country)
        d += timedelta(days=1)


@settings(max_examples=100, deadline=None)
@given(day=dates)
def test_property_next_working_day(day):
    nxt = next_working_day(day)
    assert nxt >= day and is_working_day(nxt)


@pytest.mark.parametrize("country", ["LV", "LT", "EE", "DE", "PL", "SE", "NL", "UA"])
def test_one_country_loaded_alone_is_the_packages_own_calendar(country):
    """desk loads one country's module of the holidays package by itself (calendar._country_entity);
    its holidays, names included, are those holidays.country_holidays gives, year by year."""
    import holidays

    from desk.rules.calendar import holiday_calendar

    ours = holiday_calendar(country)
    for year in range(2015, 2032):
        theirs = holidays.country_holidays(country, years=year, language="en_US")
        assert {d: ours.get_list(d) for d in theirs} == {d: theirs.get_list(d) for d in theirs}, year
        assert sorted(d for d in ours if d.year == year) == sorted(theirs), year


def test_latvias_calendar_loads_no_other_countrys_module():
    """The holidays package's own loader imports all of its 250 countries for one of them: 50-90 ms of
    every desk report and every command that counts a period. Measured in a fresh interpreter."""
    import json
    import subprocess
    import sys

    code = ("import sys, json; from datetime import date; from desk.rules.calendar import next_working_day; "
            "next_working_day(date(2026, 12, 31)); "
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('holidays.countries'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == ["holidays.countries.latvia"]
