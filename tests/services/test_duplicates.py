"""Fuzzy duplicate detection at registration (issue 19): candidates by the names' keys and the date of birth
(the same day, day and month swapped, the same year), scored across scripts and Latvian forms, ranked, with
what matched; the officer's decision is recorded with its reason. SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from desk.services import audit, persons


def register(store, actor, surname, given, born, *, original=None, doc=None, **kw):
    raw = {"surname": surname, "given_names": given, "date_of_birth": born, "citizenship": "RUS",
           "original_name": original, "document_number": doc}
    with store.uow() as uow:
        return persons.register_person(uow, actor, raw, **kw)


def duplicates(store, actor, surname, given, born, original=None):
    with pytest.raises(persons.DuplicatePerson) as exc:
        register(store, actor, surname, given, born, original=original)
    return exc.value


# (already registered, typed at registration, what must match, the rule)
CASES = [
    (("Ivanova", "Olga", "03.12.1990"), ("Ivanova", "Olga", "12.03.1990"), persons.BORN_SWAPPED,
     "day and month swapped"),
    (("Ivanova", "Olga", "03.12.1990"), ("Ivanova", "Olga", "03.12.1990"), persons.BORN_SAME, "the same person"),
    (("Ivanova", "Olga", "03.12.1990"), ("Ivanova", "Olga", "15.06.1990"), persons.BORN_YEAR, "year only"),
    (("Shevchenko", "Taras", "01.05.1985"), ("Ševčenko", "Tarass", "01.05.1985"), persons.MATCH_NAME_SIMILAR,
     "Latvian form of a Ukrainian name"),
    (("Ivanov", "Sergei", "01.05.1985"), ("Ivanovs", "Sergejs", "05.01.1985"), persons.BORN_SWAPPED,
     "Latvian masculine endings and a swapped date"),
    (("Ivanov", "Sergei", "01.05.1985"), ("Ivanof", "Sergey", "01.05.1985"), persons.MATCH_NAME_SIMILAR,
     "a typo and another transliteration"),
    (("Kuznetsova", "Natalia", "20.02.1970"), ("Кузнецова", "Наталья", "20.02.1970"), persons.MATCH_NAME_SIMILAR,
     "typed in Cyrillic"),
]


@pytest.mark.parametrize("existing, typed, reason, rule", CASES, ids=[c[3] for c in CASES])
def test_candidates_with_what_matched(cw, existing, typed, reason, rule):
    store, actors = cw
    first = register(store, actors["reception"], *existing)
    dup = duplicates(store, actors["reception"], *typed)
    assert [c.id for c in dup.candidates] == [first], rule
    score, reasons = dup.matches[first]
    assert reason in reasons and 0 < score <= 100, rule


def test_candidates_are_ranked(cw):
    store, actors = cw
    year = register(store, actors["reception"], "Ivanova", "Olga", "15.06.1990")
    swapped = register(store, actors["reception"], "Ivanova", "Olga", "03.12.1990", allow_duplicate=True)
    same = register(store, actors["reception"], "Ivanova", "Olga", "12.03.1990", allow_duplicate=True)
    dup = duplicates(store, actors["reception"], "Ivanova", "Olga", "12.03.1990")
    assert [c.id for c in dup.candidates] == [same, swapped, year]


@pytest.mark.parametrize("typed, rule", [
    (("Petrova", "Olga", "12.03.1990"), "another surname, same day"),
    (("Ivanova", "Olga", "12.03.1991"), "another year"),
    (("Ivanova", "Marija", "03.12.1990"), "another given name"),
])
def test_no_candidate_for_another_person(cw, typed, rule):
    store, actors = cw
    register(store, actors["reception"], "Ivanova", "Olga", "03.12.1990")
    assert register(store, actors["reception"], *typed), rule


def test_the_decision_is_recorded_with_its_reason(cw):
    store, actors = cw
    first = register(store, actors["reception"], "Ivanova", "Olga", "03.12.1990")
    assert register(store, actors["reception"], "Ivanova", "Olga", "12.03.1990", use_existing=first,
                    reason="confirmed_by_documents") == first
    other = register(store, actors["reception"], "Ivanova", "Olga", "12.03.1990", allow_duplicate=True,
                     reason="different_birth_date")
    with store.reader() as uow:
        entries = {e.action: e.detail for e in audit.entries(uow)
                   if e.action == "person.pick_existing" or (e.action == "person.register" and e.person_id == other)}
    assert entries["person.pick_existing"]["reason"] == "confirmed_by_documents"
    assert persons.BORN_SWAPPED in entries["person.pick_existing"]["matched"]
    assert entries["person.register"]["reason"] == "different_birth_date"
    assert persons.BORN_SWAPPED in entries["person.register"]["matched"][str(first)]
    assert other != first


def test_a_reason_not_in_the_list_is_refused(cw):
    from desk.errors import ValidationError

    store, actors = cw
    with pytest.raises(ValidationError):
        register(store, actors["reception"], "Ivanova", "Olga", "12.03.1990", allow_duplicate=True, reason="x")
