"""The worklist's filters (kind, status, deadline state, officer) and its two orders (next due date, days
waiting), on SQLite and PostgreSQL; paging reaches the last case in either order (issue 14 point 9)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from desk.services import casecore, views
from desk.services.views import DueState, WorklistFilter, WorklistOrder
from models import Case
from tests.services.conftest import new_person

TODAY = date(2026, 11, 22)  # the fixed clock


def _case(store, actor, pid, kind, status, opened_on, next_due, owner=None) -> int:
    """A case as the worklist reads it: its kind, status, owner, opening day and stored next due date
    (kept by the deadline recompute in real work; set here so each deadline state is there exactly)."""
    with store.uow() as uow:
        case = casecore.open_case(uow, actor, kind=kind, person_id=pid, status=status, opened_on=opened_on,
                                  owner_id=owner.id if owner else None)
        uow.session.execute(update(Case).where(Case.id == case.id).values(next_due=next_due))
        return case.id


@pytest.fixture
def office(cw):
    """Seven cases of office RIG-CEN: five of officer patverums (one per deadline state), one of
    patverums2, one closed."""
    store, actors = cw
    a, b = actors["asylum"], actors["asylum2"]
    pid = new_person(store, a)
    ids = {
        "overdue": _case(store, a, pid, "asylum", "lodged", date(2026, 9, 1), TODAY - timedelta(days=3)),
        "today": _case(store, a, pid, "dublin", "sent", date(2026, 11, 1), TODAY),
        "soon": _case(store, a, pid, "asylum", "interviewed", date(2026, 6, 1), TODAY + timedelta(days=7)),
        "open": _case(store, a, pid, "asylum", "lodged", date(2026, 10, 1), TODAY + timedelta(days=8)),
        "none": _case(store, a, pid, "dublin", "sent", date(2026, 3, 1), None),
        "other": _case(store, a, pid, "asylum", "lodged", date(2026, 8, 1), TODAY + timedelta(days=1), owner=b),
    }
    closed = _case(store, a, pid, "asylum", "lodged", date(2026, 1, 1), None)
    with store.uow() as uow:
        uow.session.execute(update(Case).where(Case.id == closed).values(closed_on=TODAY))
    return store, actors, ids


def _ids(store, actor, **kw) -> list[int]:
    with store.reader() as uow:
        rows = views.worklist(uow, actor, **kw)
        if "offset" not in kw:  # the title's "shown of total" counts what the same filters reach
            assert views.count_worklist(uow, actor, **kw) == len(rows)
    return [r.id for r in rows]


def test_each_deadline_state_is_a_filter(office):
    store, actors, ids = office
    a = actors["asylum"]
    for state in DueState:
        assert _ids(store, a, due=state) == [ids[state.value]], state
    with store.reader() as uow:
        rows = views.worklist(uow, a)
    assert [r.next_due_state for r in rows] == ["overdue", "today", "soon", "open", "none"]


def test_kind_and_status_filters(office):
    store, actors, ids = office
    a = actors["asylum"]
    assert _ids(store, a, kinds=["dublin"]) == [ids["today"], ids["none"]]
    assert _ids(store, a, statuses=["lodged"]) == [ids["overdue"], ids["open"]]
    assert _ids(store, a, kinds=["asylum"], statuses=["interviewed", "lodged"]) == [ids["overdue"], ids["soon"],
                                                                                    ids["open"]]
    assert _ids(store, a, kinds=["dublin"], statuses=["lodged"]) == []
    # a kind the officer does not work on stays out, whatever is asked for
    assert _ids(store, a, kinds=["permit"]) == []


def test_each_officer_reads_their_own_list_with_the_same_filters(office):
    """The worklist's statements are built once per shape and kept (views._built), the officer and the day
    as parameters: the second officer asking the very same thing gets their own cases, not the first's."""
    store, actors, ids = office
    a, b = actors["asylum"], actors["asylum2"]
    assert _ids(store, a) == [ids[k] for k in ("overdue", "today", "soon", "open", "none")]
    assert _ids(store, b) == [ids["other"]]
    assert _ids(store, a, due=DueState.SOON) == [ids["soon"]] and _ids(store, b, due=DueState.SOON) == [ids["other"]]


def test_officer_filter_in_the_office_scope(office):
    store, actors, ids = office
    boss = actors["supervisor"]
    everyone = _ids(store, boss, scope="office")
    assert set(everyone) == set(ids.values())  # the closed case is not on the list
    assert _ids(store, boss, scope="office", officer="patverums2") == [ids["other"]]
    assert _ids(store, boss, scope="office", officer="patverums") == [ids[k] for k in
                                                                     ("overdue", "today", "soon", "open", "none")]
    assert _ids(store, boss, scope="office", officer="nobody-such") == []
    assert _ids(store, boss, scope="office", officer="patverums", due=DueState.OVERDUE,
                statuses=["lodged"]) == [ids["overdue"]]


def test_days_waiting_puts_the_case_opened_longest_ago_first(office):
    store, actors, ids = office
    a = actors["asylum"]
    order = WorklistOrder.WAITING
    assert _ids(store, a, order=order) == [ids[k] for k in ("none", "soon", "overdue", "open", "today")]
    assert _ids(store, a, order=order, kinds=["asylum"]) == [ids[k] for k in ("soon", "overdue", "open")]
    assert _ids(store, a, order=order, due=DueState.NONE) == [ids["none"]]
    assert _ids(store, a, order=order, offset=1, limit=2) == [ids["soon"], ids["overdue"]]


