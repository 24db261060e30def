"""The screens' workers (issue 13 point 6): a bug while drawing a service's result is told as a sentence
and logged by its kind only; the app and the officer's screen stay up."""
from __future__ import annotations

import logging

from screens.app import DeskApp
from screens.casefile import CaseFileScreen
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle


async def test_a_drawing_bug_is_a_notification_not_the_end_of_the_app(ui_store, monkeypatch, caplog):
    a = ui_store.actors["asylum"]
    case_id = new_asylum_case(ui_store, a, new_person(ui_store, a))

    def broken(self) -> None:
        raise KeyError("Bērziņš")  # what a drawing bug could carry: never logged

    monkeypatch.setattr(CaseFileScreen, "draw", broken)
    caplog.set_level(logging.ERROR)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        app.open_case(case_id)
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CaseFileScreen)
        assert app.screen.file is not None  # the file arrived; only its drawing failed
        assert any(n.severity == "error" for n in app._notifications)
    logged = [r.getMessage() for r in caplog.records if r.name == "desk.screens"]
    assert logged and all("Bērziņš" not in line for line in logged) and "KeyError" in logged[-1]
