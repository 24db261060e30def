"""``desk user add|passwd|disable|list``: officer administration (administrators only)."""
from __future__ import annotations

import sys

from desk.commands.common import add_command, add_officer_arguments, cli_actor, open_from_args
from desk.i18n import t


def register(sub) -> None:
    p = sub.add_parser("user", help="manage officers (administrators)")
    users = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    a = add_command(users, "add", user_add, "add an officer")
    a.add_argument("username")
    a.add_argument("--name", required=True, help="full name")
    a.add_argument("--office", required=True, help="office code, e.g. RIG-CEN")
    a.add_argument("--roles", required=True, help="comma-separated: reception,residence,asylum,return,supervisor,administrator")
    a.add_argument("--password-stdin", action="store_true", help="read the new officer's password from stdin")
    add_officer_arguments(a)
    pw = add_command(users, "passwd", user_passwd, "set an officer's password")
    pw.add_argument("username")
    pw.add_argument("--password-stdin", action="store_true")
    add_officer_arguments(pw)
    d = add_command(users, "disable", user_disable, "disable an officer")
    d.add_argument("username")
    add_officer_arguments(d)
    ls = add_command(users, "list", user_list, "list officers")
    add_officer_arguments(ls)


def _new_password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    return getpass.getpass(t("cli.new_password", username=args.username))


def user_add(args) -> int:
    from desk.services import auth

    store = open_from_args(args)
    actor = cli_actor(store, args)
    password = _new_password(args)
    with store.uow() as uow:
        auth.create_officer(uow, actor, username=args.username, full_name=args.name, office_code=args.office,
                            roles=args.roles, password=password)
    print(t("cli.user_added", username=args.username))
    return 0


def user_passwd(args) -> int:
    from desk.services import auth

    store = open_from_args(args)
    actor = cli_actor(store, args)
    password = _new_password(args)
    with store.uow() as uow:
        auth.set_password(uow, actor, args.username, password)
    print(t("cli.password_set", username=args.username))
    return 0


def user_disable(args) -> int:
    from desk.services import auth

    store = open_from_args(args)
    actor = cli_actor(store, args)
    with store.uow() as uow:
        auth.disable_officer(uow, actor, args.username)
    print(t("cli.user_disabled", username=args.username))
    return 0


def user_list(args) -> int:
    from desk.services import auth

    store = open_from_args(args)
    actor = cli_actor(store, args)
    with store.uow() as uow:
        auth.require(uow, actor, auth.Permission.MANAGE_OFFICERS)
        rows = auth.list_officers(uow, actor)
    for o in rows:
        state = "" if o.active else f" ({t('cli.disabled')})"
        print(f"{o.username:<16} {o.office_code:<8} {','.join(o.roles):<30} {o.full_name}{state}")
    return 0
