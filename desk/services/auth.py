"""Officers, login, lockout, roles and permissions - enforced here, in the services, not in screens.

Passwords are hashed with argon2id (argon2-cffi) and never stored or logged in clear. Five wrong
passwords in a row lock the account for 15 minutes. A refused action raises ``PermissionDenied`` and is
written to the audit trail in a transaction of its own (the refused one is rolled back).
"""
from __future__ import annotations

import hashlib
import math
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import or_, update
from sqlmodel import select

from desk import clock as desk_clock
from desk.errors import AuthError, NotFound, PermissionDenied, ValidationError
from desk.keys import keyed_hash
from desk.services import audit
from desk.text import has_control_characters
from models import CaseKind, Office, Officer, OfficerSession, RoleGrant

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
MAX_USERNAME = 40    # models.Officer.username
MAX_FULL_NAME = 120  # models.Officer.full_name
SESSION_LIFETIME = timedelta(hours=12)  # one shift: a login is good for this long at most
LAST_SEEN_EVERY = timedelta(minutes=1)  # a session's last_seen_at is written at most this often

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
    BACKUP = "store.backup"  # backups and restores (the administrator's operations duty)


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
    Role.ADMINISTRATOR: frozenset({Permission.MANAGE_OFFICERS, Permission.BACKUP}),  # no case data
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
    # the session's token (only its SHA-256 is stored): what proves this is the officer who logged in.
    # An Actor built by hand has none, or one no session row knows, and every service refuses it.
    token: str = field(default="", repr=False, compare=False)

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


class SessionEnded(AuthError):
    """The Actor's session is not live (never issued, logged out, expired, or its officer changed)."""

    key = "auth.session_ended"


def _actor_of(uow, officer: Officer, token: str) -> Actor:
    office = uow.session.get(Office, officer.office_id)
    return Actor(officer.id, officer.username, officer.full_name, officer.office_id,
                 office.code if office else "", parse_roles(officer.roles), token)


# The token's digest and an officer's roles are asked on every call a session makes (``_session_problem``:
# every lookup as the officer types), always of the same few strings: each is answered once (issue 17: a
# personal code's whole lookup is some 35 microseconds, and they were a tenth of it). The password hash's
# digest is not kept: the hashes would stay in the process's memory.
@lru_cache(maxsize=256)
def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _credential(password_hash: str) -> str:
    """What a session remembers of the password it was opened with: a digest of its hash, so a reset
    (a new hash) ends the session; the hash itself is not copied."""
    return hashlib.sha256(password_hash.encode()).hexdigest()


def _roles_text(roles) -> str:
    return ",".join(sorted(parse_roles(roles)))


@lru_cache(maxsize=256)
def _stored_roles(text: str) -> str | None:
    """An officer's roles as a session stores them; None for a roles column nobody could have granted."""
    try:
        return _roles_text(text or "")
    except ValidationError:
        return None


def _utc(value) -> datetime | None:
    """A datetime read by plain SQL: SQLite gives ISO text, PostgreSQL an aware datetime."""
    if value is None or isinstance(value, datetime):
        return value if value is None or value.tzinfo else value.replace(tzinfo=timezone.utc)
    return _utc_text(str(value))


@lru_cache(maxsize=512)
def _utc_text(value: str) -> datetime:
    """SQLite's ISO text of a session's times, parsed once: the same expiry and last-seen strings are read
    on every lookup the session makes (datetimes are immutable, so one can be shared)."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


@lru_cache(maxsize=64)
def _roles_key(roles: frozenset[str]) -> str:
    """An Actor's roles as its session row stores them (asked on every call a session makes)."""
    return ",".join(sorted(map(str, roles)))


_SESSION_SQL = (
    "SELECT s.id, s.officer_id, s.roles, s.credential, s.expires_at, s.ended_at, s.last_seen_at, "
    "o.active, o.roles, o.password_hash FROM officer_session s JOIN officer o ON o.id = s.officer_id "
    "WHERE s.token_hash = ?"
)


