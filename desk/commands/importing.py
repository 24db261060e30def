"""``desk import FILE.jsonl --officer USER``: bulk import from register extracts, all or nothing.

The format is documented in docs/import-format.md (one example line per kind: docs/import-example.jsonl).
A bad line is reported with its line number and the reason; then nothing is saved (exit code 2).
Importing needs Permission.IMPORT (a supervisor) and the roles for every case kind in the file.
"""
from __future__ import annotations

import sys

from desk.commands.common import add_command, add_officer_arguments, cli_actor, open_from_args
from desk.i18n import t


def register(sub) -> None:
    p = add_command(sub, "import", import_command, "import cases from a JSON Lines file (one case per line; "
                    "all or nothing)")
    p.add_argument("file", metavar="FILE.jsonl")
    add_officer_arguments(p)


PROGRESS_EVERY = 100  # lines


def _progress(line: int, total: int) -> None:
    """A line on stderr every PROGRESS_EVERY lines: a long file shows it is moving (nothing is saved
    until the last line is in)."""
    if line % PROGRESS_EVERY == 0:
        print(t("import.progress", line=line, total=total), file=sys.stderr, flush=True)


def import_command(args) -> int:
    from desk.services import importer

    store = open_from_args(args)
    try:
        actor = cli_actor(store, args)
        try:
            result = importer.import_file(store, actor, args.file, progress=_progress)
        except importer.ImportFailed as failed:
            for error in failed.errors:
                print(f"desk: {error.message()}", file=sys.stderr)
            print(f"desk: {t('import.nothing_saved')}", file=sys.stderr)
            return 2
        print(t("import.done", cases=len(result.case_numbers), persons=result.persons_created, lines=result.lines))
        for number in result.case_numbers:
            print(number)
        return 0
    finally:
        store.dispose()
