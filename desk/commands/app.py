"""Starting the app: ``desk`` (the default store), ``desk demo`` (the demo store), ``desk init``."""
from __future__ import annotations

import sys

from desk.commands.common import add_command, open_from_args, read_password
from desk.i18n import t


def register(sub) -> None:
    add_command(sub, "demo", run_demo, "build (once) and open the demo store, then start the app")
    p = add_command(sub, "init", run_init, "create a store and its first administrator")
    p.add_argument("--admin", default="admin", help="username of the first administrator (default admin)")
    p.add_argument("--name", default="Administrator", help="full name of the first administrator")
    p.add_argument("--office", default="RIG-CEN", help="office code of the first administrator")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add_command(sub, "run", run_app, "start the app on the store (the default command)")


def _log_to_file() -> None:
    """While the screen is up, log lines go to a file (never over the screen); no personal data is logged."""
    import logging
    from pathlib import Path

    from desk.incidents import log_dir
    from desk.private import open_private, private_dir

    folder = private_dir(log_dir())  # 0700, and the log file 0600 before the handler appends to it
    open_private(folder / "desk.log", "a").close()
    handler = logging.FileHandler(Path(folder) / "desk.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)


def run_app(args, *, demo: bool = False) -> int:
    from desk.store import open_store

    _log_to_file()

    store = open_store(getattr(args, "db", None), create=demo)
    from screens.app import DeskApp  # lazily: the command line stays light

    from desk.settings import settings_path

    DeskApp(store=store, demo=demo, settings_file=settings_path(), language_fixed=bool(getattr(args, "lang", None))).run()
    return 0


def run_demo(args) -> int:
    from seed.demo import demo_path, ensure_demo_store

    db = getattr(args, "db", None) or str(demo_path())
    ensure_demo_store(db, progress=lambda msg: print(msg, file=sys.stderr))
    args.db = db
    return run_app(args, demo=True)


def run_init(args) -> int:
    from desk.services import auth
    from seed.reference import load_reference

    store = open_from_args(args, create=True)
    with store.uow() as uow:
        load_reference(uow.session)
        if auth.has_officers(uow):
            print(t("cli.init_exists"), file=sys.stderr)
            return 1
    password = read_password("Password: ", stdin=args.password_stdin)
    if not args.password_stdin and sys.stdin.isatty():
        again = read_password("Password again: ")
        if again != password:
            print(t("auth.passwords_differ"), file=sys.stderr)
            return 2
    with store.uow() as uow:
        auth.create_officer(uow, None, username=args.admin, full_name=args.name, office_code=args.office,
                            roles="administrator", password=password, bootstrap=True)
    print(t("cli.init_done", url=store.url, username=args.admin))
    return 0
