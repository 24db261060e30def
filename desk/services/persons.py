"""Persons (the clients): register one with a duplicate check, open a person's file.

A person is registered once and found again however the name is typed: the duplicate check compares
the document number (letters and digits only, upper case), the personal code, and the name with the
date of birth after folding case, diacritics and script (``desk.text.fold``: "Bērziņš" = "BERZINS").
When candidates exist the officer either picks one (``use_existing``) or confirms that this is a
different person (``allow_duplicate``); nothing is saved until then.

Every opening of a person's file is audited ("person.view"); every registration too ("person.register").
Only frozen dataclasses leave this module, never ORM rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import JaroWinkler
from sqlalchemy import delete
from sqlmodel import select

from desk.errors import DomainError, NotFound, ValidationError
from desk.rules import eligibility
from desk.services import audit, search
from desk.services.auth import Actor, Permission, require
from desk.services.forms import FieldSpec, FieldType, FormSpec, parse_values
from desk.names import family_stem, name_variants, spelling_key
from desk.text import fold, mask_personal_code, normalize_document_number, personal_code_birth_date
from models import Country, IdentityDocument, Office, Person

MAX_CANDIDATES = 20
FUZZY_BY_KEY = 200      # persons sharing the surname's family key looked at for a year-only match
SIMILAR_NAME = 0.88     # Jaro-Winkler similarity of the names' spelling keys that counts as a similar name
# what matched, as reason codes (shown to the officer, recorded with the decision)
MATCH_DOCUMENT, MATCH_CODE = "document", "personal_code"
MATCH_NAME_SAME, MATCH_NAME_SIMILAR = "name_same", "name_similar"
BORN_SAME, BORN_SWAPPED, BORN_YEAR = "born_same_day", "born_day_month_swapped", "born_same_year"
# the officer's decision on candidates (register_person's ``reason``)
DECISION_REASONS = ("same_document", "same_personal_code", "same_name_and_birth", "confirmed_by_documents",
                    "different_birth_date", "different_person_same_name", "other")

SEX_CHOICES = (("M", "person.sex.M"), ("F", "person.sex.F"), ("X", "person.sex.X"))
DOCUMENT_KINDS = (("passport", "person.document.passport"), ("id_card", "person.document.id_card"),
                  ("travel_document", "person.document.travel_document"))

PERSON_FORM = FormSpec(
    id="person.register",
    title_key="person.register.title",
    fields=(
        FieldSpec("surname", "person.field.surname", FieldType.TEXT, required=True, max_length=100),
        FieldSpec("given_names", "person.field.given_names", FieldType.TEXT, required=True, max_length=150),
        FieldSpec("original_name", "person.field.original_name", FieldType.TEXT, max_length=250),
        FieldSpec("date_of_birth", "person.field.date_of_birth", FieldType.DATE),
        FieldSpec("sex", "person.field.sex", FieldType.CHOICE, choices=SEX_CHOICES, default="X"),
        FieldSpec("citizenship", "person.field.citizenship", FieldType.COUNTRY, required=True,
                  help_key="person.help.citizenship"),
        FieldSpec("personal_code", "person.field.personal_code", FieldType.PERSONAL_CODE),
        FieldSpec("document_kind", "person.field.document_kind", FieldType.CHOICE, choices=DOCUMENT_KINDS,
                  default="passport"),
        FieldSpec("document_number", "person.field.document_number", FieldType.TEXT, max_length=30),
        FieldSpec("document_country", "person.field.document_country", FieldType.COUNTRY),
        FieldSpec("document_valid_until", "person.field.document_valid_until", FieldType.DATE),
    ),
)


class DuplicatePerson(DomainError):
    """Persons that may be the one being registered, best first; the officer picks one or confirms a new
    person. ``matches[id]`` says how each matched: (score 0..100, reason codes)."""

    key = "person.duplicate"

    def __init__(self, candidates: list["PersonSummary"], matches: dict | None = None):
        super().__init__(self.key, n=len(candidates))
        self.candidates = candidates
        self.matches = matches or {}


@dataclass(frozen=True)
class PersonSummary:
    id: int
    surname: str
    given_names: str
    original_name: str | None
    date_of_birth: date | None
    citizenship: str
    personal_code_masked: str
    document_numbers: tuple[str, ...]

    @property
    def full_name(self) -> str:
        return f"{self.surname} {self.given_names}".strip()


# --- helpers shared with the other casework services --------------------------------------------------


def reference_lookup(uow):
    """``lookup(table, code)`` for ``parse_values``: does this country / office code exist?"""
    exists = {
        "country": lambda code: uow.session.get(Country, code) is not None,
        "office": lambda code: uow.session.exec(select(Office.id).where(Office.code == code)).first() is not None,
    }

    def lookup(table: str, code: str) -> bool:
        check = exists.get(table)
        return check(code) if check is not None else True
    return lookup


def get_person(uow, person_id: int) -> Person:
    from desk.services.casecore import is_record_id

    person = uow.session.get(Person, person_id) if is_record_id(person_id) else None
    for _hop in range(8):  # a merged record's id still resolves: to the one it was merged into
        if person is None or person.merged_into is None:
            break
        person = uow.session.get(Person, person.merged_into)
    if person is None:
        raise NotFound("error.person_not_found", field="person_id")
    return person


def summaries(uow, persons: list[Person]) -> list[PersonSummary]:
    """Summaries for several persons with their document numbers, in one extra query."""
    ids = [p.id for p in persons]
    docs: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        rows = uow.session.exec(
            select(IdentityDocument.person_id, IdentityDocument.number)
            .where(IdentityDocument.person_id.in_(ids)).order_by(IdentityDocument.id)
        ).all()
        for pid, number in rows:
            docs[pid].append(number)
    return [_summary(p, docs.get(p.id, [])) for p in persons]


def summary_of(uow, person_id: int) -> PersonSummary:
    return summaries(uow, [get_person(uow, person_id)])[0]


def _summary(p: Person, numbers) -> PersonSummary:
    return PersonSummary(p.id, p.surname, p.given_names, p.original_name, p.date_of_birth, p.citizenship,
                         mask_personal_code(p.personal_code), tuple(numbers))


NAME_FIELDS = ("surname", "given_names", "original_name")


def _parse(uow, raw: dict, today: date) -> dict:
    def checks(v):
        errors = {}
        if v.get("date_of_birth") and v["date_of_birth"] > today:
            errors["date_of_birth"] = ValidationError("error.date_in_future", field="date_of_birth")
        if v.get("document_valid_until") and not v.get("document_number"):
            errors["document_number"] = ValidationError("error.required", field="document_number")
        if v.get("document_number") and not normalize_document_number(v["document_number"]):
            errors["document_number"] = ValidationError("error.invalid", field="document_number")
        for name in NAME_FIELDS:  # letters, spaces, hyphens, apostrophes (desk.rules.eligibility.name_problem)
            problem = eligibility.name_problem(v.get(name) or "")
            if problem is not None:
                errors[name] = ValidationError(f"eligibility.{problem[0]}", field=name,
                                               char=eligibility.shown_character(problem[1]))
        if "surname" not in errors and not fold(v.get("surname")):
            errors["surname"] = ValidationError("error.invalid", field="surname")
        code, born = v.get("personal_code"), v.get("date_of_birth")
        coded = personal_code_birth_date(code) if code else None
        if coded is not None and born is not None and coded != born:
            # an old-format code (DDMMYY-CNNNN) carries the birth date; a new one (32...) carries none
            errors["personal_code"] = ValidationError("person.personal_code_birth_mismatch", field="personal_code",
                                                      coded=coded.strftime("%d.%m.%Y"),
                                                      born=born.strftime("%d.%m.%Y"))
        return errors

    return parse_values(PERSON_FORM, raw, lookup=reference_lookup(uow), extra_checks=checks)


def _swapped(born: date | None) -> date | None:
    """The date with day and month swapped (12.03.1990 for 03.12.1990), if that is another date."""
    if born is None or born.day == born.month or born.day > 12:
        return None
    return date(born.year, born.day, born.month)


def _key(name: str | None) -> str:
    """The spelling keys of a name's words (desk.names), in every written form, sorted."""
    return " ".join(sorted({spelling_key(w) for w in name_variants(name)}))


