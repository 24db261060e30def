"""Two records of one person become one, and the store's probable duplicates (issue 19 points 3 and 4).

``merge_persons``: a supervisor merges a duplicate record into the surviving one. The duplicate's cases,
identity documents, stays and invitations move to the survivor (a case's notes and history go with the
case); the duplicate row stays, pointing to the survivor (``merged_into``), so its id still resolves
(``persons.get_person`` follows it) and the audit trail, which is never rewritten, still names it. The
survivor takes the duplicate's names as other names (``also_known_as``), so search finds the survivor
under either, and its personal code when it has none. ``person_merge`` keeps what moved: ``unmerge_persons``
moves exactly that back while neither record was written since (the survivor's version is the one the
merge left, the duplicate is still merged into it).

``duplicate_pairs``: the probable duplicate pairs of the store or of one office, scored as the check at
registration scores them (``persons.match_person``), blocked by date of birth (or day and month swapped)
so that a million-person store is not compared pair by pair; ``export_duplicates`` writes them to a
semicolon CSV (personal codes masked, document numbers left out, audited). ``merges_of`` tells a person's
file which merges it took part in and whether each can still be undone.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import update
from sqlmodel import select

from desk.errors import ConflictError, ValidationError
from desk.services.files import write_export
from desk.services import audit
from desk.services.auth import Actor, Permission, require
from desk.services.persons import PersonSummary, match_person, summaries
from models import Case, IdentityDocument, InvitedPerson, Person, PersonMerge, Stay

MERGE_REASONS = ("same_document", "same_personal_code", "same_name_and_birth", "confirmed_by_documents", "other")
MIN_SCORE = 60  # the pairs the report lists (match_person: 0..100)
MAX_PAIRS = 500


@dataclass(frozen=True)
class MergeResult:
    merge_id: int
    survivor_id: int
    duplicate_id: int
    cases: int
    documents: int
    stays: int
    invitations: int


def _live(uow, person_id, field_name: str) -> Person:
    person = uow.session.get(Person, person_id) if isinstance(person_id, int) else None
    if person is None:
        raise ValidationError("error.person_not_found", field=field_name)
    if person.merged_into is not None:
        raise ValidationError("merge.already_merged", field=field_name, id=person.id, into=person.merged_into)
    return person


def _ids(uow, model, person_id: int) -> list[int]:
    return list(uow.session.exec(select(model.id).where(model.person_id == person_id).order_by(model.id)).all())


def merge_persons(uow, actor: Actor, duplicate_id: int, survivor_id: int, reason: str) -> MergeResult:
    """Merge ``duplicate_id`` into ``survivor_id`` (one transaction, audited with who, what and why)."""
    require(uow, actor, Permission.MERGE_PERSONS, person_id=duplicate_id)
    if reason not in MERGE_REASONS:
        raise ValidationError("merge.reason_required", field="reason")
    if duplicate_id == survivor_id:
        raise ValidationError("merge.same_person", field="duplicate_id")
    duplicate, survivor = _live(uow, duplicate_id, "duplicate_id"), _live(uow, survivor_id, "survivor_id")
    if duplicate.personal_code and survivor.personal_code and duplicate.personal_code != survivor.personal_code:
        raise ValidationError("merge.codes_differ", field="duplicate_id")  # two codes are two persons
    moved = {
        "cases": _ids(uow, Case, duplicate.id),
        "documents": _ids(uow, IdentityDocument, duplicate.id),
        "stays": _ids(uow, Stay, duplicate.id),
        "invitations": [],
        "invitations_dropped": [],  # the duplicate named in an invitation that names the survivor too
        "took_code": False,
        "also_known_as_before": survivor.also_known_as,
    }
    both_invited = set(uow.session.exec(select(InvitedPerson.invitation_case_id)
                                        .where(InvitedPerson.person_id == survivor.id)).all())
    for row in uow.session.exec(select(InvitedPerson).where(InvitedPerson.person_id == duplicate.id)).all():
        if row.invitation_case_id in both_invited:
            moved["invitations_dropped"].append(row.invitation_case_id)
            uow.session.delete(row)
        else:
            moved["invitations"].append(row.id)
            row.person_id = survivor.id
            uow.session.add(row)
    for model, key in ((Case, "cases"), (IdentityDocument, "documents"), (Stay, "stays")):
        if moved[key]:
            uow.session.execute(update(model).where(model.id.in_(moved[key])).values(person_id=survivor.id)
                                .execution_options(synchronize_session=False))
    duplicate.merged_into = survivor.id
    duplicate.version += 1
    uow.session.add(duplicate)
    uow.session.flush()  # the duplicate leaves the unique code index before the survivor takes the code
    if duplicate.personal_code and not survivor.personal_code:
        survivor.personal_code = duplicate.personal_code
        moved["took_code"] = True
    names = " ".join(n for n in (duplicate.surname, duplicate.given_names, duplicate.original_name) if n)
    survivor.also_known_as = " ".join(n for n in (survivor.also_known_as, names) if n)
    survivor.version += 1
    uow.session.add(survivor)
    uow.session.flush()
    record = PersonMerge(duplicate_id=duplicate.id, survivor_id=survivor.id, at=uow.clock.now(),
                         officer_username=actor.username, reason=reason, moved=json.dumps(moved),
                         survivor_version=survivor.version)
    uow.session.add(record)
    uow.session.flush()
    counts = {k: len(moved[k]) for k in ("cases", "documents", "stays", "invitations")}
    audit.record(uow, actor, "person.merge", person_id=survivor.id, duplicate_id=duplicate.id, merge_id=record.id,
                 reason=reason, **counts)
    return MergeResult(record.id, survivor.id, duplicate.id, **counts)


def _undoable(record: PersonMerge, duplicate: Person, survivor: Person) -> bool:
    """Nothing was written to either record since the merge: the survivor is at the version the merge left
    and still live, the duplicate still points to it."""
    return (record.undone_at is None and survivor.version == record.survivor_version
            and duplicate.merged_into == survivor.id and survivor.merged_into is None)


def unmerge_persons(uow, actor: Actor, merge_id: int) -> MergeResult:
    """Undo a merge: what moved goes back, the duplicate is a person of its own again. Refused once either
    record was written since (then the two are told apart by hand, case by case)."""
    require(uow, actor, Permission.MERGE_PERSONS)
    record = uow.session.get(PersonMerge, merge_id) if isinstance(merge_id, int) else None
    if record is None or record.undone_at is not None:
        raise ValidationError("merge.not_found", field="merge_id", id=merge_id)
    duplicate = uow.session.get(Person, record.duplicate_id)
    survivor = uow.session.get(Person, record.survivor_id)
    if not _undoable(record, duplicate, survivor):
        raise ConflictError("merge.changed_since", id=merge_id)
    moved = json.loads(record.moved)
    for model, key in ((Case, "cases"), (IdentityDocument, "documents"), (Stay, "stays"), (InvitedPerson, "invitations")):
        if moved[key]:
            uow.session.execute(update(model).where(model.id.in_(moved[key]), model.person_id == survivor.id)
                                .values(person_id=duplicate.id).execution_options(synchronize_session=False))
    for case_id in moved["invitations_dropped"]:
        uow.session.add(InvitedPerson(invitation_case_id=case_id, person_id=duplicate.id))
    if moved["took_code"]:
        survivor.personal_code = None
        uow.session.add(survivor)
        uow.session.flush()  # the code leaves the survivor before the duplicate is live again
    survivor.also_known_as = moved["also_known_as_before"]
    survivor.version += 1
    duplicate.merged_into = None
    duplicate.version += 1
    uow.session.add_all([survivor, duplicate])
    record.undone_at = uow.clock.now()
    uow.session.add(record)
    uow.session.flush()
    counts = {k: len(moved[k]) for k in ("cases", "documents", "stays", "invitations")}
    audit.record(uow, actor, "person.unmerge", person_id=survivor.id, duplicate_id=duplicate.id, merge_id=record.id,
                 **counts)
    return MergeResult(record.id, survivor.id, duplicate.id, **counts)


@dataclass(frozen=True)
class MergeView:
    """One merge a person's file took part in (as the survivor or as the record merged away)."""

    merge_id: int
    duplicate_id: int
    survivor_id: int
    at: datetime
    officer_username: str
    reason: str  # one of MERGE_REASONS; its words: desk.i18n.t(f"merge.reason.{reason}")
    undoable: bool  # nothing was written to either record since: unmerge_persons would undo it


