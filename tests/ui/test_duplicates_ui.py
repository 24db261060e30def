"""The probable duplicates on screen (issue 19 point 4) and undoing a merge from a person's file (point 3):
a supervisor opens the list with F6 or from the palette, sees each pair scored with what matched and side by
side, merges a pair (which record stays, why) and the list is read again; a merge is undone from either
record's file while nothing was written since, and refused with the reason once something was."""
from __future__ import annotations

from desk.i18n import set_language, t
from desk.services import audit, merge, persons
from models import Case, Person
from screens.app import DeskApp
from screens.dialogs import ConfirmDialog, PickDialog
from screens.duplicates import DuplicatesScreen
from screens.home import HomeScreen
from screens.person import PersonScreen
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle


async def until(pilot, condition, rounds: int = 40) -> None:
    for _ in range(rounds):
        await settle(pilot)
        if condition():
            return
        await pilot.pause(0.1)


def two_records(store):
    """Olga Ivanova twice: her Latvian form and a date with day and month swapped; the second has a case."""
    asylum = store.actors["asylum"]
    first = new_person(store, asylum, surname="Ivanova", given_names="Olga", date_of_birth="12.03.1990",
                       document_number="C1234567")
    with store.uow() as uow:
        second = persons.register_person(uow, asylum, {
            "surname": "Ivanovs", "given_names": "Olga", "date_of_birth": "03.12.1990", "citizenship": "UKR",
            "document_number": "FE7654321"}, allow_duplicate=True, reason="different_birth_date")
    case_id = new_asylum_case(store, asylum, second)
    return first, second, case_id


def shown(widget) -> str:
    return str(widget.render())


async def open_duplicates(pilot):
    await pilot.press("f6")
    await until(pilot, lambda: isinstance(pilot.app.screen, DuplicatesScreen)
                and pilot.app.screen.pairs is not None)
    return pilot.app.screen


async def test_a_supervisor_works_a_pair_through_and_the_list_is_read_again(ui_store):
    first, second, case_id = two_records(ui_store)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "supervisor")
        screen = await open_duplicates(pilot)
        table = screen.query_one("#duplicates")
        assert table.row_count == 1
        row = [str(c) for c in table.get_row_at(0)]
        assert "Ivanova Olga" in row[2] and "Ivanovs Olga" in row[4]
        assert t("person.match.born_day_month_swapped") in row[1] and t("person.match.name_similar") in row[1]
        assert "C1234567" in shown(screen.query_one("#compare-first"))  # side by side, the documents too
        assert "FE7654321" in shown(screen.query_one("#compare-second"))
        assert "Ivanova Olga" in shown(screen.query_one("#compare-first"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PickDialog))
        which = app.screen
        assert which.title_text == t("ui.duplicates.which_stays")
        await pilot.press("enter")  # the first record stays
        await until(pilot, lambda: isinstance(app.screen, PickDialog) and app.screen is not which)
        assert str(second) in app.screen.title_text and str(first) in app.screen.title_text
        await pilot.press("down", "down", "down", "enter")  # confirmed by documents
        await until(pilot, lambda: isinstance(app.screen, DuplicatesScreen) and table.row_count == 0)
        assert table.row_count == 0  # read again: the pair is one person now
        assert "0" in shown(screen.query_one("#duplicates-summary"))
    with ui_store.reader() as uow:
        assert uow.session.get(Person, second).merged_into == first
        assert uow.session.get(Case, case_id).person_id == first
        actions = [e.action for e in audit.entries(uow, limit=10)]
    assert "person.merge" in actions and actions.count("person.duplicates_report") == 2