def _forms_of(surname: str | None, given: str | None, original: str | None) -> list[tuple[str, str]]:
    """(surname key, given names key) as written in Latin and, if given, in the name's own script
    (its first word taken as the surname)."""
    out = [(_key(surname), _key(given))]
    if original and len(original.split()) > 1:
        first, _, rest = original.partition(" ")
        out.append((_key(first), _key(rest)))
    return out


def name_similarity(a: tuple, b: tuple) -> float:
    """0..1: how alike two persons' names are (surname, given names, name in its own script): the
    surnames and the given names compared on their spelling keys (desk.names: across scripts and
    Latvian forms) with Jaro-Winkler (rapidfuzz); the weaker of the two counts, best of the written forms."""
    best = 0.0
    for surname_a, given_a in _forms_of(*a):
        for surname_b, given_b in _forms_of(*b):
            best = max(best, min(JaroWinkler.normalized_similarity(surname_a, surname_b),
                                 JaroWinkler.normalized_similarity(given_a, given_b)))
    return best


def match_person(values: dict, person: Person) -> tuple[int, tuple[str, ...]]:
    """Score 0..100 and reason codes for ``person`` as the one described by ``values``; 0 = not a candidate."""
    reasons: list[str] = []
    number = normalize_document_number(values.get("document_number"))
    if values.get("personal_code") and person.personal_code == values["personal_code"]:
        reasons.append(MATCH_CODE)
    if number and number in values.get("_documents_of", {}).get(person.id, ()):
        reasons.append(MATCH_DOCUMENT)
    typed = (values.get("surname"), values.get("given_names"), values.get("original_name"))
    mine = (person.surname, person.given_names, person.original_name)
    same = (fold(typed[0]) == person.surname_folded and fold(typed[1]) == person.given_folded)
    similarity = 1.0 if same else name_similarity(typed, mine)
    born, theirs = values.get("date_of_birth"), person.date_of_birth
    born_how = None
    if born and theirs:
        if born == theirs:
            born_how = BORN_SAME
        elif _swapped(born) == theirs:
            born_how = BORN_SWAPPED
        elif born.year == theirs.year:
            born_how = BORN_YEAR
    if similarity >= SIMILAR_NAME and born_how:
        reasons.append(MATCH_NAME_SAME if same else MATCH_NAME_SIMILAR)
        reasons.append(born_how)
    if not reasons:
        return 0, ()
    if MATCH_CODE in reasons or MATCH_DOCUMENT in reasons:
        return 100, tuple(reasons)
    points = {BORN_SAME: 40, BORN_SWAPPED: 30, BORN_YEAR: 15}[born_how]
    return round(points + 60 * similarity), tuple(reasons)


