"""``desk case show NUMBER [--json]`` and ``desk case note NUMBER --text T``: a case file on the command line.

``show`` prints what the case file screen shows, for the same officer and role (``views.case_file``: the
role check of the screen, and the same "case.view" audit entry): the details, the status, the deadlines
(rule id, article, anchor, due date, state), the actions the status allows, the history and the notes.
``--json`` prints one object whose keys are stable (README, the command table): a script reads them.
``note`` writes a note on the case (``notes.add_note``: audited as "case.note").
"""
from __future__ import annotations

import json

from desk.commands.common import add_command, add_officer_arguments, cli_actor, open_from_args, run_as_officer
from desk.i18n import t
from desk.services.labels import (detail_text, history_action_label, history_summary, kind_label, label, note_summary,
                                  status_label)


def register(sub) -> None:
    p = sub.add_parser("case", help="read a case file, write a note on it")
    cases = p.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    show = add_command(cases, "show", case_show, "print a case file as the screen shows it (audited)")
    show.add_argument("number", help="the case number, e.g. PAT-2026-000001")
    show.add_argument("--json", action="store_true", help="one JSON object (keys: see README)")
    add_officer_arguments(show)
    note = add_command(cases, "note", case_note, "write a note on a case (audited; never changed afterwards)")
    note.add_argument("number", help="the case number")
    note.add_argument("--text", required=True, help="the note, plain text")
    note.add_argument("--corrects", type=int, help="the number of the earlier note this one corrects")
    add_officer_arguments(note)


def _day(value) -> str | None:
    return value.isoformat() if value else None


def file_record(file) -> dict:
    """The case file as JSON-ready data; the keys are documented in README (``desk case show --json``)."""
    person = file.person
    return {
        "number": file.number, "kind": file.kind, "kind_label": kind_label(file.kind),
        "status": file.status, "status_label": status_label(file.kind, file.status),
        "person": {"id": person.id, "surname": person.surname, "given_names": person.given_names,
                   "date_of_birth": _day(person.date_of_birth), "citizenship": person.citizenship,
                   "personal_code": person.personal_code_masked or None},
        "owner": file.owner_username or None, "owner_name": file.owner_name or None, "office": file.office_code,
        "opened_on": _day(file.opened_on), "closed_on": _day(file.closed_on), "version": file.version,
        "details": {name: (value.isoformat() if hasattr(value, "isoformat") else value)
                    for name, value in file.values.items()},
        "detail_lines": [list(detail_text(line)) for line in file.details],
        "deadlines": [{"rule_id": d.rule_id, "article": d.article, "title": t(d.title_key),
                       "anchor_event": t(d.anchor_event_key), "anchor_date": _day(d.anchor_date),
                       "due_on": _day(d.due_on), "state": str(d.state),
                       "consequence": t(d.consequence_key) if d.consequence_key else None, "verified": d.verified}
                      for d in file.deadlines],
        "actions": [spec.id.split(".", 1)[1] for spec in file.actions],
        "action_labels": [t(spec.title_key) for spec in file.actions],
        "history": [{"at": h.at_riga.isoformat(), "officer": h.officer, "action": h.action,
                     "action_label": history_action_label(file.kind, h.action),
                     "summary": history_summary(file.kind, h.parts)} for h in file.history],
        "notes": [{"id": n.id, "at": n.at_riga.isoformat(), "officer": n.officer, "text": n.text,
                   "corrects": n.corrects_id} for n in file.notes],
        "related": [{"number": r.number, "kind": r.kind, "status": r.status} for r in file.related],
    }


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def file_lines(file) -> list[str]:
    """The case file as text: the header, then each tab of the screen."""
    from desk.i18n.citations import shown  # the article in the officer's language, as the screen shows it

    person = file.person
    out = [f"{file.number}  {kind_label(file.kind)}  {t('ui.case.status')}: {status_label(file.kind, file.status)}",
           f"{t('ui.case.person')}: {person.full_name} ({_date(person.date_of_birth)}, {person.citizenship})"
           f"  {t('ui.case.owner')}: {file.owner_name} ({file.owner_username}, {file.office_code})"
           f"  {t('ui.case.opened')}: {_date(file.opened_on)}"
           + (f"  {t('ui.case.closed')}: {_date(file.closed_on)}" if file.closed_on else "")]
    out += ["", t("ui.case.tab.details")] + [f"  {name}: {value}" for name, value in map(detail_text, file.details)]
    out += ["", t("ui.case.tab.deadlines")]
    out += [f"  {d.rule_id}\t{shown(d.article)}\t{t(d.title_key)}\t{t(d.anchor_event_key)} {_date(d.anchor_date)}\t"
            f"{_date(d.due_on)}\t{label(d.state)}" for d in file.deadlines] or [f"  {t('case.cli.none')}"]
    out += ["", t("case.cli.actions")]
    out += [f"  {spec.id.split('.', 1)[1]}\t{t(spec.title_key)}" for spec in file.actions] or [f"  {t('case.cli.none')}"]
    out += ["", t("ui.case.tab.history")]
    out += [f"  {h.at_riga:%d.%m.%Y %H:%M}\t{h.officer}\t{history_action_label(file.kind, h.action)}\t"
            f"{history_summary(file.kind, h.parts)}" for h in file.history]
    out += ["", t("case.cli.notes")]
    out += [f"  {n.at_riga:%d.%m.%Y %H:%M}\t{n.officer}\t{note_summary(n.id, n.text, n.corrects_id)}"
            for n in file.notes] \
        or [f"  {t('case.cli.none')}"]
    if file.related:
        out += ["", t("ui.case.tab.related")]
        out += [f"  {r.number}\t{t('kind.' + r.kind)}\t{status_label(r.kind, r.status)}" for r in file.related]
    return out


def case_show(args) -> int:
    from desk.services import audit, views

    store = open_from_args(args)
    try:
        actor = cli_actor(store, args)
        # a read in a read transaction, its "case.view" entry written right after (audit.read)
        file = audit.read(store, views.case_file_by_number, actor, args.number)
        record = file_record(file) if args.json else None
        lines = None if args.json else file_lines(file)
    finally:
        store.dispose()
    if record is not None:
        print(json.dumps(record, ensure_ascii=False))
    else:
        print("\n".join(lines))
    return 0


def case_note(args) -> int:
    from desk.services import casecore, notes

    def write(uow, actor):
        case = casecore.case_by_number(uow, args.number)
        raw = {"text": args.text, **({"corrects": str(args.corrects)} if args.corrects else {})}
        return notes.add_note(uow, actor, case.id, raw), case.number

    note_id, number = run_as_officer(args, write)
    print(t("case.cli.note_added", id=note_id, number=number))
    return 0
