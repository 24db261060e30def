"""``export``: render the report, write the file (atomically, readable by its owner only: a report names
persons) and audit who exported what, in the caller's transaction."""
from __future__ import annotations

from pathlib import Path

from desk.services.files import write_export
from desk.services import audit
from desk.services.auth import Actor, ensure_live
from desk.services.report.figures import ALL_OFFICES, DailyReport
from desk.services.report.renderers import render


UNMASKED = "UNMASKED"


def export_target(report: DailyReport, path: str | Path) -> Path:
    """Where ``export`` writes: ``path``, or for a report with personal codes in full the same name with
    -UNMASKED before its suffix (unless the name says so already), so the file's name warns too."""
    target = Path(path)
    if not report.personal_codes_shown or UNMASKED in target.name.upper():
        return target
    return target.with_name(f"{target.stem}-{UNMASKED}{target.suffix}")


def export(uow, actor: Actor, report: DailyReport, fmt: str, path: str | Path | None = None, *, lang: str,
           csv_dialect: str = "semicolon") -> bytes:
    """Render ``report`` as ``fmt`` in ``lang``, write it to ``export_target(report, path)`` (if given,
    atomically; an UNMASKED name for personal codes in full) and audit the
    export ("report.export": day, scope, format, whether personal codes were shown) in ``uow``'s
    transaction. Returns the bytes."""
    ensure_live(uow, actor)
    data = render(report, fmt, lang=lang, csv_dialect=csv_dialect)
    audit.record(uow, actor, "report.export", day=report.day.isoformat(), format=fmt,
                 office=report.office_code or ALL_OFFICES, for_officer=report.for_officer,
                 personal_codes="shown" if report.personal_codes_shown else "masked")
    if path is not None:
        target = export_target(report, path)
        write_export(target, data)
    return data

