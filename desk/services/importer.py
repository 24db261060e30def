"""Bulk import from register extracts: one case per line (JSON Lines), every kind, its person inline.

Every line goes through the same services as the screens (``persons.register_person``,
``casework.register``, ``casework.perform``), so the same validation, rules, deadlines and audit entries
apply. The whole file is one unit of work: if any line is bad, nothing is saved and every bad line is
reported with its number and the reason in the officer's language. A bad line is rolled back alone
(``_Run``: lines go a hundred at a time under a savepoint, a chunk with a bad line again one by one), so
that it does not hide the next one's error. Each chunk (each line, when a chunk is imported again) is one
``uow.batched()`` block: its cases' deadlines are computed once each after their last event and its audit
entries join the chain in one insert, the same rows and hashes as written one by one
(tests/test_import_bulk.py). The format is documented in docs/import-format.md.

Dates are the real event dates: a case lodged last March is imported as lodged last March, and its
deadlines follow from that (computed against today's date, as for a case typed in on a screen).
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable

from sqlalchemy import event as sa_event
from sqlmodel import select

from desk.errors import DomainError, FormInvalid, ValidationError, explain
from desk.i18n import t
from desk.services import audit, casework, notes, persons
from desk.services.auth import Actor, Permission, require
from desk.services.kinds import adapter
from desk.services.labels import field_label
from models import Case, CaseKind, Country, StoreActivity

MAX_REPORTED_ERRORS = 50
KINDS = tuple(k.value for k in CaseKind)
_LINE_KEYS = frozenset({"ref", "kind", "person", "persons", "person_match", "case", "events", "notes"})

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LineError:
    line: int
    reason: str  # translated

    def message(self) -> str:
        return t("import.bad_line", line=self.line, reason=self.reason)


class ImportFailed(ValidationError):
    """At least one line is bad: nothing was saved. ``errors`` lists every bad line (up to 50)."""

    key = "import.bad_line"

    def __init__(self, errors: list[LineError]):
        first = errors[0]
        super().__init__(self.key, line=first.line, reason=first.reason)
        self.errors = errors


@dataclass(frozen=True)
class ImportResult:
    lines: int
    case_numbers: tuple[str, ...]
    persons_created: int
    by_kind: tuple[tuple[str, int], ...]
    sha256: str


class _Bad(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _reason(exc: BaseException) -> str:
    """The officer-facing reason for a failed line; a form's errors are listed field by field."""
    if isinstance(exc, _Bad):
        return exc.reason
    if isinstance(exc, FormInvalid):
        parts = [t("import.field_error", field=field_label(name), message=explain(err))
                 for name, err in exc.errors.items()]
        return "; ".join(parts)
    return explain(exc)


@dataclass
class _Line:
    number: int
    ref: str | None
    kind: str
    person: dict | str | None  # inline person, or the ref of an earlier line's person; None for several persons
    persons: list[dict | str]
    person_match: str
    case: dict
    events: list[dict]
    notes: list[str]


def _parse_line(number: int, raw: str) -> _Line:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise _Bad(t("import.bad_json")) from None
    if not isinstance(data, dict):
        raise _Bad(t("import.bad_json"))
    unknown = sorted(set(data) - _LINE_KEYS)
    if unknown:
        raise _Bad(t("import.bad_value", key=str(unknown[0])[:40]))
    kind = data.get("kind")
    if kind not in KINDS:
        raise _Bad(t("import.unknown_kind", kind=str(kind)[:20]))
    case = data.get("case")
    if not isinstance(case, dict):
        raise _Bad(t("import.missing_key", key="case"))
    events = data.get("events") or []
    if not isinstance(events, list) or not all(
            isinstance(e, dict) and isinstance(e.get("action"), str) and isinstance(e.get("values", {}), dict)
            for e in events):
        raise _Bad(t("import.bad_value", key="events"))
    line_notes = data.get("notes") or []
    if not isinstance(line_notes, list) or not all(isinstance(n, str) for n in line_notes):
        raise _Bad(t("import.bad_value", key="notes"))
    match = data.get("person_match") or "refuse"
    if match not in ("refuse", "existing", "new"):
        raise _Bad(t("import.bad_value", key="person_match"))
    ref = data.get("ref")
    if ref is not None and not isinstance(ref, str):
        raise _Bad(t("import.bad_value", key="ref"))
    spec = adapter(kind)
    if spec.names_several_persons:
        people = data.get("persons")
        if not isinstance(people, list) or not people:
            raise _Bad(t("import.missing_key", key="persons"))
        person = None
    else:
        person = data.get("person")
        people = []
        if person is None and spec.needs_person(case):
            raise _Bad(t("import.missing_key", key="person"))
        if person is not None and not isinstance(person, (dict, str)):
            raise _Bad(t("import.bad_value", key="person"))
    return _Line(number, ref, kind, person, people, match, dict(case), events, line_notes)


