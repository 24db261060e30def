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
    v = add_command(a, "verify", audit_verify, "check the chain, its signatures, the signed checkpoints and the "
                    "append-only guards; exit 1 naming what is wrong; say what could not be proven")
    v.add_argument("--checkpoint", metavar="FILE", action="append", default=[],
                   help="also check against a checkpoint exported earlier (may be given more than once)")
    c = add_command(a, "checkpoint", audit_checkpoint, "sign the chain's head now (supervisors); --export FILE "
                    "writes the signed checkpoint to take away")
    c.add_argument("--export", metavar="FILE", help="write the checkpoint (one JSON line) to FILE")
    add_officer_arguments(c)
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

    exported = [cp for path in args.checkpoint for cp in audit.read_checkpoints(path)]
    for path in args.checkpoint:
        if not audit.read_checkpoints(path):
            print(f"desk: {t('audit.v.no_file', path=path)}", file=sys.stderr)
            return 2
    store = open_from_args(args)
    try:
        with store.reader() as uow:
            verdict = audit.verify(uow, exported=exported)
    finally:
        store.dispose()
    for key, params in verdict.problems:
        print(t(key, **params), file=sys.stderr)
    for key, params in verdict.unproven:
        print(t("audit.v.not_proven", what=t(key, **params)))
    if verdict.ok:
        print(tn("cli.audit_ok", verdict.checked))
        return 0
    return 1


def audit_checkpoint(args) -> int:
    from desk.private import write_private
    from desk.services import audit, auth

    store = open_from_args(args)
    try:
        actor = cli_actor(store, args)
        with store.uow() as uow:
            auth.require(uow, actor, auth.Permission.REPORTS, command="audit.checkpoint")
            cp = audit.write_checkpoint(uow, actor, "export" if args.export else "manual")
            if cp is not None:
                audit.record(uow, actor, "audit.checkpoint", entry=cp.entry_id, exported=bool(args.export))
    finally:
        store.dispose()
    if cp is None:
        print(t("audit.v.empty"))
        return 0
    if args.export:
        write_private(args.export, (cp.as_json() + "\n").encode())
    print(t("audit.v.checkpoint", id=cp.entry_id, head=cp.head[:16]))
    return 0


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