def merges_of(uow, person_ids) -> list[MergeView]:
    """The merges not undone in which any of ``person_ids`` took part, newest first (read inside the
    caller's permission check: the person's file)."""
    ids = [pid for pid in person_ids if isinstance(pid, int)]
    if not ids:
        return []
    records = uow.session.exec(select(PersonMerge).where(
        PersonMerge.undone_at.is_(None),
        PersonMerge.duplicate_id.in_(ids) | PersonMerge.survivor_id.in_(ids)).order_by(PersonMerge.id.desc())).all()
    views = []
    for record in records:
        duplicate = uow.session.get(Person, record.duplicate_id)
        survivor = uow.session.get(Person, record.survivor_id)
        views.append(MergeView(record.id, record.duplicate_id, record.survivor_id, record.at,
                               record.officer_username, record.reason, _undoable(record, duplicate, survivor)))
    return views


# --- the duplicates report --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicatePair:
    score: int
    reasons: tuple[str, ...]
    first: PersonSummary
    second: PersonSummary


def _swapped(day: date) -> date | None:
    try:
        return day.replace(month=day.day, day=day.month) if day.day != day.month else None
    except ValueError:
        return None


_COLUMNS = (Person.id, Person.surname, Person.given_names, Person.original_name, Person.date_of_birth,
            Person.surname_folded, Person.given_folded, Person.personal_code)


