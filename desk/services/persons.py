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

from sqlalchemy import or_
from sqlmodel import select

from desk.errors import DomainError, NotFound, ValidationError
from desk.services import audit
from desk.services.auth import Actor, Permission, require
from desk.services.forms import FieldSpec, FieldType, FormSpec, parse_values
from desk.text import fold, mask_personal_code, normalize_document_number
from models import Country, IdentityDocument, Office, Person

MAX_CANDIDATES = 20

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
    """Persons that may be the one being registered; the officer picks one or confirms a new person."""

    key = "person.duplicate"

    def __init__(self, candidates: list["PersonSummary"]):
        super().__init__(self.key, n=len(candidates))
        self.candidates = candidates


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
    """``lookup(kind, code)`` for ``parse_values``: does this country / office code exist?"""
    def lookup(kind: str, code: str) -> bool:
        if kind == "country":
            return uow.session.get(Country, code) is not None
        if kind == "office":
            return uow.session.exec(select(Office.id).where(Office.code == code)).first() is not None
        return True
    return lookup


def get_person(uow, person_id: int) -> Person:
    from desk.services.casecore import is_record_id

    person = uow.session.get(Person, person_id) if is_record_id(person_id) else None
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


def _parse(uow, raw: dict, today: date) -> dict:
    def checks(v):
        errors = {}
        if v.get("date_of_birth") and v["date_of_birth"] > today:
            errors["date_of_birth"] = ValidationError("error.date_in_future", field="date_of_birth")
        if v.get("document_valid_until") and not v.get("document_number"):
            errors["document_number"] = ValidationError("error.required", field="document_number")
        if v.get("document_number") and not normalize_document_number(v["document_number"]):
            errors["document_number"] = ValidationError("error.invalid", field="document_number")
        if not fold(v.get("surname")):
            errors["surname"] = ValidationError("error.invalid", field="surname")
        return errors

    return parse_values(PERSON_FORM, raw, lookup=reference_lookup(uow), extra_checks=checks)


def _candidates(uow, values: dict) -> list[Person]:
    conditions = []
    number = normalize_document_number(values.get("document_number"))
    if number:
        doc_persons = select(IdentityDocument.person_id).where(IdentityDocument.number_norm == number)
        conditions.append(Person.id.in_(doc_persons))
    if values.get("personal_code"):
        conditions.append(Person.personal_code == values["personal_code"])
    if values.get("date_of_birth"):
        # uses ix_person_birth_name (date_of_birth, surname_folded)
        conditions.append((Person.date_of_birth == values["date_of_birth"])
                          & (Person.surname_folded == fold(values["surname"]))
                          & (Person.given_folded == fold(values["given_names"])))
    if not conditions:
        return []
    return list(uow.session.exec(select(Person).where(or_(*conditions)).order_by(Person.id)
                                 .limit(MAX_CANDIDATES)).all())


# --- use cases ----------------------------------------------------------------------------------------


def find_duplicates(uow, actor: Actor, raw: dict) -> list[PersonSummary]:
    """Persons that may be the one described by ``raw`` (the registration form's values)."""
    require(uow, actor, Permission.VIEW_PERSONS)
    values = _parse(uow, raw, uow.clock.today())
    return summaries(uow, _candidates(uow, values))


def register_person(uow, actor: Actor, raw: dict, *, use_existing: int | None = None,
                    allow_duplicate: bool = False) -> int:
    """Register a person and their identity document; returns the person's id.

    Raises ``DuplicatePerson`` when persons that may be the same exist, unless the officer picked one
    (``use_existing``: that id is returned, nothing is created) or confirmed a new person
    (``allow_duplicate``)."""
    require(uow, actor, Permission.EDIT_PERSONS)
    if use_existing is not None:
        person = get_person(uow, use_existing)
        audit.record(uow, actor, "person.pick_existing", person_id=person.id)
        return person.id
    values = _parse(uow, raw, uow.clock.today())
    candidates = _candidates(uow, values)
    if candidates and not allow_duplicate:
        raise DuplicatePerson(summaries(uow, candidates))
    person = Person(
        surname=values["surname"], given_names=values["given_names"], original_name=values.get("original_name"),
        surname_folded=fold(values["surname"])[:100], given_folded=fold(values["given_names"])[:150],
        date_of_birth=values.get("date_of_birth"), sex=values.get("sex") or "X",
        citizenship=values["citizenship"], personal_code=values.get("personal_code"),
        created_at=uow.clock.now(),
    )
    uow.session.add(person)
    uow.session.flush()
    after = {k: v for k, v in values.items() if v is not None and k != "personal_code"}
    if values.get("personal_code"):
        after["personal_code"] = mask_personal_code(values["personal_code"])
    if values.get("document_number"):
        doc = IdentityDocument(
            person_id=person.id, kind=values.get("document_kind") or "passport", number=values["document_number"],
            number_norm=normalize_document_number(values["document_number"])[:30],
            issuing_country=values.get("document_country") or values["citizenship"],
            valid_until=values.get("document_valid_until"),
        )
        uow.session.add(doc)
        uow.session.flush()
    audit.record(uow, actor, "person.register", person_id=person.id, changes=audit.diff({}, after),
                 duplicates_overridden=[c.id for c in candidates])
    return person.id