def _candidates(uow, values: dict) -> tuple[list[Person], dict[int, tuple[int, tuple[str, ...]]]]:
    """Persons that may be the one described, best first, with (score, reasons): the same document or
    personal code; or a similar name (across scripts and Latvian forms) born the same day, on the day
    with day and month swapped, or in the same year (through the surname's family key in the index)."""
    # Each way of being the same person is its own indexed lookup, and the persons are read by id: one
    # statement ORing them let the planner take ix_person_merged_into (every live person: a scan of the
    # whole store, 240 ms at a million persons; issue 17).
    # The ids are asked in plain SQL (uow.rows, after a flush as the session's own queries do): up to five
    # lookups per person registered, each of which, built and compiled by the ORM, cost more than SQLite's
    # answer (issue 17: a tenth of an import line).
    ids: set[int] = set()
    number = normalize_document_number(values.get("document_number"))
    if number:
        found = [r[0] for r in uow.rows("SELECT person_id FROM identity_document WHERE number_norm = ?", (number,))]
        values["_documents_of"] = {pid: {number} for pid in found}
        ids.update(found)
    if values.get("personal_code"):  # uq_person_personal_code
        ids.update(r[0] for r in uow.rows(
            "SELECT id FROM person WHERE personal_code = ? AND personal_code IS NOT NULL AND merged_into IS NULL",
            (values["personal_code"],)))
    born = values.get("date_of_birth")
    if born:
        days = (born, _swapped(born)) if _swapped(born) else (born,)
        ids.update(r[0] for r in uow.rows(  # ix_person_birth_name
            f"SELECT id FROM person WHERE date_of_birth IN ({', '.join('?' * len(days))})", days))
        key = family_stem(fold(values.get("surname")).split()[0]) if fold(values.get("surname")) else ""
        if key:
            by_key = _ids_by_form(uow, key)
            if by_key:  # by primary key, then the year
                ids.update(r[0] for r in uow.rows(
                    f"SELECT id FROM person WHERE id IN ({', '.join('?' * len(by_key))}) "
                    "AND date_of_birth >= ? AND date_of_birth <= ?",
                    (*by_key, date(born.year, 1, 1), date(born.year, 12, 31))))
    if not ids:
        return [], {}
    rows = uow.session.exec(select(Person).where(Person.id.in_(sorted(ids)), Person.merged_into.is_(None))
                            .order_by(Person.id)).all()
    scored = [(match_person(values, p), p) for p in rows]
    scored = [(m, p) for m, p in scored if m[0] > 0]
    scored.sort(key=lambda mp: (-mp[0][0], mp[1].id))
    scored = scored[:MAX_CANDIDATES]
    return [p for _, p in scored], {p.id: m for m, p in scored}