def _session_problem(source, actor: Actor, now: datetime) -> tuple[str | None, int | None, datetime | None]:
    """(what is wrong with ``actor``'s session or None, the session's id, its last_seen_at): one lookup
    on the token's unique index, joined to the officer by primary key."""
    if not actor.token:
        return "auth.session_invalid", None, None
    rows = source.rows(_SESSION_SQL, (_token_hash(actor.token),))
    if not rows:
        return "auth.session_invalid", None, None
    sid, officer_id, roles, credential, expires_at, ended_at, last_seen, active, officer_roles, pw_hash = rows[0]
    if officer_id != actor.id or roles != _roles_key(frozenset(actor.roles or ())):
        return "auth.session_invalid", sid, None  # a token of one officer under another's name or roles
    if ended_at is not None:
        return "auth.session_ended", sid, None
    if _utc(expires_at) <= now:
        return "auth.session_expired", sid, None
    if not active or credential != _credential(pw_hash) or _stored_roles(officer_roles) != roles:
        return "auth.session_revoked", sid, None  # disabled, password reset, roles changed since login
    return None, sid, _utc(last_seen)


def ensure_live(source, actor: Actor | None) -> None:
    """Refuse a call whose Actor has no live session (see ``_session_problem``), with a clear message.

    ``source`` is a unit of work or a ``store.lookup()``. A unit of work checks a token once (later calls
    in the same transaction are free) and, if it writes anyway, notes when the session was last seen."""
    if actor is None:
        raise PermissionDenied()
    verified = getattr(source, "verified_tokens", None)
    if verified is not None and actor.token in verified:
        return
    clock = getattr(source, "clock", None)  # a lookup has none: the process's clock, as a unit of work's
    now = clock.now() if clock is not None else desk_clock.now()
    problem, sid, last_seen = _session_problem(source, actor, now)
    if problem is not None:
        hooks = getattr(source, "after_rollback", None)
        if hooks is not None:  # a unit of work: the refusal is audited once the refused call is undone
            claimed = actor.id
            hooks.append(lambda again: audit.record(again, None, "auth.session_refused", reason=problem,
                                                    claimed_officer_id=claimed))
        raise SessionEnded(problem)
    if getattr(source, "write", False) and last_seen is not None and now - last_seen >= LAST_SEEN_EVERY:
        source.session.execute(update(OfficerSession).where(OfficerSession.id == sid).values(last_seen_at=now))
    if verified is not None:
        verified.add(actor.token)


def _audit_refusal(uow, actor: Actor | None, what: str, /, **detail):
    """Queue an audit entry that survives the rollback of the refused transaction."""
    def hook(again):
        audit.record(again, actor, "refused", **{**detail, "what": what})
    uow.after_rollback.append(hook)


def require(uow, actor: Actor | None, permission: Permission, /, **detail) -> None:
    """The session is live (who it claims to be) and its roles give ``permission``."""
    if actor is not None:
        ensure_live(uow, actor)
    if actor is None or not actor.can(permission):
        _audit_refusal(uow, actor, str(permission), **detail)
        raise PermissionDenied(what=str(permission))


def require_kind(uow, actor: Actor | None, kind: str, /, **detail) -> None:
    if actor is not None:
        ensure_live(uow, actor)
    if actor is None or not actor.can_work_on(kind):
        _audit_refusal(uow, actor, f"case.{kind}", **detail)
        raise PermissionDenied("error.permission_denied_kind", kind=str(kind))


def _end_sessions(uow, officer_id: int, reason: str) -> int:
    """End every open session of an officer (disabled, password reset, roles changed)."""
    result = uow.session.execute(
        update(OfficerSession).where(OfficerSession.officer_id == officer_id, OfficerSession.ended_at.is_(None))
        .values(ended_at=uow.clock.now(), end_reason=reason))
    return result.rowcount or 0


def end_session(uow, actor: Actor, reason: str) -> None:
    """End ``actor``'s own session without an entry of its own (the caller's entry says why)."""
    uow.session.execute(update(OfficerSession).where(OfficerSession.token_hash == _token_hash(actor.token),
                                                     OfficerSession.ended_at.is_(None))
                        .values(ended_at=uow.clock.now(), end_reason=reason))


