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
so that a million-person store is not compared pair by pair.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import update
from sqlmodel import select

from desk.errors import ConflictError, ValidationError
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


def unmerge_persons(uow, actor: Actor, merge_id: int) -> MergeResult:
    """Undo a merge: what moved goes back, the duplicate is a person of its own again. Refused once either
    record was written since (then the two are told apart by hand, case by case)."""
    require(uow, actor, Permission.MERGE_PERSONS)
    record = uow.session.get(PersonMerge, merge_id) if isinstance(merge_id, int) else None
    if record is None or record.undone_at is not None:
        raise ValidationError("merge.not_found", field="merge_id", id=merge_id)
    duplicate = uow.session.get(Person, record.duplicate_id)
    survivor = uow.session.get(Person, record.survivor_id)
    if survivor.version != record.survivor_version or duplicate.merged_into != survivor.id \
            or survivor.merged_into is not None:
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


def duplicate_pairs(uow, actor: Actor, *, office_id: int | None = None, min_score: int = MIN_SCORE,
                    limit: int = MAX_PAIRS) -> list[DuplicatePair]:
    """Probable duplicate pairs (best first), scored by ``match_person`` as at registration: persons born
    the same day, or on the day with day and month swapped, whose folded surnames begin alike (the block
    that keeps a million persons from being compared pair by pair); of one office's persons (those with a
    case there) when asked."""
    require(uow, actor, Permission.MERGE_PERSONS)
    query = select(*_COLUMNS).where(Person.merged_into.is_(None), Person.date_of_birth.is_not(None))
    if office_id is not None:
        query = query.where(Person.id.in_(select(Case.person_id).where(Case.office_id == office_id)))
    blocks: dict[tuple[date, str], list[tuple]] = {}
    for row in uow.session.exec(query).all():
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
                score, reasons = match_person(values, b)
                if score >= min_score:
                    found[(a.id, b.id)] = (score, reasons)
    best = sorted(found.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    ids = sorted({pid for pair, _ in best for pid in pair})
    by_id = {s.id: s for s in summaries(uow, list(uow.session.exec(select(Person).where(Person.id.in_(ids))).all()))}
    audit.record(uow, actor, "person.duplicates_report", office_id=office_id, pairs=len(best))
    return [DuplicatePair(score, reasons, by_id[a], by_id[b]) for (a, b), (score, reasons) in best]


__all__ = ["MERGE_REASONS", "MergeResult", "DuplicatePair", "merge_persons", "unmerge_persons",
           "duplicate_pairs"]
