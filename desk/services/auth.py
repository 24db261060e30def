"""Officers, login, lockout, roles and permissions - enforced here, in the services, not in screens.

Passwords are hashed with argon2id (argon2-cffi) and never stored or logged in clear. Five wrong
passwords in a row lock the account for 15 minutes. A refused action raises ``PermissionDenied`` and is
written to the audit trail in a transaction of its own (the refused one is rolled back).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import or_, update
from sqlmodel import select

from desk.errors import AuthError, NotFound, PermissionDenied, ValidationError
from desk.services import audit
from desk.text import has_control_characters
from models import CaseKind, Office, Officer

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
MAX_USERNAME = 40    # models.Officer.username
MAX_FULL_NAME = 120  # models.Officer.full_name

import os

# argon2id with RFC 9106's low-memory profile (argon2-cffi's defaults). The test suite sets
# DESK_FAST_HASH=1 for a cheaper argon2id (same algorithm, smaller cost) so it stays quick.
_hasher = (PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
           if os.environ.get("DESK_FAST_HASH") == "1" else PasswordHasher())


class Role(StrEnum):
    RECEPTION = "reception"        # persons, invitations and calls
    RESIDENCE = "residence"        # residence permits, visas
    ASYLUM = "asylum"              # asylum applications, Dublin
    RETURN = "return"              # return decisions, entry bans
    SUPERVISOR = "supervisor"      # everything, reassignment, reports
    ADMINISTRATOR = "administrator"  # officers; no case data


class Permission(StrEnum):
    VIEW_PERSONS = "persons.view"
    EDIT_PERSONS = "persons.edit"
    REASSIGN = "cases.reassign"
    REPORTS = "reports"
    MANAGE_OFFICERS = "officers.manage"
    IMPORT = "import"
    MERGE_PERSONS = "persons.merge"  # two records of one person become one (issue 19 point 3)


CASE_KINDS_BY_ROLE: dict[Role, frozenset[str]] = {
    Role.RECEPTION: frozenset({CaseKind.INVITATION}),
    Role.RESIDENCE: frozenset({CaseKind.PERMIT, CaseKind.VISA}),
    Role.ASYLUM: frozenset({CaseKind.ASYLUM, CaseKind.DUBLIN}),
    Role.RETURN: frozenset({CaseKind.RETURN}),
    Role.SUPERVISOR: frozenset(CaseKind),
    Role.ADMINISTRATOR: frozenset(),
}
CASE_ROLES = frozenset({Role.RECEPTION, Role.RESIDENCE, Role.ASYLUM, Role.RETURN, Role.SUPERVISOR})
PERMISSIONS_BY_ROLE: dict[Role, frozenset[Permission]] = {
    Role.RECEPTION: frozenset({Permission.VIEW_PERSONS, Permission.EDIT_PERSONS}),
    Role.RESIDENCE: frozenset({Permission.VIEW_PERSONS, Permission.EDIT_PERSONS}),
    Role.ASYLUM: frozenset({Permission.VIEW_PERSONS, Permission.EDIT_PERSONS}),
    Role.RETURN: frozenset({Permission.VIEW_PERSONS, Permission.EDIT_PERSONS}),
    Role.SUPERVISOR: frozenset({Permission.VIEW_PERSONS, Permission.EDIT_PERSONS, Permission.REASSIGN,
                                Permission.REPORTS, Permission.IMPORT, Permission.MERGE_PERSONS}),
    Role.ADMINISTRATOR: frozenset({Permission.MANAGE_OFFICERS}),
}


@dataclass(frozen=True)
class Actor:
    """The logged-in officer as the services see them."""

    id: int
    username: str
    full_name: str
    office_id: int
    office_code: str
    roles: frozenset[str]

    @property
    def case_kinds(self) -> frozenset[str]:
        return _case_kinds(self.roles)

    def can(self, permission: Permission) -> bool:
        return permission in _permissions(self.roles)

    def can_work_on(self, kind: str) -> bool:
        return kind in self.case_kinds


@lru_cache(maxsize=64)
def _case_kinds(roles: frozenset[str]) -> frozenset[str]:
    """The case kinds a set of roles works on (asked on every lookup; the answer never changes)."""
    kinds: set[str] = set()
    for role in roles:
        kinds |= CASE_KINDS_BY_ROLE.get(Role(role), frozenset())
    return frozenset(kinds)


@lru_cache(maxsize=64)
def _permissions(roles: frozenset[str]) -> frozenset[Permission]:
    return frozenset(p for r in roles for p in PERMISSIONS_BY_ROLE.get(Role(r), ()))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def parse_roles(roles) -> frozenset[str]:
    if isinstance(roles, str):
        roles = [r for r in roles.replace(" ", "").split(",") if r]
    out = set()
    for r in roles:
        try:
            out.add(Role(r).value)
        except ValueError:
            raise ValidationError("auth.unknown_role", field="roles", role=r) from None
    if not out:
        raise ValidationError("auth.no_role", field="roles")
    return frozenset(out)


def actor_of(uow, officer: Officer) -> Actor:
    office = uow.session.get(Office, officer.office_id)
    return Actor(officer.id, officer.username, officer.full_name, officer.office_id,
                 office.code if office else "", parse_roles(officer.roles))


def _audit_refusal(uow, actor: Actor | None, what: str, /, **detail):
    """Queue an audit entry that survives the rollback of the refused transaction."""
    def hook(again):
        audit.record(again, actor, "refused", **{**detail, "what": what})
    uow.after_rollback.append(hook)


def require(uow, actor: Actor | None, permission: Permission, /, **detail) -> None:
    if actor is None or not actor.can(permission):
        _audit_refusal(uow, actor, str(permission), **detail)
        raise PermissionDenied(what=str(permission))


def require_kind(uow, actor: Actor | None, kind: str, /, **detail) -> None:
    if actor is None or not actor.can_work_on(kind):
        _audit_refusal(uow, actor, f"case.{kind}", **detail)
        raise PermissionDenied("error.permission_denied_kind", kind=str(kind))


# --- login -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash("desk: no such officer")


def typed_username_tag(typed: str) -> str:
    """What the audit keeps of a username that matched no active officer: a keyed hash (the same typing
    gives the same tag), never the text - it may be a password typed in the wrong field."""
    from desk.keys import keyed_hash

    return keyed_hash("login.username", typed)


def _locked_minutes(uow, officer_id: int, now) -> int:
    until = uow.session.execute(select(Officer.locked_until).where(Officer.id == officer_id)).scalar()
    return max(1, math.ceil((until - now).total_seconds() / 60)) if until and until > now else 1


def _reserve_attempt(uow, officer_id: int, now) -> int | None:
    """Count this attempt BEFORE the password is checked, atomically and committed at once, so that
    any number of processes together check at most MAX_FAILED_LOGINS passwords per lockout: the
    UPDATE takes the row's lock (PostgreSQL) or the store's write lock (SQLite), and the new count
    comes back from the same statement. None: the account is locked."""
    n = uow.session.execute(
        update(Officer)
        .where(Officer.id == officer_id, or_(Officer.locked_until.is_(None), Officer.locked_until <= now))
        .values(failed_logins=Officer.failed_logins + 1)
        .returning(Officer.failed_logins)
    ).scalar()
    uow.session.commit()  # the attempt counts whatever happens next; login is the first thing in its unit
    return n


def _lock(uow, officer_id: int, now) -> None:
    uow.session.execute(update(Officer).where(Officer.id == officer_id)
                        .values(failed_logins=0, locked_until=now + LOCKOUT))


def login(uow, username: str, password: str) -> Actor:
    """Check the password; lock after five wrong ones, across every process (see ``_reserve_attempt``).

    An unknown or disabled officer costs the same argon2 check as a known one and gets the same
    message; the audit keeps a keyed hash of what was typed, never the text. Failures are recorded
    even though the caller's transaction is rolled back by the AuthError (after-rollback hooks)."""
    now = uow.clock.now()
    if not isinstance(username, str) or not isinstance(password, str) or not username or len(username) > 40:
        verify_password(_dummy_hash(), "")
        raise AuthError("auth.bad_credentials")
    officer = uow.session.exec(select(Officer).where(Officer.username == username)).first()
    if officer is None or not officer.active:
        verify_password(_dummy_hash(), password)  # the same time as a wrong password for a known officer
        tag = typed_username_tag(username)
        uow.after_rollback.append(lambda again: audit.record(again, None, "auth.failed", typed=tag))
        raise AuthError("auth.bad_credentials")
    officer_id, officer_name = officer.id, officer.username
    attempt = _reserve_attempt(uow, officer_id, now)
    if attempt is None:
        raise AuthError("auth.locked", minutes=_locked_minutes(uow, officer_id, now))
    if attempt > MAX_FAILED_LOGINS:  # others used up the five while this one waited: no check at all
        _lock(uow, officer_id, now)
        uow.session.commit()
        raise AuthError("auth.locked", minutes=_locked_minutes(uow, officer_id, now))
    if not verify_password(officer.password_hash, password):
        locked = attempt >= MAX_FAILED_LOGINS

        def count_failure(again):
            if locked:
                _lock(again, officer_id, again.clock.now())
            audit.record(again, None, "auth.locked" if locked else "auth.failed", officer=officer_name)

        uow.after_rollback.append(count_failure)
        raise AuthError("auth.bad_credentials")
    uow.session.execute(update(Officer).where(Officer.id == officer_id).values(failed_logins=0, locked_until=None))
    officer = uow.session.get(Officer, officer_id)
    actor = actor_of(uow, officer)
    audit.record(uow, actor, "auth.login")
    return actor


