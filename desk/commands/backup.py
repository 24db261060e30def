"""``desk backup PATH`` and ``desk restore PATH [--force]``: copies of an SQLite store.

See desk.services.backup for what is copied, what is checked before a restore, and the rule that
decides whether the current store is newer than a backup (then ``--force`` is needed).
"""
from __future__ import annotations

import sys

from desk.commands.common import add_command, add_officer_arguments, cli_actor, open_from_args, read_password
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
    r.add_argument("--other-store", action="store_true",
                   help="restore a backup of another store (another office's): audited")
    add_officer_arguments(r)


def backup_command(args) -> int:
    from desk.services import backup

    store = open_from_args(args)
    try:
        if not store.is_sqlite:  # before the login: the guidance (pg_dump) is for anyone
            raise backup.BackupError("ops.backup_postgresql")
        actor = cli_actor(store, args)  # a named officer with the backup permission, never "system"
        info = backup.backup(store, args.path, actor)
    finally:
        store.dispose()
    print(t("ops.backup_done", file=str(info.path), size=f"{info.bytes / 1_000_000:.1f}",
            entries=info.facts.audit_entries))
    return 0


def restore_command(args) -> int:
    from desk.errors import AuthError
    from desk.services import backup
    from desk.store import resolve_url

    if not getattr(args, "officer", None):
        raise AuthError("auth.officer_required")
    url = resolve_url(getattr(args, "db", None))
    password = read_password(f"{args.officer} password: ")
    info = backup.restore(url, args.path, args.officer, password, force=args.force, other_store=args.other_store)
    if info.overwrote_newer:
        print(t("ops.restore_forced"), file=sys.stderr)
    if info.replaced_file:
        print(t("ops.restore_replaced", n=info.replaced_entries, file=info.replaced_file), file=sys.stderr)
    print(t("ops.restore_done", n=info.audit_checked))
    return 0
