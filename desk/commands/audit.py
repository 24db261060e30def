"""``desk audit verify`` and ``desk audit show --case N | --officer U``."""
from __future__ import annotations

import json
import sys

from desk.clock import riga
from desk.commands.common import add_command, add_officer_arguments, cli_actor, open_from_args
from desk.i18n import t, tn


def register(sub) -> None:
    p = sub.add_parser("audit", help="check and read the audit trail")
    a = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    add_command(a, "verify", audit_verify, "check the whole hash chain; exit 1 naming the first broken entry")
    s = add_command(a, "show", audit_show, "list audit entries of a case or an officer")
    s.add_argument("--case", metavar="NUMBER", help="case number, e.g. PAT-2026-000001")
    s.add_argument("--officer-user", "--of", dest="of_user", metavar="USER", help=argparse_hidden())
    s.add_argument("--limit", type=int, default=200)
    s.add_argument("--json", action="store_true")
    add_officer_arguments(s)


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS


def audit_verify(args) -> int:
    from desk.services import audit

    store = open_from_args(args)
    with store.reader() as uow:
        report = audit.verify_chain(uow)
    if report.ok:
        print(tn("cli.audit_ok", report.checked))
        return 0
    print(t("cli.audit_broken", id=report.first_bad_id, reason=report.reason, n=report.checked), file=sys.stderr)
    return 1


def audit_show(args) -> int:
    """Supervisors read the trail. ``--officer USER`` names both who asks and, unless ``--case`` is
    given, whose entries to list (an officer may always read their own)."""
    from desk.services import audit, auth, casecore

    store = open_from_args(args)
    actor = cli_actor(store, args)
    with store.uow() as uow:
        target = args.of_user or (None if args.case else actor.username)
        if target != actor.username or args.case:
            auth.require(uow, actor, auth.Permission.REPORTS, command="audit.show")
        case_id = casecore.case_by_number(uow, args.case).id if args.case else None
        # the latest --limit entries, shown oldest first
        rows = audit.entries(uow, case_id=case_id, officer_username=target, limit=args.limit)[::-1]
        audit.record(uow, actor, "audit.show", case_id=case_id, officer=target)
    for e in rows:
        when = riga(e.at).strftime("%Y-%m-%d %H:%M:%S")
        if args.json:
            print(json.dumps({"id": e.id, "at": when, "officer": e.officer_username, "action": e.action,
                              "case_id": e.case_id, "person_id": e.person_id, "detail": e.detail}, ensure_ascii=False))
        else:
            detail = json.dumps(e.detail, ensure_ascii=False)
            print(f"{e.id:>7} {when} {e.officer_username:<12} {e.action:<22} "
                  f"case={e.case_id or '-'} person={e.person_id or '-'} {detail}")
    return 0
