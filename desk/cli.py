"""``desk`` on the command line. The only desk module that may import screens (lazily, to run the app).

``desk``            start the app on the default store
``desk demo``       build (once) and open the demo store
``desk init``       create a store and its first administrator
``desk <command>``  see ``desk --help``: subcommands live in desk/commands/, one module per area
"""
from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import pkgutil
import sys

from desk import collector, commands
from desk.commands.common import end_cli_sessions
from desk.errors import DomainError
from desk.i18n import LANGUAGES, set_language


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desk", description="The case officer's desk (PMLP).")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the screens and messages (default lv; "
                        "or DESK_LANG)")
    parser.add_argument("--db", metavar="PATH|URL", help="store file or database URL")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name == "common":
            continue
        module = importlib.import_module(f"desk.commands.{info.name}")
        module.register(sub)
    return parser


def _undecodable(value) -> bool:
    """Bytes that are not UTF-8 reach Python as lone surrogates (surrogateescape); nothing can store them."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, (list, tuple)):
        return any(_undecodable(v) for v in value)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    if any(_undecodable(v) for v in vars(args).values()) or _undecodable(os.environ.get("DESK_PASSWORD", "")):
        from desk.i18n import t

        print(f"desk: {t('cli.bad_encoding')}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler = getattr(args, "handler", None)
    if handler is None:
        from desk.commands.app import run_app

        handler = run_app
    try:
        return int(handler(args) or 0)
    except DomainError as exc:
        from desk.commands.common import fail

        return fail(exc)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a path that cannot be written or read (/proc/x.db, a full disk): the reason only
        from desk.i18n import t

        print(f"desk: {t('cli.file_error', reason=exc.strerror or exc.__class__.__name__)}", file=sys.stderr)
        return 2
    except Exception as exc:  # never a traceback: one sentence with an incident id, details without values
        sa_exc = sys.modules.get("sqlalchemy.exc")  # loaded only if the command opened a store (cold start)
        if sa_exc is not None and isinstance(exc, sa_exc.DBAPIError):  # the database refused: the kind only
            from desk.i18n import t

            logging.getLogger("desk").info("database error: %s", exc.__class__.__name__)
            print(f"desk: {t('store.unavailable')}", file=sys.stderr)
            return 2
        from desk import incidents

        incident = incidents.record(exc)
        print(f"desk: {incidents.sentence(incident)}", file=sys.stderr)
        return 1
    finally:
        end_cli_sessions()  # a command's login lasts as long as the command


def entry() -> int:
    """The ``desk`` program (``main`` is also called in-process, by the tests). The garbage collector is held
    off while the program loads (``desk.collector``: 120-140 ms of ``desk report`` went to collecting among
    the modules as they were imported). Once the command is done,
    the objects it made are frozen out of the garbage collector: the interpreter's last collections at
    exit walked everything SQLAlchemy, the models and the screens had made, 0.15-0.25 s after the work
    was done and the store closed (issue 17: ``desk report`` whole process within 1 s). Nothing is left
    unsaved by it: files are closed by the commands, logging and atexit handlers run as before."""
    collector.hold()  # until the command has its store (desk.collector)
    try:
        return main()
    finally:
        collector.settle()
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(entry())
