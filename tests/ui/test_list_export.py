"""Any table on screen to a file from the palette (issue 18 point 7)."""
from __future__ import annotations

from screens.app import DeskApp
from tests.ui.conftest import log_in, settle, type_text


async def test_export_the_worklist_from_the_palette(ui_store, tmp_path, monkeypatch):
    """Issue 18 point 7: ctrl+p, "Eksportēt sarakstu…", XLSX: the file in the reports folder, 0600, the path told."""
    from openpyxl import load_workbook

    from desk.services import audit
    from tests.ui.conftest import new_asylum_case, new_person

    monkeypatch.setenv("DESK_REPORTS_DIR", str(tmp_path))
    actor = ui_store.actors["asylum"]
    new_asylum_case(ui_store, actor, new_person(ui_store, actor))
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "Eksportēt sarakstu")
        await pilot.pause(0.5)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")  # the first format: XLSX
        await pilot.pause(0.5)
        await settle(pilot)
        [written] = list(tmp_path.glob("desk-list-worklist-*.xlsx"))
        assert (written.stat().st_mode & 0o777) == 0o600
        assert any(str(written) in n.message and "Saraksts saglabāts, 1 rinda" in n.message
                   for n in app._notifications)
    ws = load_workbook(written).worksheets[0]
    assert ws.title == "Darba saraksts" and ws.cell(row=1, column=1).value == "Numurs"
    with ui_store.reader() as uow:
        [entry] = [e for e in audit.entries(uow, limit=50) if e.action == "list.export"]
    assert entry.detail["list"] == "worklist" and entry.detail["rows"] == 1