def _ids_by_form(uow, key: str) -> list[int]:
    """Persons whose names hold the family key ``key`` (the search index: no scan)."""
    if uow.dialect == "postgresql":
        sql = "SELECT person_id FROM person_search WHERE names @@ to_tsquery('simple', ?) LIMIT ?"
        q = key
    else:
        sql = "SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT ?"
        q = f'"{key}"'
    return [r[0] for r in uow.rows(sql, (q, FUZZY_BY_KEY))]


def _documents_of(uow, values: dict, person_id: int) -> dict:
    number = normalize_document_number(values.get("document_number"))
    if not number:
        return {}
    found = uow.session.exec(select(IdentityDocument.id).where(IdentityDocument.person_id == person_id,
                                                               IdentityDocument.number_norm == number)).first()
    return {person_id: {number}} if found else {}


# --- use cases ----------------------------------------------------------------------------------------


def find_duplicates(uow, actor: Actor, raw: dict) -> list[PersonSummary]:
    """Persons that may be the one described by ``raw`` (the registration form's values)."""
    require(uow, actor, Permission.VIEW_PERSONS)
    values = _parse(uow, raw, uow.clock.today())
    return summaries(uow, _candidates(uow, values)[0])


def _insert_person(uow, values: dict) -> Person | None:
    """The person and their document; None when a unique index (0013) already holds the personal code or
    the document: another officer registered them a moment ago (the duplicate check read before their row
    was committed). Nothing is left of a refused person, and the unit of work goes on: the inserts are
    ``ON CONFLICT DO NOTHING``, so no savepoint is needed, and the person is put in the session as stored,
    without a flush (issue 17: the savepoint and the flush were 0.45 ms of each registration)."""
    person = Person(
        surname=values["surname"], given_names=values["given_names"], original_name=values.get("original_name"),
        surname_folded=fold(values["surname"])[:100], given_folded=fold(values["given_names"])[:150],
        date_of_birth=values.get("date_of_birth"), sex=values.get("sex") or "X",
        citizenship=values["citizenship"], personal_code=values.get("personal_code"),
        created_at=uow.clock.now(),
    )
    if not uow.add_unless_taken(person):
        return None
    if not values.get("document_number"):
        return person
    document_id = uow.insert_unless_taken(IdentityDocument.__table__, dict(
        person_id=person.id, kind=values.get("document_kind") or "passport",
        number=values["document_number"], number_norm=normalize_document_number(values["document_number"])[:30],
        issuing_country=values.get("document_country") or values["citizenship"],
        valid_until=values.get("document_valid_until"),
    ))
    if document_id is None:  # the document is another person's: the person goes with it
        uow.session.expunge(person)
        uow.session.connection().execute(delete(Person.__table__).where(Person.__table__.c.id == person.id))
        return None
    return person