_UNSET = object()


class _Importer:
    def __init__(self, uow, actor: Actor):
        self.uow = uow
        self.actor = actor
        self.person_refs: dict[str, int] = {}
        self.case_refs: dict[str, str] = {}  # ref -> case number
        self.persons_created = 0
        self._journal: list[tuple[dict, str, object]] = []  # (refs, ref, what it named before) for undo

    def _name(self, refs: dict, ref: str, value) -> None:
        self._journal.append((refs, ref, refs.get(ref, _UNSET)))
        refs[ref] = value

    def mark(self) -> tuple[int, int]:
        return len(self._journal), self.persons_created

    def undo(self, mark: tuple[int, int]) -> None:
        """Forget what the lines since ``mark`` named: their savepoint is rolled back, so a later line's
        reference to one of their persons or cases is a bad reference, not a row that is not there."""
        length, self.persons_created = mark
        while len(self._journal) > length:
            refs, ref, before = self._journal.pop()
            if before is _UNSET:
                del refs[ref]
            else:
                refs[ref] = before

    def person(self, value, match: str) -> int:
        if isinstance(value, str):
            if value not in self.person_refs:
                raise _Bad(t("import.bad_reference", ref=value[:40]))
            return self.person_refs[value]
        if not isinstance(value, dict):
            raise _Bad(t("import.bad_value", key="person"))
        raw = {k: v for k, v in value.items() if k != "ref"}
        try:
            pid = persons.register_person(self.uow, self.actor, raw, allow_duplicate=(match == "new"))
            self.persons_created += 1
        except persons.DuplicatePerson as dup:
            if match != "existing" or len(dup.candidates) != 1:
                raise
            pid = persons.register_person(self.uow, self.actor, raw, use_existing=dup.candidates[0].id)
        if isinstance(value.get("ref"), str):
            self._name(self.person_refs, value["ref"], pid)
        return pid

    def case_reference(self, value):
        """A reference to an earlier line's case (by its ``ref``) becomes that case's number."""
        if isinstance(value, str) and value in self.case_refs:
            return self.case_refs[value]
        return value

    def line(self, line: _Line) -> str:
        raw = dict(line.case)
        if adapter(line.kind).names_several_persons:
            raw["person_ids"] = [self.person(p, line.person_match) for p in line.persons]
        elif line.person is not None:
            raw["person_id"] = self.person(line.person, line.person_match)
        for key in ("asylum_case", "sponsor_case"):
            if key in raw:
                raw[key] = self.case_reference(raw[key])
        case_id = casework.register(self.uow, self.actor, line.kind, raw)
        for n, event in enumerate(line.events, start=1):
            case = self.uow.session.get(Case, case_id)  # as the last event left it (casecore.touch reloads it)
            try:
                casework.perform(self.uow, self.actor, case_id, event["action"], dict(event.get("values") or {}),
                                 case.version)
            except DomainError as exc:
                raise _Bad(t("import.event_failed", n=n, action=str(event["action"])[:40],
                             message=_reason(exc))) from None
        for n, text in enumerate(line.notes, start=1):  # after the events: notes are written today
            try:
                notes.add_note(self.uow, self.actor, case_id, {"text": text})
            except DomainError as exc:
                raise _Bad(t("import.note_failed", n=n, message=_reason(exc))) from None
        number = self.uow.session.get(Case, case_id).number
        if line.ref:
            self._name(self.case_refs, line.ref, number)
        return number


