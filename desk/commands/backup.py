"""``desk backup PATH`` and ``desk restore PATH [--force]``: copies of an SQLite store.

See desk.services.backup for what is copied, what is checked before a restore, and the rule that
decides whether the current store is newer than a backup (then ``--force`` is needed).
"""
from __future__ import annotations

import sys

from desk.commands.common import add_command, add_officer_arguments, cli_actor, open_from_args
from desk.i18n import t


def register(sub) -> None:
    b = add_command(sub, "backup", backup_command,
                    "copy the store to PATH while officers work (SQLite; PostgreSQL: use pg_dump)")
    b.add_argument("path", metavar="PATH", help="the backup file to write")
    add_officer_arguments(b)
    r = add_command(sub, "restore", restore_command,
                    "replace the store by the backup at PATH after checking it; refuses to overwrite a newer "
                    "store without --force")
    r.add_argument("path", metavar="PATH", help="the backup file to restore")
    r.add_argument("--force", action="store_true", help="overwrite even a store newer than the backup")
    add_officer_arguments(r)


def backup_command(args) -> int:
    from desk.services import backup

    store = open_from_args(args)
    try:
        actor = cli_actor(store, args) if getattr(args, "officer", None) else None
        info = backup.backup(store, args.path, actor)
    finally:
        store.dispose()
    print(t("ops.backup_done", file=str(info.path), size=f"{info.bytes / 1_000_000:.1f}",
            entries=info.facts.audit_entries))
    return 0


def restore_command(args) -> int:
    from desk.services import backup
    from desk.store import is_sqlite, resolve_url

    url = resolve_url(getattr(args, "db", None))
    actor = None
    if getattr(args, "officer", None) and is_sqlite(url) and backup.target_facts(url) is not None:
        store = open_from_args(args)
        try:
            actor = cli_actor(store, args)
        finally:
            store.dispose()
    info = backup.restore(url, args.path, force=args.force, actor=actor)
    if info.overwrote_newer:
        print(t("ops.restore_forced"), file=sys.stderr)
    print(t("ops.restore_done", n=info.audit_checked))
    return 0