async def test_all_offices_export_and_opening_a_person_from_the_list(ui_store, tmp_path, monkeypatch):
    monkeypatch.setenv("DESK_REPORTS_DIR", str(tmp_path))
    first, second, _case = two_records(ui_store)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "supervisor")
        screen = await open_duplicates(pilot)
        await pilot.press("o")  # every office
        await until(pilot, lambda: screen.pairs is not None)
        assert screen.all_offices and t("ui.duplicates.all_offices") in shown(screen.query_one("#duplicates-summary"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: list(tmp_path.glob("*.csv")))
        written = list(tmp_path.glob("desk-duplicates-all-*.csv"))
        assert len(written) == 1 and written[0].stat().st_mode & 0o777 == 0o600
        assert "Ivanovs Olga" in written[0].read_text(encoding="utf-8")
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.file is not None)
        assert app.screen.person_id == second
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DuplicatesScreen))
    with ui_store.reader() as uow:
        assert "person.duplicates_export" in [e.action for e in audit.entries(uow, limit=10)]


async def test_a_case_officer_is_offered_no_duplicates_report(ui_store):
    two_records(ui_store)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        titles = [c.title for c in app.palette_commands(app.screen)]
        assert t("ui.palette.duplicates") not in titles
        app.open_duplicates()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_palette_opens_the_report_for_a_supervisor_in_english(ui_store):
    two_records(ui_store)
    set_language("en")
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "supervisor")
        command = next(c for c in app.palette_commands(app.screen) if c.title == "Probable duplicates")
        command.callback()
        await until(pilot, lambda: isinstance(app.screen, DuplicatesScreen) and app.screen.pairs is not None)
        assert "Probable duplicates (RIG-CEN): 1 pair." in shown(app.screen.query_one("#duplicates-summary"))


async def test_a_supervisor_undoes_a_merge_from_the_merged_record_s_file(ui_store):
    first, second, case_id = two_records(ui_store)
    with ui_store.uow() as uow:
        merge.merge_persons(uow, ui_store.actors["supervisor"], second, first, "same_name_and_birth")
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "supervisor")
        app.open_person(second)  # the old id: the survivor's file, saying so
        await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.file is not None)
        screen = app.screen
        told = shown(screen.query_one("#person-merges"))
        assert t("ui.person.merged_away", asked=second, survivor=first) in told
        assert t("ui.person.merge_undo_key") in told
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: screen.file is not None and screen.file.summary.id == second)
        assert screen.file.summary.id == second and not screen.file.merges
        assert not screen.query_one("#person-merges").display
    with ui_store.reader() as uow:
        assert uow.session.get(Person, second).merged_into is None
        assert uow.session.get(Case, case_id).person_id == second


async def test_an_unmerge_is_refused_with_the_reason_once_something_was_written(ui_store):
    first, second, _case = two_records(ui_store)
    supervisor = ui_store.actors["supervisor"]
    with ui_store.uow() as uow:
        merged = merge.merge_persons(uow, supervisor, second, first, "same_name_and_birth")
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "supervisor")
        app.open_person(first)
        await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.file is not None)
        screen = app.screen
        third = new_person(ui_store, ui_store.actors["asylum"], surname="Ivanova", given_names="Olga",
                           date_of_birth="12.03.1990", document_number="C7777777")
        with ui_store.uow() as uow:  # meanwhile another merge writes to the survivor
            merge.merge_persons(uow, supervisor, third, first, "same_document")
        await pilot.press("u")  # the file on screen still says it can be undone
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        refusal = t("merge.changed_since", id=merged.merge_id)
        await until(pilot, lambda: any(n.message == refusal for n in app._notifications))
        assert any(n.message == refusal and n.severity == "error" for n in app._notifications)
        await until(pilot, lambda: len(screen.file.merges) == 2)
        assert t("ui.person.merge_fixed") in shown(screen.query_one("#person-merges"))
    with ui_store.reader() as uow:
        assert uow.session.get(Person, second).merged_into == first


async def test_a_case_officer_sees_the_merge_but_cannot_undo_it(ui_store):
    first, second, _case = two_records(ui_store)
    with ui_store.uow() as uow:
        merge.merge_persons(uow, ui_store.actors["supervisor"], second, first, "same_name_and_birth")
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        app.open_person(second)
        await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.file is not None)
        assert t("ui.person.merge_undoable") in shown(app.screen.query_one("#person-merges"))
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
    with ui_store.reader() as uow:
        assert uow.session.get(Person, second).merged_into == first