def end_all_sessions(uow, reason: str) -> int:
    """End every open session (a restored store: the sessions copied with the backup are no one's)."""
    result = uow.session.execute(update(OfficerSession).where(OfficerSession.ended_at.is_(None))
                                 .values(ended_at=uow.clock.now(), end_reason=reason))
    return result.rowcount or 0


def live_sessions(uow, *, other_than: Actor | None = None) -> int:
    """Open, unexpired sessions (of others than ``other_than``'s own session)."""
    q = select(OfficerSession.id).where(OfficerSession.ended_at.is_(None),
                                        OfficerSession.expires_at > uow.clock.now())
    if other_than is not None and other_than.token:
        q = q.where(OfficerSession.token_hash != _token_hash(other_than.token))
    return len(uow.session.exec(q).all())


# --- login -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash("desk: no such officer")


def typed_username_tag(typed: str) -> str:
    """What the audit keeps of a username that matched no active officer: a keyed hash (the same typing
    gives the same tag), never the text - it may be a password typed in the wrong field."""
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


def _check_credentials(uow, username: str, password: str) -> int:
    """The officer's id if ``password`` is theirs; counts, locks and audits failures (see ``login``)."""
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
    return officer_id


def _open_session(uow, officer: Officer) -> Actor:
    """A new session row for ``officer``; the Actor carries its token (the row keeps only its SHA-256)."""
    token = secrets.token_urlsafe(32)
    now = uow.clock.now()
    uow.session.add(OfficerSession(token_hash=_token_hash(token), officer_id=officer.id,
                                   roles=_roles_text(officer.roles), credential=_credential(officer.password_hash),
                                   created_at=now, last_seen_at=now, expires_at=now + SESSION_LIFETIME))
    uow.session.flush()
    return _actor_of(uow, officer, token)


def login(uow, username: str, password: str) -> Actor:
    """Check the password; lock after five wrong ones, across every process (see ``_reserve_attempt``);
    open a session (``officer_session``) whose token the returned Actor carries.

    An unknown or disabled officer costs the same argon2 check as a known one and gets the same
    message; the audit keeps a keyed hash of what was typed, never the text. Failures are recorded
    even though the caller's transaction is rolled back by the AuthError (after-rollback hooks).
    After an administrator's reset the password only opens ``change_password``: login refuses with
    ``auth.password_change_required``."""
    officer_id = _check_credentials(uow, username, password)
    officer = uow.session.get(Officer, officer_id)
    if officer.must_change_password:
        raise AuthError("auth.password_change_required")
    actor = _open_session(uow, officer)
    audit.record(uow, actor, "auth.login")
    return actor


def change_password(uow, username: str, old_password: str, new_password: str) -> Actor:
    """The officer chooses a new password, proving the old one (the way out of a forced change after an
    administrator's reset); ends their other sessions and logs them in."""
    officer_id = _check_credentials(uow, username, old_password)
    _check_password(new_password)
    officer = uow.session.get(Officer, officer_id)
    if verify_password(officer.password_hash, new_password):
        raise ValidationError("auth.password_unchanged", field="password")
    forced = officer.must_change_password
    officer.password_hash = hash_password(new_password)
    officer.must_change_password = False
    uow.session.add(officer)
    _end_sessions(uow, officer_id, "password")
    uow.session.flush()
    actor = _open_session(uow, officer)
    audit.record(uow, actor, "officer.password_changed", officer_id=officer_id, after_reset=forced)
    audit.record(uow, actor, "auth.login")
    return actor


def verify_unlock(uow, actor: Actor, password: str) -> None:
    """Unlock the screen: only the same officer's password, and only while their session is live;
    failures count toward the lockout."""
    ensure_live(uow, actor)
    officer = uow.session.get(Officer, actor.id)
    if officer is None:
        raise AuthError("auth.bad_credentials")
    _check_credentials(uow, officer.username, password)  # same counting and lockout as a login
    uow.session.execute(update(OfficerSession).where(OfficerSession.token_hash == _token_hash(actor.token))
                        .values(last_seen_at=uow.clock.now()))
    audit.record(uow, actor, "auth.unlock")