def register_person(uow, actor: Actor, raw: dict, *, use_existing: int | None = None,
                    allow_duplicate: bool = False, reason: str | None = None) -> int:
    """Register a person and their identity document; returns the person's id.

    Raises ``DuplicatePerson`` when persons that may be the same exist, unless the officer picked one
    (``use_existing``: that id is returned, nothing is created) or confirmed a new person
    (``allow_duplicate``). ``reason`` (one of DECISION_REASONS) is recorded with that decision, next to
    what matched."""
    require(uow, actor, Permission.EDIT_PERSONS)
    if reason is not None and reason not in DECISION_REASONS:
        raise ValidationError("error.invalid", field="reason")
    if use_existing is not None:
        person = get_person(uow, use_existing)
        matched = ()
        if raw:
            values = _parse(uow, raw, uow.clock.today())
            matched = match_person(values | {"_documents_of": _documents_of(uow, values, person.id)}, person)[1]
        audit.record(uow, actor, "person.pick_existing", person_id=person.id, reason=reason, matched=list(matched))
        return person.id
    values = _parse(uow, raw, uow.clock.today())
    candidates, matches = _candidates(uow, values)
    values.pop("_documents_of", None)
    if candidates and not allow_duplicate:
        raise DuplicatePerson(summaries(uow, candidates), matches)
    person = _insert_person(uow, values)
    if person is None:  # the unique indexes refused a second copy: say so as the check would
        candidates, matches = _candidates(uow, {**values, "_documents_of": {}})
        if allow_duplicate or not candidates:
            raise ValidationError("person.code_or_document_taken", field="personal_code"
                                  if values.get("personal_code") else "document_number")
        raise DuplicatePerson(summaries(uow, candidates), matches)
    after = {k: v for k, v in values.items() if v is not None and k != "personal_code"}
    if values.get("personal_code"):
        after["personal_code"] = mask_personal_code(values["personal_code"])
    audit.record(uow, actor, "person.register", person_id=person.id, changes=audit.diff({}, after),
                 duplicates_overridden=[c.id for c in candidates],
                 **({"reason": reason, "matched": {str(c.id): list(matches[c.id][1]) for c in candidates}}
                    if candidates else {}))
    return person.id


# --- the person picker of the forms (issue 14 point 8) ------------------------------------------------------


@dataclass(frozen=True)
class Picked:
    """What a person field offers for what was typed: the persons (name, birth, citizenship, documents),
    best first, and the search hits they came from (recorded once one is picked: ``record_pick``)."""

    query: str
    persons: tuple[PersonSummary, ...]
    hits: tuple


def pick_persons(uow, actor: Actor, query: str, *, limit: int = 8) -> Picked:
    """The persons a typed name, date of birth, personal code, document or case number finds (the search of
    the search screen; a case found offers its person). Not audited here: shown as the officer types, the
    lookup is recorded when a person is picked (``record_pick``)."""
    require(uow, actor, Permission.VIEW_PERSONS)
    hits = search.search(uow, actor, query, limit=limit * 2, audit=False)
    ids = list(dict.fromkeys(h.id if h.kind is search.HitKind.PERSON else h.person_id for h in hits))[:limit]
    return Picked(query, tuple(describe_persons(uow, actor, ids)), tuple(hits))


def describe_persons(uow, actor: Actor, ids) -> list[PersonSummary]:
    """The persons of ``ids`` as a person field shows them, in that order (unknown ids left out)."""
    require(uow, actor, Permission.VIEW_PERSONS)
    wanted = [int(i) for i in ids if str(i).strip().isdigit()]
    found = {p.id: p for p in uow.session.exec(select(Person).where(Person.id.in_(wanted))).all()} if wanted else {}
    return summaries(uow, [found[i] for i in wanted if i in found])


def record_pick(uow, actor: Actor, picked: Picked) -> None:
    """The lookup whose results a person field showed, written once the officer picked a person."""
    search.record_lookup(uow, actor, picked.query, list(picked.hits))
