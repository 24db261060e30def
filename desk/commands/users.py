"""``desk user ...``: officer administration (administrators), one's own password, and the second
person's confirmation of a supervisor grant (``desk user confirm-grant ID``)."""
from __future__ import annotations

import sys

from desk.commands.common import (add_command, add_officer_arguments, cli_actor, open_from_args, read_password,
                                  run_as_officer)
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
    en = add_command(users, "enable", user_enable, "let a disabled officer log in again")
    en.add_argument("username")
    add_officer_arguments(en)
    ul = add_command(users, "unlock", user_unlock, "clear an officer's lockout (five wrong passwords lock for "
                     "15 minutes)")
    ul.add_argument("username")
    add_officer_arguments(ul)
    ls = add_command(users, "list", user_list, "list officers")
    add_officer_arguments(ls)
    cp = add_command(users, "change-password", user_change_password,
                     "choose a new password (required after an administrator's reset): the current one from "
                     "DESK_PASSWORD or the terminal, the new one from the terminal or --password-stdin")
    cp.add_argument("--password-stdin", action="store_true", help="read the new password from stdin")
    add_officer_arguments(cp)
    g = add_command(users, "grant", user_grant, "give an officer a role (supervisor waits for a second "
                    "administrator's or a supervisor's confirmation)")
    g.add_argument("username")
    g.add_argument("role")
    add_officer_arguments(g)
    rv = add_command(users, "revoke", user_revoke, "take a role from an officer")
    rv.add_argument("username")
    rv.add_argument("role")
    add_officer_arguments(rv)
    gs = add_command(users, "grants", user_grants, "list the role grants waiting for confirmation")
    add_officer_arguments(gs)
    cg = add_command(users, "confirm-grant", user_confirm_grant,
                     "confirm a waiting role grant (another administrator than the one who asked, or a supervisor)")
    cg.add_argument("grant_id", type=int, metavar="ID")
    add_officer_arguments(cg)
    es = add_command(users, "end-sessions", user_end_sessions, "end an officer's open sessions (a terminal left "
                     "logged in, before a restore)")
    es.add_argument("username")
    add_officer_arguments(es)


def _new_password(args, username: str | None = None) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    return getpass.getpass(t("cli.new_password", username=username or args.username))


def user_add(args) -> int:
    from desk.services import auth

    store = open_from_args(args)
    actor = cli_actor(store, args)
    password = _new_password(args)
    with store.uow() as uow:
        auth.create_officer(uow, actor, username=args.username, full_name=args.name, office_code=args.office,
                            roles=args.roles, password=password)
    print(t("cli.user_added", username=args.username))
    print(t("cli.password_must_change", username=args.username), file=sys.stderr)
    if "supervisor" in args.roles:
        print(t("cli.grant_waiting_list"), file=sys.stderr)
    return 0


def user_passwd(args) -> int:
    from desk.services import auth

    store = open_from_args(args)
    actor = cli_actor(store, args)
    password = _new_password(args)
    with store.uow() as uow:
        auth.set_password(uow, actor, args.username, password)
    print(t("cli.password_set", username=args.username))
    if actor.username != args.username:
        print(t("cli.password_must_change", username=args.username), file=sys.stderr)
    return 0


def user_change_password(args) -> int:
    from desk.errors import AuthError
    from desk.services import auth

    if not args.officer:
        raise AuthError("auth.officer_required")
    store = open_from_args(args)
    try:
        old = read_password(f"{args.officer} password: ")
        new = _new_password(args, args.officer)
        with store.uow() as uow:
            actor = auth.change_password(uow, args.officer, old, new)
        with store.uow() as uow:
            auth.end_session(uow, actor, "command")
    finally:
        store.dispose()
    print(t("cli.password_changed", username=args.officer))
    return 0


def user_grant(args) -> int:
    from desk.services import auth

    grant_id = run_as_officer(args, auth.grant_role, args.username, args.role)
    if grant_id is None:
        print(t("cli.role_granted", username=args.username, role=args.role))
    else:
        print(t("cli.grant_waiting", username=args.username, role=args.role, id=grant_id))
    return 0


def user_revoke(args) -> int:
    from desk.services import auth

    run_as_officer(args, auth.revoke_role, args.username, args.role)
    print(t("cli.role_revoked", username=args.username, role=args.role))
    return 0


def user_grants(args) -> int:
    from desk.services import auth

    rows = run_as_officer(args, auth.pending_grants, write=False)
    for g in rows:
        print(f"{g.id:>5} {g.username:<16} {g.role:<12} {g.requested_by:<16} {g.requested_at:%Y-%m-%d %H:%M}")
    return 0


def user_confirm_grant(args) -> int:
    from desk.services import auth

    username = run_as_officer(args, auth.confirm_grant, args.grant_id)
    print(t("cli.grant_confirmed", id=args.grant_id, username=username))
    return 0


def user_end_sessions(args) -> int:
    from desk.services import auth

    n = run_as_officer(args, auth.end_sessions, args.username)
    print(t("cli.sessions_ended", username=args.username, n=n))
    return 0


def user_disable(args) -> int:
    from desk.services import auth

    run_as_officer(args, auth.disable_officer, args.username)
    print(t("cli.user_disabled", username=args.username))
    return 0


def user_enable(args) -> int:
    from desk.services import auth

    run_as_officer(args, auth.enable_officer, args.username)
    print(t("cli.user_enabled", username=args.username))
    return 0


def user_unlock(args) -> int:
    from desk.services import auth

    locked = run_as_officer(args, auth.clear_lockout, args.username)
    print(t("cli.lockout_cleared" if locked else "cli.not_locked", username=args.username))
    return 0


def user_list(args) -> int:
    from desk.services import auth

    rows = run_as_officer(args, auth.list_officers)
    for o in rows:
        state = "" if o.active else f" ({t('cli.disabled')})"
        print(f"{o.username:<16} {o.office_code:<8} {','.join(o.roles):<30} {o.full_name}{state}")
    return 0
