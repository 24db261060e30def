"""``desk find QUERY [--json] [--limit N] [--show-codes]`` and ``desk reindex``.

``find`` prints what the search screen shows, for the same officer and role, audited the same way
("search" with the query text). Personal codes are masked unless ``--show-codes`` (recorded in the
same audit entry). ``reindex`` rebuilds the name index from the person table (the triggers keep it in
step; this is for a store restored from elsewhere or after an anyascii upgrade).
"""
from __future__ import annotations

import json

from desk.commands.common import add_command, add_officer_arguments, cli_actor, open_from_args
from desk.i18n import label, t, tn
from desk.services.labels import status_label


def register(sub) -> None:
    p = add_command(sub, "find", find, "find persons and cases by name, personal code, document or case number")
    p.add_argument("query", nargs="+", help="what to look for (words in any order; a date of birth narrows)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    p.add_argument("--show-codes", action="store_true", help="print whole personal codes (audited)")
    add_officer_arguments(p)
    add_command(sub, "reindex", reindex, "rebuild the search index of persons' names and each case's next due date")


def hit_record(hit) -> dict:
    return {
        "kind": hit.kind, "id": hit.id, "number": hit.number, "surname": hit.surname,
        "given_names": hit.given_names, "original_name": hit.original_name,
        "date_of_birth": hit.date_of_birth.isoformat() if hit.date_of_birth else None,
        "citizenship": hit.citizenship, "case_kind": hit.case_kind, "status": hit.status,
        "personal_code": hit.personal_code or hit.personal_code_masked or None,
        "person_id": hit.person_id, "score": hit.score,
    }


def hit_line(hit) -> str:
    born = hit.date_of_birth.strftime("%d.%m.%Y") if hit.date_of_birth else ""
    kind = label("kind", hit.case_kind) if hit.case_kind else ""
    status = status_label(hit.case_kind, hit.status) if hit.status else ""
    what = t(f"search.{hit.kind}")
    fields = [what, str(hit.id), hit.number or "", hit.surname, hit.given_names, hit.original_name or "", born,
              hit.citizenship, hit.personal_code or hit.personal_code_masked, kind, status]
    return "\t".join(fields)


def find(args) -> int:
    from desk.services.search import search

    store = open_from_args(args)
    try:
        actor = cli_actor(store, args)
        with store.uow() as uow:
            hits = search(uow, actor, " ".join(args.query), limit=args.limit, reveal_codes=args.show_codes)
    finally:
        store.dispose()
    if args.json:
        for hit in hits:
            print(json.dumps(hit_record(hit), ensure_ascii=False))
        return 0
    if not hits:
        print(t("search.cli.none"))
        return 1
    print(t("search.cli.header"))
    for hit in hits:
        print(hit_line(hit))
    return 0


def reindex(args) -> int:
    from desk.services import audit
    from desk.services.deadlines import store_next_due
    from desk.services.search import rebuild_index

    store = open_from_args(args)
    try:
        with store.uow() as uow:
            n = rebuild_index(uow)
            # the worklist's order too: each case's next due date from its stored deadline rows
            cases = store_next_due(uow.session)
            audit.record(uow, None, "search.reindex", persons=n, next_due_cases=cases)
    finally:
        store.dispose()
    print(tn("search.cli.reindexed", n))
    return 0