def verify_unlock(uow, actor: Actor, password: str) -> None:
    """Unlock the screen: only the same officer's password; failures count toward the lockout."""
    officer = uow.session.get(Officer, actor.id)
    if officer is None:
        raise AuthError("auth.bad_credentials")
    login(uow, officer.username, password)  # same counting and lockout as a login
    audit.record(uow, actor, "auth.unlock")


def logout(uow, actor: Actor) -> None:
    """The end of a shift: recorded, and the chain's head signed (an audit checkpoint)."""
    audit.record(uow, actor, "auth.logout")
    audit.write_checkpoint(uow, actor, "shift_end")


def record_lock(uow, actor: Actor, reason: str) -> None:
    audit.record(uow, actor, "auth.lock", reason=reason)


# --- officer administration ----------------------------------------------------------------------

@dataclass(frozen=True)
class OfficerView:
    id: int
    username: str
    full_name: str
    office_code: str
    roles: tuple[str, ...]
    active: bool


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("auth.password_too_short", field="password", n=MIN_PASSWORD_LENGTH)


def create_officer(uow, actor: Actor | None, *, username: str, full_name: str, office_code: str,
                   roles, password: str, bootstrap: bool = False) -> int:
    """Add an officer. Only an administrator may, except ``bootstrap`` (``desk init``'s first admin)."""
    if not bootstrap:
        require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    username = (username or "").strip().lower()
    if not username or not username.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise ValidationError("auth.bad_username", field="username")
    if len(username) > MAX_USERNAME:  # the column's length: PostgreSQL refuses more, SQLite would keep it
        raise ValidationError("error.too_long", field="username", n=MAX_USERNAME)
    if not (full_name or "").strip():
        raise ValidationError("error.required", field="full_name")
    if len(full_name.strip()) > MAX_FULL_NAME:
        raise ValidationError("error.too_long", field="full_name", n=MAX_FULL_NAME)
    if has_control_characters(full_name):
        raise ValidationError("error.bad_characters", field="full_name")
    role_set = parse_roles(roles)
    _check_password(password)
    office = uow.session.exec(select(Office).where(Office.code == office_code)).first()
    if office is None:
        raise NotFound("error.unknown_office", field="office", code=office_code)
    if uow.session.exec(select(Officer).where(Officer.username == username)).first():
        raise ValidationError("auth.username_taken", field="username", username=username)
    officer = Officer(username=username, full_name=full_name.strip(), office_id=office.id,
                      roles=",".join(sorted(role_set)), password_hash=hash_password(password))
    uow.session.add(officer)
    uow.session.flush()
    audit.record(uow, actor, "officer.create", officer=username, office=office_code, roles=sorted(role_set))
    return officer.id