def _rows_of_office(uow, query, office_id: int) -> tuple[list[tuple], set[int]]:
    """The persons an office's pairs are drawn from: those born on a day one of its persons (a person with a
    case there) was born, or on that day with day and month swapped; and the ids of the office's persons."""
    of_office = select(Case.person_id).where(Case.office_id == office_id)
    ids = set(uow.session.exec(of_office.distinct()).all())
    days = set(uow.session.exec(select(Person.date_of_birth).where(
        Person.id.in_(of_office), Person.merged_into.is_(None), Person.date_of_birth.is_not(None)).distinct()).all())
    days |= {swapped for swapped in map(_swapped, list(days)) if swapped}
    ordered, rows = sorted(days), []
    for start in range(0, len(ordered), _DAYS_PER_QUERY):
        rows += uow.session.exec(query.where(Person.date_of_birth.in_(ordered[start:start + _DAYS_PER_QUERY]))).all()
    return rows, ids


_DAYS_PER_QUERY = 500  # bound parameters per IN list (SQLite's limit is far above; PostgreSQL's too)


def duplicate_pairs(uow, actor: Actor, *, office_id: int | None = None, min_score: int = MIN_SCORE,
                    limit: int = MAX_PAIRS) -> list[DuplicatePair]:
    """Probable duplicate pairs (best first), scored by ``match_person`` as at registration: persons born
    the same day, or on the day with day and month swapped, whose folded surnames begin alike (the block
    that keeps a million persons from being compared pair by pair). Of one office when asked: the pairs in
    which at least one record is the office's (has a case there); the other is often a record registered
    again at the counter, with no case yet. One's own office needs the merge permission; another office or
    every office the reporting one too."""
    require(uow, actor, Permission.MERGE_PERSONS)
    if office_id is None or office_id != actor.office_id:  # beyond one's own office: a reporting supervisor
        require(uow, actor, Permission.REPORTS, report="duplicates", office_id=office_id)
    query = select(*_COLUMNS).where(Person.merged_into.is_(None), Person.date_of_birth.is_not(None))
    office_ids: set[int] | None = None
    if office_id is not None:
        rows, office_ids = _rows_of_office(uow, query, office_id)
    else:
        rows = uow.session.exec(query).all()
    blocks: dict[tuple[date, str], list[tuple]] = {}
    for row in rows:
        blocks.setdefault((row[4], (row[5] or "?")[:1]), []).append(row)
    found: dict[tuple[int, int], tuple[int, tuple[str, ...]]] = {}
    for (day, initial), group in blocks.items():
        swapped = _swapped(day)
        others = group + (blocks.get((swapped, initial), []) if swapped else [])
        if len(others) < 2:
            continue
        people = [Person(**dict(zip((c.key for c in _COLUMNS), row))) for row in others]
        for a in people[:len(group)]:
            values = {"surname": a.surname, "given_names": a.given_names, "original_name": a.original_name,
                      "date_of_birth": a.date_of_birth}
            for b in people:
                if b.id <= a.id or (a.id, b.id) in found:
                    continue
                if office_ids is not None and a.id not in office_ids and b.id not in office_ids:
                    continue
                score, reasons = match_person(values, b)
                if score >= min_score:
                    found[(a.id, b.id)] = (score, reasons)
    best = sorted(found.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    ids = sorted({pid for pair, _ in best for pid in pair})
    by_id = {s.id: s for s in summaries(uow, list(uow.session.exec(select(Person).where(Person.id.in_(ids))).all()))}
    audit.record(uow, actor, "person.duplicates_report", office_id=office_id, pairs=len(best))
    return [DuplicatePair(score, reasons, by_id[a], by_id[b]) for (a, b), (score, reasons) in best]


CSV_HEADER = ("score", "reasons", "id", "name", "born", "code", "other_id", "other_name", "other_born",
              "other_code")


def _day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def duplicates_csv(pairs: list[DuplicatePair]) -> bytes:
    """The pairs as a semicolon CSV (UTF-8): scores, reason codes, ids, names, dates of birth and masked
    personal codes; no document number."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_HEADER)
    for p in pairs:
        writer.writerow((p.score, ",".join(p.reasons), p.first.id, p.first.full_name, _day(p.first.date_of_birth),
                         p.first.personal_code_masked, p.second.id, p.second.full_name,
                         _day(p.second.date_of_birth), p.second.personal_code_masked))
    return out.getvalue().encode("utf-8")


@dataclass(frozen=True)
class DuplicatesExport:
    path: str
    pairs: int
    size: int


def export_duplicates(uow, actor: Actor, path: str | Path, *, office_id: int | None = None) -> DuplicatesExport:
    """The probable duplicate pairs (of ``office_id``, or of every office) written to ``path`` as
    ``duplicates_csv`` (atomically, readable by its owner only: it names persons) and audited
    ("person.duplicates_export": scope, number of pairs, the file's name)."""
    pairs = duplicate_pairs(uow, actor, office_id=office_id)
    data = duplicates_csv(pairs)
    target = Path(path)
    audit.record(uow, actor, "person.duplicates_export", office_id=office_id, pairs=len(pairs), format="csv",
                 personal_codes="masked", file=target.name[:80])
    write_export(target, data)
    return DuplicatesExport(str(target), len(pairs), len(data))


__all__ = ["MERGE_REASONS", "MergeResult", "MergeView", "DuplicatePair", "DuplicatesExport", "merge_persons",
           "unmerge_persons", "merges_of", "duplicate_pairs", "duplicates_csv", "export_duplicates"]