def logout(uow, actor: Actor, *, checkpoint: bool = True) -> None:
    """The end of a shift: the session ends, recorded, and the chain's head signed (an audit checkpoint).
    A session that already ended (disabled meanwhile, expired) logs out quietly; a token no session
    knows writes nothing."""
    row = uow.session.exec(select(OfficerSession).where(
        OfficerSession.token_hash == _token_hash(actor.token or ""))).first()
    if row is None or row.officer_id != actor.id:
        return
    if row.ended_at is None:
        row.ended_at, row.end_reason = uow.clock.now(), "logout"
        uow.session.add(row)
    audit.record(uow, actor, "auth.logout")
    if checkpoint:  # the end of a shift on screen; a desk command's own session ends without one
        audit.write_checkpoint(uow, actor, "shift_end")


def record_lock(uow, actor: Actor, reason: str) -> None:
    ensure_live(uow, actor)
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
    locked_until: datetime | None = None  # only while the lockout lasts (five wrong passwords)
    must_change_password: bool = False    # an administrator set the password: the next login changes it


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
    # supervisor is a second person's decision (see grant_role); desk init and the seeds (bootstrap) set it
    pending = sorted(role_set & CONFIRMED_ROLES) if not bootstrap else []
    given = role_set - set(pending)
    officer = Officer(username=username, full_name=full_name.strip(), office_id=office.id,
                      roles=",".join(sorted(given)), password_hash=hash_password(password),
                      must_change_password=not bootstrap)  # the administrator chose it: the officer changes it
    if not given:
        raise ValidationError("auth.confirmed_role_alone", field="roles")
    uow.session.add(officer)
    uow.session.flush()
    audit.record(uow, actor, "officer.create", officer=username, office=office_code, roles=sorted(given))
    for role in pending:
        _ask_grant(uow, actor, officer, role)
    return officer.id


def _officer_by_name(uow, username: str) -> Officer:
    officer = uow.session.exec(select(Officer).where(Officer.username == username)).first()
    if officer is None:
        raise NotFound("auth.unknown_officer", username=username)
    return officer


def set_password(uow, actor: Actor, username: str, password: str) -> None:
    """An officer's own new password (their session proves who they are), or an administrator's reset
    of someone else's: then the officer must choose a new one at the next login, and every open session
    of theirs ends. Audited with both names (the entry's officer and ``officer``)."""
    own = actor is not None and actor.username == username
    if own:
        ensure_live(uow, actor)
    else:
        require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    _check_password(password)
    officer = _officer_by_name(uow, username)
    officer.password_hash = hash_password(password)
    officer.failed_logins = 0
    officer.locked_until = None
    officer.must_change_password = not own
    uow.session.add(officer)
    if not own:
        _end_sessions(uow, officer.id, "password")
    audit.record(uow, actor, "officer.password", officer=username, reset=not own)


def _active_administrators(uow, *, besides: int) -> int:
    rows = uow.session.exec(select(Officer.roles).where(Officer.active.is_(True), Officer.id != besides)).all()
    return sum(1 for roles in rows if Role.ADMINISTRATOR in parse_roles(roles))


def _keep_an_administrator(uow, officer: Officer) -> None:
    """The last active administrator stays: without one nobody could manage the officers."""
    if officer.active and Role.ADMINISTRATOR in parse_roles(officer.roles) \
            and _active_administrators(uow, besides=officer.id) == 0:
        raise PermissionDenied("auth.last_administrator")


def disable_officer(uow, actor: Actor, username: str) -> None:
    """Disable an officer: their open sessions end at once (their next call is refused)."""
    require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    officer = _officer_by_name(uow, username)
    _keep_an_administrator(uow, officer)
    officer.active = False
    uow.session.add(officer)
    _end_sessions(uow, officer.id, "disabled")
    audit.record(uow, actor, "officer.disable", officer=username)


def enable_officer(uow, actor: Actor, username: str) -> None:
    """Let a disabled officer log in again (their old sessions stay ended; the password is unchanged)."""
    require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    officer = _officer_by_name(uow, username)
    if officer.active:
        return
    officer.active = True
    uow.session.add(officer)
    audit.record(uow, actor, "officer.enable", officer=username)