def import_lines(uow, actor: Actor, lines: Iterable[str], *, progress: Progress | None = None,
                 total: int | None = None, sha256: str | None = None) -> ImportResult:
    """Import every line in ``uow`` (one transaction for the whole file). Raises ImportFailed listing
    the bad lines; the caller's unit of work then rolls everything back. ``sha256``: the file's own
    (``read_lines``); without it, the digest of the lines as given."""
    require(uow, actor, Permission.IMPORT)
    with _holding(uow.session):
        return _import_held(uow, actor, lines, progress=progress, total=total, sha256=sha256)


@contextmanager
def _holding(session):
    """Every row the import writes or reads stays in the session until the file is done.

    The session's identity map holds its objects weakly: a person registered by one line, or a case
    its events changed, is dropped as soon as the service that made it returns its id, and the next
    ``session.get`` of it (the line's own case checks, a later line naming it) reads it back with a
    SELECT. Held here, they are found in the session (issue 17: a read of the person and of the case
    per line that the one-by-one path did not need)."""
    held: list = []

    def hold(_session, instance) -> None:
        held.append(instance)

    # the last: rows written by uow.add_now / add_unless_taken, put in the session as stored
    hooks = ("pending_to_persistent", "loaded_as_persistent", "detached_to_persistent")
    for hook in hooks:
        sa_event.listen(session, hook, hold)
    try:
        yield
    finally:
        for hook in hooks:
            sa_event.remove(session, hook, hold)


CHUNK_LINES = 100  # lines imported under one savepoint while none fails (issue 17)