def _officer_by_name(uow, username: str) -> Officer:
    officer = uow.session.exec(select(Officer).where(Officer.username == username)).first()
    if officer is None:
        raise NotFound("auth.unknown_officer", username=username)
    return officer


def set_password(uow, actor: Actor, username: str, password: str) -> None:
    if actor.username != username:
        require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    _check_password(password)
    officer = _officer_by_name(uow, username)
    officer.password_hash = hash_password(password)
    officer.failed_logins = 0
    officer.locked_until = None
    uow.session.add(officer)
    audit.record(uow, actor, "officer.password", officer=username)


def disable_officer(uow, actor: Actor, username: str) -> None:
    require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    officer = _officer_by_name(uow, username)
    officer.active = False
    uow.session.add(officer)
    audit.record(uow, actor, "officer.disable", officer=username)


def list_officers(uow, actor: Actor | None = None, *, office_id: int | None = None) -> list[OfficerView]:
    q = select(Officer, Office).join(Office, Office.id == Officer.office_id).order_by(Officer.username)
    if office_id is not None:
        q = q.where(Officer.office_id == office_id)
    return [OfficerView(o.id, o.username, o.full_name, f.code, tuple(sorted(parse_roles(o.roles))), o.active)
            for o, f in uow.session.exec(q).all()]


def has_officers(uow) -> bool:
    return uow.session.exec(select(Officer.id).limit(1)).first() is not None