def clear_lockout(uow, actor: Actor, username: str) -> bool:
    """End a lockout (MAX_FAILED_LOGINS wrong passwords lock for LOCKOUT) before it runs out, and forget the
    wrong tries counted so far; the password is unchanged. True if the officer was locked."""
    require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    officer = _officer_by_name(uow, username)
    now = uow.clock.now()
    locked = officer.locked_until is not None and _utc(officer.locked_until) > now
    uow.session.execute(update(Officer).where(Officer.id == officer.id).values(failed_logins=0, locked_until=None))
    audit.record(uow, actor, "officer.clear_lockout", officer=username, was_locked=locked)
    return locked


def end_sessions(uow, actor: Actor, username: str) -> int:
    """End every open session of ``username`` (a terminal left logged in, before a restore)."""
    require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    officer = _officer_by_name(uow, username)
    n = _end_sessions(uow, officer.id, "ended")
    audit.record(uow, actor, "officer.end_sessions", officer=username, n=n)
    return n


# --- roles, and the roles that need a second person ----------------------------------------------
#
# An administrator gives and takes roles, but never their own (no one raises themselves), and
# ``supervisor`` - every case, every report, the import - needs a second person: the grant waits as a
# role_grant row until another administrator or a supervisor, neither the one who asked nor the grantee,
# confirms it (``desk user confirm-grant ID``).

CONFIRMED_ROLES = frozenset({Role.SUPERVISOR.value})


@dataclass(frozen=True)
class GrantView:
    id: int
    username: str
    role: str
    requested_by: str
    requested_at: datetime


def _not_oneself(uow, actor: Actor, officer: Officer) -> None:
    if officer.id == actor.id:
        _audit_refusal(uow, actor, "officer.own_roles", officer=officer.username)
        raise PermissionDenied("auth.own_roles")


def _set_roles(uow, officer: Officer, roles: frozenset[str]) -> None:
    officer.roles = ",".join(sorted(roles))
    uow.session.add(officer)
    _end_sessions(uow, officer.id, "roles")  # the roles a session holds are those granted at its login


def _ask_grant(uow, actor: Actor, officer: Officer, role: str) -> int:
    grant = RoleGrant(officer_id=officer.id, role=role, requested_by=actor.id, requested_at=uow.clock.now())
    uow.session.add(grant)
    uow.session.flush()
    audit.record(uow, actor, "officer.grant_asked", officer=officer.username, role=role, grant=grant.id)
    return grant.id


def grant_role(uow, actor: Actor, username: str, role: str) -> int | None:
    """Give ``role`` to ``username``: at once, or (supervisor) as a pending grant whose id is returned."""
    require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    (role,) = parse_roles([role])
    officer = _officer_by_name(uow, username)
    _not_oneself(uow, actor, officer)
    current = parse_roles(officer.roles)
    if role in current:
        return None
    if role in CONFIRMED_ROLES:
        waiting = uow.session.exec(select(RoleGrant).where(RoleGrant.officer_id == officer.id,
                                                           RoleGrant.role == role,
                                                           RoleGrant.confirmed_at.is_(None))).first()
        return waiting.id if waiting else _ask_grant(uow, actor, officer, role)
    _set_roles(uow, officer, current | {role})
    audit.record(uow, actor, "officer.grant", officer=username, role=role)
    return None


def revoke_role(uow, actor: Actor, username: str, role: str) -> None:
    require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    (role,) = parse_roles([role])
    officer = _officer_by_name(uow, username)
    _not_oneself(uow, actor, officer)
    current = parse_roles(officer.roles)
    if role not in current:
        return
    if current == {role}:
        raise ValidationError("auth.no_role", field="roles")
    if role == Role.ADMINISTRATOR:
        _keep_an_administrator(uow, officer)
    _set_roles(uow, officer, current - {role})
    audit.record(uow, actor, "officer.revoke", officer=username, role=role)


