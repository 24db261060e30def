"""``desk seed --persons N --db PATH``: a store of N persons with cases in PMLP's proportions (bulk load)."""
from __future__ import annotations

import sys

from desk.commands.common import add_command, open_from_args
from desk.i18n import t

MAX_PERSONS = 10_000_000
MAX_YEARS = 100  # dates before 1926 would leave the calendar the rules are written for


def register(sub) -> None:
    p = add_command(sub, "seed", run_seed, "build a store of N persons with cases in proportion to PMLP's "
                    "yearly volumes (bulk load; progress on stderr)")
    p.add_argument("--persons", type=int, required=True, metavar="N", help="how many persons (1000000 = ten "
                   "years of PMLP's work)")
    p.add_argument("--years", type=int, default=10, help="spread the cases over this many years up to today "
                   "(default 10)")
    p.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data (default 1)")


def run_seed(args) -> int:
    from seed.scale import build

    if not 1 <= args.persons <= MAX_PERSONS or not 1 <= args.years <= MAX_YEARS:
        print(f"desk: {t('cli.seed_range', persons=MAX_PERSONS, years=MAX_YEARS)}", file=sys.stderr)
        return 2
    store = open_from_args(args, create=True)  # seed builds a store, like desk init
    try:
        report = build(store, persons=args.persons, years=args.years, seed=args.seed,
                       progress=lambda msg: print(msg, file=sys.stderr, flush=True))
    finally:
        store.dispose()
    for kind, n in sorted(report.cases.items()):
        print(f"{kind:<12} {n:>9,}")
    print(f"{'persons':<12} {report.persons:>9,}")
    print(f"{'deadlines':<12} {report.deadlines:>9,}")
    return 0