def test_the_filter_hands_its_arguments_to_both_reads(office):
    store, actors, ids = office
    a = actors["asylum"]
    held = WorklistFilter(kind="asylum", status="lodged", order=WorklistOrder.WAITING)
    assert held.narrows and not WorklistFilter(order=WorklistOrder.WAITING).narrows
    assert _ids(store, a, **held.arguments()) == [ids["overdue"], ids["open"]]


def test_paging_reaches_the_last_of_130_cases_in_both_orders(cw):
    store, actors = cw
    a = actors["asylum"]
    pid = new_person(store, a)
    made = []
    with store.uow() as uow:
        for i in range(130):
            case = casecore.open_case(uow, a, kind="asylum", person_id=pid, status="lodged",
                                      opened_on=date(2026, 1, 1) + timedelta(days=i))
            due = None if i % 3 == 0 else TODAY + timedelta(days=i % 40)
            uow.session.execute(update(Case).where(Case.id == case.id).values(next_due=due))
            made.append((case.id, case.number, due))
    for order in WorklistOrder:
        seen: list[int] = []
        with store.reader() as uow:
            while True:
                page = views.worklist(uow, a, order=order, offset=len(seen), limit=50)
                if not page:
                    break
                seen += [r.id for r in page]
            assert views.count_worklist(uow, a, order=order) == 130
        assert len(seen) == len(set(seen)) == 130, order
        if order is WorklistOrder.WAITING:
            assert seen == [cid for cid, _, _ in made]
        else:
            dated = sorted((d, n, cid) for cid, n, d in made if d is not None)
            assert seen == [cid for _, _, cid in dated] + [cid for cid, n, d in sorted(made, key=lambda m: m[1])
                                                           if d is None]


def test_choices_offer_the_officers_kinds_statuses_and_for_a_supervisor_the_office(cw):
    store, actors = cw
    with store.reader() as uow:
        mine = views.worklist_choices(uow, actors["asylum"])
        boss = views.worklist_choices(uow, actors["supervisor"])
    assert mine.kinds == ["asylum", "dublin"] and "lodged" in mine.statuses["asylum"] and mine.officers == []
    assert "patverums2" in [u for u, _ in boss.officers] and len(boss.kinds) == 6


def test_filtered_and_waiting_pages_are_read_off_an_index_without_sorting_the_office(cw_sqlite):
    """Migration 0016: the days-waiting order has its own indexes; a deadline state is a range of the
    next-due indexes. Neither sorts the office's open cases in a temporary B-tree (SQLite's plan)."""
    from sqlalchemy import event

    store, actors = cw_sqlite
    statements = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    asks = [("office", {"order": WorklistOrder.WAITING}, "ix_case_office_waiting"),
            ("mine", {"order": WorklistOrder.WAITING}, "ix_case_owner_waiting"),
            ("office", {"due": DueState.SOON}, "ix_case_office_worklist"),
            ("mine", {"due": DueState.OVERDUE, "kinds": ["asylum"]}, "ix_case_owner_worklist"),
            ("office", {"officer": "patverums"}, "ix_case_owner_worklist"),
            ("office", {"officer": "patverums", "order": WorklistOrder.WAITING}, "ix_case_owner_waiting")]
    for scope, kw, index in asks:
        statements.clear()
        event.listen(store.engine, "before_cursor_execute", capture)
        try:
            with store.reader() as uow:
                views.worklist(uow, actors["supervisor"], scope=scope, limit=50, **kw)
        finally:
            event.remove(store.engine, "before_cursor_execute", capture)
        with store.engine.connect() as conn:
            plans = [[row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
                     for sql, params in statements if "ORDER BY case_file." in sql]
        assert plans, (scope, kw)
        for plan in plans:
            assert any(index in step for step in plan), (kw, plan)
            assert not any("TEMP B-TREE" in step for step in plan), (kw, plan)


@pytest.mark.pg
@pytest.mark.parametrize("scope,kw,index", [
    ("office", {}, "ix_case_office_open_due"),
    ("mine", {}, "ix_case_owner_open_due"),
    ("office", {"order": WorklistOrder.WAITING}, "ix_case_office_open_waiting"),
    ("mine", {"order": WorklistOrder.WAITING}, "ix_case_owner_open_waiting"),
])
def test_on_postgresql_the_page_comes_off_an_index_of_the_open_cases_in_order(pg_url, fixed_clock, scope, kw, index):
    """Migration 0021: PostgreSQL does not take ``closed_on IS NULL`` as fixing that column of
    ix_case_office_worklist, so it read every open case of the office and sorted them (58 ms of a 1M
    store's busiest office). The partial indexes of the open cases give the page in order: no Sort.
    Scans that would hide the question on a small table (sequential, bitmap) are switched off."""
    from sqlalchemy import event

    from tests.conftest import _open, populate

    store = _open(pg_url)
    statements = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    try:
        actors = populate(store)
        boss = actors["supervisor"]
        pid = new_person(store, boss)
        for day in (1, 2, 3):
            _case(store, boss, pid, "asylum", "lodged", date(2026, 10, day), TODAY + timedelta(days=day), owner=boss)
        event.listen(store.engine, "before_cursor_execute", capture)
        try:
            with store.reader() as uow:
                assert len(views.worklist(uow, boss, scope=scope, limit=50, **kw)) == 3
        finally:
            event.remove(store.engine, "before_cursor_execute", capture)
        pages = [(sql, params) for sql, params in statements if "ORDER BY case_file." in sql]
        assert pages, (scope, kw)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("SET enable_seqscan = off")
            conn.exec_driver_sql("SET enable_bitmapscan = off")
            for sql, params in pages:
                plan = "\n".join(row[0] for row in conn.exec_driver_sql("EXPLAIN " + sql, params))
                assert index in plan and "Sort" not in plan, plan
    finally:
        store.dispose()
