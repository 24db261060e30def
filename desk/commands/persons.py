"""``desk persons merge|unmerge|duplicates``: two records of one person become one (issue 19).

``merge DUPLICATE SURVIVOR --reason R`` moves the duplicate's cases, documents, stays and invitations to the
survivor (a supervisor; audited with who, what and why); ``unmerge MERGE_ID`` undoes it while neither record
changed since; ``duplicates [--office CODE] [--csv FILE]`` lists the probable duplicate pairs, scored (personal
codes masked; document numbers are not printed).
"""
from __future__ import annotations

from desk.commands.common import add_command, add_officer_arguments, run_as_officer
from desk.errors import ValidationError
from desk.i18n import t


def register(sub) -> None:
    p = sub.add_parser("persons", help="merge two records of one person; the probable duplicates")
    actions = p.add_subparsers(dest="persons_command", metavar="ACTION", required=True)
    merge = add_command(actions, "merge", persons_merge, "merge a duplicate record into the surviving one")
    merge.add_argument("duplicate", type=int, help="the duplicate record's person id")
    merge.add_argument("survivor", type=int, help="the surviving record's person id")
    merge.add_argument("--reason", required=True, help="same_document, same_personal_code, same_name_and_birth, "
                                                       "confirmed_by_documents or other")
    add_officer_arguments(merge)
    unmerge = add_command(actions, "unmerge", persons_unmerge, "undo a merge while neither record changed since")
    unmerge.add_argument("merge_id", type=int, help="the merge's number (printed by merge)")
    add_officer_arguments(unmerge)
    dups = add_command(actions, "duplicates", persons_duplicates, "the probable duplicate pairs, best first")
    dups.add_argument("--office", help="only the persons with a case in this office (code)")
    dups.add_argument("--csv", metavar="FILE", help="write the pairs to FILE (semicolon CSV, owner-only)")
    add_officer_arguments(dups)


def persons_merge(args) -> int:
    from desk.services import merge

    result = run_as_officer(args, merge.merge_persons, args.duplicate, args.survivor, args.reason)
    print(t("merge.cli.merged", merge_id=result.merge_id, duplicate=result.duplicate_id, survivor=result.survivor_id,
            cases=result.cases, documents=result.documents, stays=result.stays))
    return 0


def persons_unmerge(args) -> int:
    from desk.services import merge

    result = run_as_officer(args, merge.unmerge_persons, args.merge_id)
    print(t("merge.cli.unmerged", merge_id=result.merge_id, duplicate=result.duplicate_id,
            survivor=result.survivor_id))
    return 0


def _office_id(uow, code: str | None) -> int | None:
    if not code:
        return None
    from sqlmodel import select

    from models import Office

    found = uow.session.exec(select(Office.id).where(Office.code == code.strip().upper())).first()
    if found is None:
        raise ValidationError("error.unknown_office", field="office", code=code[:20])
    return found


def persons_duplicates(args) -> int:
    from desk.services import merge

    if args.csv:
        def export(uow, actor):
            return merge.export_duplicates(uow, actor, args.csv, office_id=_office_id(uow, args.office))

        written = run_as_officer(args, export)
        print(t("merge.cli.written", n=written.pairs, path=written.path))
        return 0

    def pairs(uow, actor):
        return merge.duplicate_pairs(uow, actor, office_id=_office_id(uow, args.office))

    found = run_as_officer(args, pairs)
    for p in found:
        print(f"{p.score:>3}  {p.first.id} {p.first.full_name} ({_day(p.first.date_of_birth)})  ~  "
              f"{p.second.id} {p.second.full_name} ({_day(p.second.date_of_birth)})  [{','.join(p.reasons)}]")
    print(t("merge.cli.pairs", n=len(found)))
    return 0


def _day(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""
