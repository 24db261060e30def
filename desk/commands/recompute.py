"""``desk recompute [--kind KIND] [--dry-run] [--json]``: recompute the deadlines of every open case under
the rules of this program (after an upgrade that changed the law desk counts by, e.g. migration 0009 for
the law in force on 1 December 2026). Each case whose dates moved gets a history entry saying which, from
when to when, and why (desk.services.recompute)."""
from __future__ import annotations

import json

from desk.commands.common import add_command, open_from_args
from desk.i18n import tn

KINDS = ("asylum", "dublin", "permit", "visa", "invitation", "return")


def register(sub) -> None:
    p = add_command(sub, "recompute", recompute, "recompute the deadlines of open cases under the rules in force")
    p.add_argument("--kind", choices=KINDS, help="only cases of this kind")
    p.add_argument("--dry-run", action="store_true", help="say what would move, change nothing")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def recompute(args) -> int:
    from desk.services.recompute import recompute_open

    store = open_from_args(args)
    try:
        result = recompute_open(store, kind=args.kind, dry_run=args.dry_run)
    finally:
        store.dispose()
    if args.json:
        print(json.dumps({"cases": result.cases, "moved": result.moved, "by_rule": result.by_rule,
                          "dry_run": bool(args.dry_run)}, ensure_ascii=False, sort_keys=True))
        return 0
    print(tn("rules.recompute.cases", result.cases))
    print(tn("rules.recompute.dry_run" if args.dry_run else "rules.recompute.moved", result.moved))
    for rule_id, n in sorted(result.by_rule.items()):
        print(f"  {rule_id}\t{n}")
    return 0
