"""What the subcommands share: opening the store, naming the officer, printing errors."""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from desk import collector
from desk.errors import AuthError, DomainError, ValidationError, explain
from desk.i18n import t


def common_options() -> argparse.ArgumentParser:
    """--db and --lang, accepted after the subcommand too (``desk demo --lang en``).

    SUPPRESS keeps a subcommand from overwriting a value given before it with None."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS,
                        help="store file or database URL (default: DESK_DATABASE_URL, then the user's data directory)")
    parent.add_argument("--lang", choices=("lv", "en"), default=argparse.SUPPRESS, help="language (default lv)")
    return parent


def add_command(sub, name: str, handler, help: str, **kwargs) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help, description=help, parents=[common_options()], **kwargs)
    parser.set_defaults(handler=handler)
    return parser


def add_officer_arguments(parser) -> None:
    parser.add_argument("--officer", metavar="USER", help="the officer doing this (password from the terminal "
                        "or DESK_PASSWORD)")


def open_from_args(args, *, create: bool = False):
    """The store named by --db / DESK_DATABASE_URL / the default; it must exist unless ``create``."""
    from desk.places import demo_store_path
    from desk.store import falls_back_to_demo, open_store

    db = getattr(args, "db", None)
    if not create and falls_back_to_demo(db):  # after `desk demo`, with no store of one's own: say so
        print(f"desk: {t('cli.using_demo_store', path=str(demo_store_path()))}", file=sys.stderr)
    store = open_store(db, create=create)
    collector.settle()  # what the command lives with is loaded: the collector on, without walking it
    return store


def read_password(prompt: str = "Password: ", *, stdin: bool = False) -> str:
    if stdin:
        return sys.stdin.readline().rstrip("\n")
    env = os.environ.get("DESK_PASSWORD")
    if env:
        return _decodable(env)
    if not sys.stdin.isatty():
        return _decodable(sys.stdin.readline().rstrip("\n"))
    return _decodable(getpass.getpass(prompt))


def _decodable(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("cli.bad_encoding") from None
    return text


_OPENED: list = []  # (store, actor) of the sessions this command opened; ended when it finishes


def cli_actor(store, args):
    """Log the named officer in (audited like a login on screen) and return the Actor; the session
    lasts as long as the command (``end_cli_sessions``, called by desk.cli.main)."""
    from desk.services import auth

    if not getattr(args, "officer", None):
        raise AuthError("auth.officer_required")
    password = read_password(f"{args.officer} password: ")
    with store.uow() as uow:
        actor = auth.login(uow, args.officer, password)
    _OPENED.append((store, actor))
    return actor


def end_cli_sessions() -> None:
    """End the sessions the command opened (a disposed store's engine reconnects for this)."""
    from desk.services import auth

    while _OPENED:
        store, actor = _OPENED.pop()
        try:
            with store.uow() as uow:
                auth.end_session(uow, actor, "command")  # no entry: the login's entry began the command
        except Exception:  # a store gone meanwhile (a restore replaced it): the session expires by itself
            pass
        finally:
            store.dispose()


def fail(exc: BaseException) -> int:
    print(f"desk: {explain(exc)}", file=sys.stderr)
    return 2 if isinstance(exc, DomainError) else 1


def run_as_officer(args, fn, /, *fn_args, write: bool = True, **fn_kwargs):
    """The store of ``args``, the ``--officer`` logged in, and ``fn(uow, actor, *fn_args, **fn_kwargs)`` in one
    unit of work (``Store.run``: retried whole on a deadlock, "the store is busy" past the wait; a reader
    when not ``write``); the store is closed afterwards."""
    store = open_from_args(args)
    try:
        actor = cli_actor(store, args)
        return store.run(fn, actor, *fn_args, write=write, **fn_kwargs)
    finally:
        store.dispose()