def _import_held(uow, actor: Actor, lines: Iterable[str], *, progress: Progress | None, total: int | None,
                 sha256: str | None) -> ImportResult:
    # the reference countries read once, up front, and held with the rest (_holding): every line looks its
    # citizenships and partner states up by key (session.get), which then finds them in the session
    uow.session.exec(select(Country)).all()
    digest = hashlib.sha256()
    run = _Run(uow, _Importer(uow, actor))
    chunk: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        digest.update(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
        text = raw.strip() if isinstance(raw, str) else raw.decode("utf-8").strip()
        if progress:
            progress(number, total or 0)
        if not text or text.startswith("#"):
            continue
        chunk.append((number, text))
        if len(chunk) == CHUNK_LINES:
            run.chunk(chunk)
            chunk = []
            if run.full():
                break
    if chunk and not run.full():
        run.chunk(chunk)
    if run.errors:
        raise ImportFailed(run.errors)
    if not run.count:
        raise ValidationError("import.empty")
    importer, kinds = run.importer, run.kinds
    result = ImportResult(run.count, tuple(run.numbers), importer.persons_created,
                          tuple((k, kinds[k]) for k in KINDS if k in kinds), sha256 or digest.hexdigest())
    audit.record(uow, actor, "import", lines=run.count, cases=len(run.numbers), persons=importer.persons_created,
                 kinds=dict(result.by_kind), sha256=result.sha256)
    return result


class _Run:
    """The lines imported so far, and the bad ones.

    A line is undone alone when it is bad, so that the next line is checked against the store as if it had
    never been there and every bad line is named, not only the first. Undoing it needs a savepoint around
    it, which costs two statements and the session's bookkeeping for every line. So lines are imported
    ``CHUNK_LINES`` at a time under one savepoint, and only a chunk with a bad line in it is rolled back
    and imported again line by line, each under its own savepoint: the rows, the errors and the audit
    entries are those of importing every line under its own savepoint (tests/test_import_bulk.py)."""

    def __init__(self, uow, importer: _Importer):
        self.uow = uow
        self.importer = importer
        self.errors: list[LineError] = []
        self.numbers: list[str] = []
        self.kinds: dict[str, int] = {}
        self.count = 0

    def full(self) -> bool:
        return len(self.errors) >= MAX_REPORTED_ERRORS

    def chunk(self, chunk: list[tuple[int, str]]) -> None:
        try:
            done = self._undone_if_bad(lambda: self._lines(chunk))
        except (DomainError, _Bad):
            done = None  # a bad line in it: again line by line, outside the handler
        if done is not None:
            for kind, case_number in done:
                self._count(kind, case_number)
            return
        for number, text in chunk:
            self._one(number, text)
            if self.full():
                return

    def _one(self, number: int, text: str) -> None:
        try:
            kind, case_number = self._undone_if_bad(lambda: self._line(number, text))
        except (DomainError, _Bad) as exc:
            self.errors.append(LineError(number, _reason(exc)))
            self.count += 1
        else:
            self._count(kind, case_number)

    def _undone_if_bad(self, work):
        """``work()`` under a savepoint; if it raises a bad line's error, the savepoint is rolled back with
        what the lines named (``_Importer.undo``) and the error raised again."""
        mark = self.importer.mark()
        savepoint = self.uow.session.begin_nested()
        try:
            result = work()
        except (DomainError, _Bad):
            savepoint.rollback()
            self.importer.undo(mark)
            raise
        savepoint.commit()
        return result

    def _lines(self, chunk: list[tuple[int, str]]) -> list[tuple[str, str]]:
        with self.uow.batched():  # the chunk's deadlines once per case after its last line, its audit in one pass
            return [self._line(number, text) for number, text in chunk]

    def _line(self, number: int, text: str) -> tuple[str, str]:
        line = _parse_line(number, text)
        with self.uow.batched():  # the line's deadlines once per case after its events, its audit in one pass
            return line.kind, self.importer.line(line)

    def _count(self, kind: str, case_number: str) -> None:
        self.count += 1
        self.numbers.append(case_number)
        self.kinds[kind] = self.kinds.get(kind, 0) + 1


MAX_FILE_BYTES = 100 * 1024 * 1024  # an import file of 100 MB is ~100,000 lines: a register extract at most
MAX_LINE_BYTES = 1024 * 1024  # one case with its persons and events
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ImportFile:
    """The file's lines (split at "\n" only: U+2028 inside a JSON string is text, not a line break) and
    the SHA-256 of its bytes exactly as stored (``sha256sum`` agrees)."""

    lines: tuple[str, ...]
    sha256: str


def read_lines(path) -> ImportFile:
    """Read ``path`` in chunks, never more than ``MAX_FILE_BYTES`` nor a line longer than
    ``MAX_LINE_BYTES`` (``desk import /dev/zero`` is refused at once, not read until memory runs out); a file
    that is not UTF-8 is refused as a whole."""
    digest, lines, pending, size = hashlib.sha256(), [], b"", 0
    try:
        with open(path, "rb") as f:
            info = os.fstat(f.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > MAX_FILE_BYTES:  # refused without reading it
                raise ValidationError("import.file_too_large", field="file", mb=MAX_FILE_BYTES // 2**20)
            while chunk := f.read(_CHUNK):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise ValidationError("import.file_too_large", field="file", mb=MAX_FILE_BYTES // 2**20)
                digest.update(chunk)
                *complete, pending = (pending + chunk).split(b"\n")
                lines += complete
                if len(pending) > MAX_LINE_BYTES or any(len(line) > MAX_LINE_BYTES for line in complete):
                    raise ValidationError("import.line_too_long", field="file", line=len(lines) + 1,
                                          mb=MAX_LINE_BYTES // 2**20)
    except OSError:
        raise ValidationError("import.cannot_read", field="file") from None
    if pending:
        lines.append(pending)
    try:
        text = [line.rstrip(b"\r").decode("utf-8") for line in lines]
    except UnicodeDecodeError:
        raise ValidationError("import.cannot_read", field="file") from None
    if text and text[0].startswith("\ufeff"):
        text[0] = text[0][1:]
    return ImportFile(tuple(text), digest.hexdigest())


def import_file(store, actor: Actor, path, *, progress: Progress | None = None) -> ImportResult:
    """Read ``path`` and import it in one unit of work (all or nothing)."""
    file = read_lines(path)
    activity = store.run(begin_activity, "import", actor)
    try:
        # patient: it waits for the others, who wait at most 2 s for it and are told whose import it is;
        # retried whole if the database breaks it off to resolve a deadlock (Store.run): still all or nothing
        return store.run(import_lines, actor, file.lines, progress=progress, total=len(file.lines),
                         sha256=file.sha256, patient=True)
    finally:
        store.run(end_activity, activity)


def begin_activity(uow, what: str, actor: Actor) -> int:
    """Long work begins: who and what, in a short transaction of its own (the others read it when held up)."""
    require(uow, actor, Permission.IMPORT)
    row = StoreActivity(what=what, officer_username=actor.username, started_at=uow.clock.now())
    uow.session.add(row)
    uow.session.flush()
    return row.id


def end_activity(uow, activity_id: int) -> None:
    row = uow.session.get(StoreActivity, activity_id)
    if row is not None:
        uow.session.delete(row)
