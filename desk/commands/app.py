"""Starting the app: ``desk`` (the default store), ``desk demo`` (the demo store), ``desk init``."""
from __future__ import annotations

import sys

from desk.commands.common import add_command, open_from_args, read_password
from desk.i18n import t


def register(sub) -> None:
    p = add_command(sub, "demo", run_demo, "build (once) and open the demo store, then start the app")
    p.add_argument("--reset", action="store_true", help="throw the demo store away and build it anew")
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


def run_app(args, *, demo: bool = False, opener=None) -> int:
    """The app's first screen is drawn at once; the store is opened behind it by ``opener(progress)``
    (issue 17: SQLAlchemy, the models and the migrations are loaded while the officer types). A store that
    cannot be opened ends the app, and the reason is printed here as for every other command."""
    _log_to_file()
    db = getattr(args, "db", None)

    def open_given(progress):
        from desk.store import open_store

        progress("demo.step.opening", 0.0)
        return open_store(db, create=False)

    from screens.app import DeskApp  # lazily: the command line stays light

    from desk.settings import settings_path

    app = DeskApp(opener=opener or open_given, demo=demo, settings_file=settings_path(),
                  language_fixed=bool(getattr(args, "lang", None)))
    app.run()
    if app.store_error is not None:
        raise app.store_error
    return 0


def run_demo(args) -> int:
    """The demo store (built on first use, behind the login screen's progress bar; ``--reset`` anew)."""
    from seed.accounts import demo_path

    db = getattr(args, "db", None) or str(demo_path())
    reset = bool(getattr(args, "reset", False))

    def open_demo(progress):
        from seed.demo import ensure_demo_store

        return ensure_demo_store(db, progress, reset=reset)

    args.db = db
    return run_app(args, demo=True, opener=open_demo)


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
