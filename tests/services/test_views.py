

def test_every_detail_column_has_a_label_in_both_languages():
    """The case file shows every stored detail; none may appear as a raw column name."""
    from desk.i18n import catalogue
    from desk.services.kinds import KINDS

    missing = []
    for spec in KINDS.values():
        for name in spec.model.model_fields:
            if name in ("case_id",) or name in spec.hidden:
                continue
            if f"casework.field.{name}" not in catalogue():
                missing.append(f"{spec.kind}.{name}")
    assert not missing, missing


def test_history_tells_what_changed_in_the_officers_words(cw_sqlite):
    """The history tab reads the audit trail: action, status and choices as words, dates as DD.MM.YYYY."""
    from desk.i18n import set_language
    from desk.services import casework, views
    from tests.services.conftest import new_person

    store, actors = cw_sqlite
    a = actors["asylum"]
    pid = new_person(store, a)
    with store.uow() as uow:
        cid = casework.register(uow, a, "dublin", {
            "direction": "incoming", "request_kind": "take_charge", "partner_country": "DEU", "person_id": pid,
            "registered_on": "2026-11-01", "received_on": "2026-11-20"})
    from desk.services.labels import FieldChanged, history_summary

    with store.uow() as uow:
        history = views.case_file(uow, a, cid).history
    registered = history[-1]
    assert registered.officer == "patverums" and registered.at_riga.date().isoformat() == "2026-11-22"
    # the service hands over the stored codes; the words come when the screen draws them, in its language
    assert FieldChanged("direction", None, "incoming") in registered.parts
    set_language("en")
    summary = history_summary("dublin", registered.parts)
    assert "Direction: Incoming" in summary and "Received on: 20.11.2026" in summary
    assert "dublin_iii" not in summary and "incoming" not in summary


def test_every_status_and_action_of_every_kind_reads_as_words_in_both_languages():
    """Statuses and actions are shown from the catalogue; the rules module names (returns, permits...)
    differ from the case kinds (return, permit...), which once left four kinds showing raw codes."""
    from desk.i18n import set_language
    from desk.services.kinds import rules_module
    from desk.services.labels import action_title_key, status_label
    from desk.i18n import has

    raw = []
    for lang in ("lv", "en"):
        set_language(lang)
        for kind in ("asylum", "dublin", "permit", "visa", "invitation", "return"):
            module = rules_module(kind)
            for status in module.Status:
                # a Latvian word is never the stored (English) code; English ones may be ("lodged")
                if lang == "lv" and status_label(kind, status.value) == status.value:
                    raw.append(f"{lang} status {kind}.{status.value}")
            for action in module.Action:
                if not has(action_title_key(kind, action.value)):
                    raw.append(f"{lang} action {kind}.{action.value}")
    set_language("lv")
    assert not raw, raw


def test_worklist_reads_its_page_off_the_worklist_index_in_order(cw_sqlite):
    """The office worklist orders every open case by its stored next due date (migration 0007): the page
    is read off ``ix_case_office_worklist`` in that order - no deadline row is read and no temporary
    B-tree sorts the office's cases (half a second at 95,000 open cases before)."""
    from sqlalchemy import event

    from desk.services import views

    store, actors = cw_sqlite
    statements = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    for scope, index in (("office", "ix_case_office_worklist"), ("mine", "ix_case_owner_worklist")):
        statements.clear()
        event.listen(store.engine, "before_cursor_execute", capture)
        try:
            with store.reader() as uow:
                views.worklist(uow, actors["supervisor"], scope=scope, limit=50)
                views.counts_per_kind(uow, actors["supervisor"], scope=scope)
        finally:
            event.remove(store.engine, "before_cursor_execute", capture)
        assert statements
        with store.engine.connect() as conn:
            plans = {sql: [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
                     for sql, params in statements if sql.lstrip().upper().startswith("SELECT")}
        assert not any("deadline" in sql for sql in plans), list(plans)
        ordered = [plan for sql, plan in plans.items() if "ORDER BY case_file.next_due" in sql
                   or "ORDER BY case_file.number" in sql]
        assert ordered, list(plans)
        for plan in ordered:
            assert any(index in step for step in plan), plan
            assert not any("TEMP B-TREE" in step for step in plan), plan
        if scope == "office":
            counts = [plan for sql, plan in plans.items() if "GROUP BY" in sql]
            assert counts and all(any("COVERING INDEX ix_case_office_open_kind" in s for s in p) for p in counts), counts
