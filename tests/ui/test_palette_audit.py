"""The palette's look-ups that show names are recorded (issue 15 point 6): one "search" entry per settled
query (or when a case is opened from it), as the search screen records its own; never one per keystroke."""
from __future__ import annotations


from desk.services import audit
from screens.app import DeskApp
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle, type_text


def _searches(store) -> list[dict]:
    with store.reader() as uow:
        return [e.detail for e in audit.entries(uow, limit=50) if e.action == "search"]


async def test_a_palette_lookup_showing_names_is_recorded_once(ui_store):
    actors = ui_store.actors
    pid = new_person(ui_store, actors["asylum"])
    new_asylum_case(ui_store, actors["asylum"], pid)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        before = len(_searches(ui_store))
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "pat-2026-1")  # ten keystrokes, one settled query
        await pilot.pause(1.6)
        await settle(pilot)
        found = _searches(ui_store)[: len(_searches(ui_store)) - before]
        assert len(found) == 1, found
        await pilot.press("enter")  # opening the case from it adds no second entry for the same lookup
        await settle(pilot)
        assert len(_searches(ui_store)) - before == 1