def change_roles(uow, actor: Actor, username: str, roles) -> list[int]:
    """Make ``username``'s roles ``roles`` at once (the officer screen's check boxes): every added role
    through ``grant_role`` (supervisor waits for a second person), every removed one through
    ``revoke_role``, in this one transaction - all or nothing. Returns the ids of the grants left waiting."""
    require(uow, actor, Permission.MANAGE_OFFICERS, username=username)
    wanted = parse_roles(roles)
    officer = _officer_by_name(uow, username)
    _not_oneself(uow, actor, officer)
    current = parse_roles(officer.roles)
    added, removed = wanted - current, current - wanted
    if not (current | (added - CONFIRMED_ROLES)) - removed:  # nothing would be left before the confirmation
        raise ValidationError("auth.confirmed_role_alone" if added & CONFIRMED_ROLES else "auth.no_role",
                              field="roles")
    waiting = [grant_role(uow, actor, username, role) for role in sorted(added)]
    for role in sorted(removed):
        revoke_role(uow, actor, username, role)
    return [g for g in waiting if g is not None]


def confirm_grant(uow, actor: Actor, grant_id: int) -> str:
    """A second administrator or a supervisor confirms a pending grant; returns the grantee's username."""
    ensure_live(uow, actor)
    if not (actor.can(Permission.MANAGE_OFFICERS) or Role.SUPERVISOR in actor.roles):
        _audit_refusal(uow, actor, "officer.confirm_grant", grant=grant_id)
        raise PermissionDenied("auth.confirm_not_allowed")
    grant = uow.session.get(RoleGrant, grant_id)
    if grant is None or grant.confirmed_at is not None:
        raise NotFound("auth.no_such_grant", id=grant_id)
    if actor.id in (grant.requested_by, grant.officer_id):
        _audit_refusal(uow, actor, "officer.confirm_grant", grant=grant_id)
        raise PermissionDenied("auth.confirm_by_another")
    officer = uow.session.get(Officer, grant.officer_id)
    grant.confirmed_by, grant.confirmed_at = actor.id, uow.clock.now()
    uow.session.add(grant)
    _set_roles(uow, officer, parse_roles(officer.roles) | {grant.role})
    asker = uow.session.get(Officer, grant.requested_by)
    audit.record(uow, actor, "officer.grant", officer=officer.username, role=grant.role, grant=grant.id,
                 asked_by=asker.username if asker else None)
    return officer.username


def pending_grants(uow, actor: Actor) -> list[GrantView]:
    ensure_live(uow, actor)
    if not (actor.can(Permission.MANAGE_OFFICERS) or Role.SUPERVISOR in actor.roles):
        raise PermissionDenied("auth.confirm_not_allowed")
    grantee, asker = Officer.__table__.alias("grantee"), Officer.__table__.alias("asker")
    q = (select(RoleGrant.id, grantee.c.username, RoleGrant.role, asker.c.username, RoleGrant.requested_at)
         .join(grantee, grantee.c.id == RoleGrant.officer_id).join(asker, asker.c.id == RoleGrant.requested_by)
         .where(RoleGrant.confirmed_at.is_(None)).order_by(RoleGrant.id))
    return [GrantView(*row) for row in uow.session.exec(q).all()]


def list_officers(uow, actor: Actor, *, office_id: int | None = None) -> list[OfficerView]:
    require(uow, actor, Permission.MANAGE_OFFICERS)
    q = select(Officer, Office).join(Office, Office.id == Officer.office_id).order_by(Officer.username)
    if office_id is not None:
        q = q.where(Officer.office_id == office_id)
    now = uow.clock.now()
    return [OfficerView(o.id, o.username, o.full_name, f.code, tuple(sorted(_shown_roles(o.roles))), o.active,
                        _utc(o.locked_until) if o.locked_until and _utc(o.locked_until) > now else None,
                        bool(o.must_change_password))
            for o, f in uow.session.exec(q).all()]


def _shown_roles(text: str) -> frozenset[str]:
    """An officer's roles for the list; a roles column nobody could have granted lists as none (the list
    must still open, so that an administrator can put it right)."""
    try:
        return parse_roles(text or "")
    except ValidationError:
        return frozenset()


def has_officers(uow) -> bool:
    return uow.session.exec(select(Officer.id).limit(1)).first() is not None
