"""Who may be what, through the registration services on both backends (issue 14 point 5): each refusal is
a field error that says why in Latvian and English and cites its article; nothing is saved."""
from __future__ import annotations

import pytest
from sqlmodel import select

from desk.errors import FormInvalid
from desk.i18n import set_language
from desk.services import casework, persons
from models import AsylumApplication, Case, Person
from tests.services.conftest import new_person

ASYLUM = {"lodged_on": "2026-11-03", "registered_on": "2026-11-02", "made_on": "2026-11-02"}
DUBLIN = {"direction": "incoming", "request_kind": "take_back", "partner_country": "FIN",
          "registered_on": "2026-11-01", "received_on": "2026-11-20"}
RETURN = {"decision_kind": "voluntary", "grounds": "overstay", "issued_on": "2026-11-20", "departure_days": "14"}
ROLE = {"asylum": "asylum", "dublin": "asylum", "return": "return"}
FORMS = {"asylum": ASYLUM, "dublin": DUBLIN, "return": RETURN}

CASES = [
    # (article, citizenship, kind, extra values, refused field or None, words in the English message)
    ("Geneva Convention Art. 1A(2): a Latvian citizen cannot seek asylum in Latvia", "LVA", "asylum", {},
     "person_id", "Latvian citizen"),
    ("Protocol No 24, sole article: an EU citizen without a ground", "DEU", "asylum", {}, "protocol24_ground",
     "Protocol No 24"),
    ("Protocol No 24, sole article (d): an EU citizen on a ground", "DEU", "asylum",
     {"protocol24_ground": "unilateral"}, None, ""),
    ("Protocol No 24 is for nationals of Member States only", "NOR", "asylum", {"protocol24_ground": "unilateral"},
     "protocol24_ground", "EU citizens only"),
    ("Directive 2011/95/EU Art. 2(d): a third-country national applies", "UKR", "asylum", {}, None, ""),
    ("Reg. 604/2013 Art. 2(a): not a Latvian", "LVA", "dublin", {}, "person_id", "third-country nationals"),
    ("Reg. 2024/1351 Art. 2(1): not an EU citizen", "POL", "dublin", {}, "person_id", "third-country nationals"),
    ("Reg. 604/2013 Art. 2(a): not a national of an associated state", "CHE", "dublin", {}, "person_id",
     "Switzerland"),
    ("Reg. 604/2013 Art. 1: a stateless person", "XXA", "dublin", {}, None, ""),
    ("Dir. 2008/115/EC Art. 2(3): a Latvian has free movement", "LVA", "return", {}, "person_id", "free movement"),
    ("Dir. 2008/115/EC Art. 3(1): an EU citizen", "EST", "return", {}, "person_id", "free movement"),
    ("Dir. 2008/115/EC Art. 2(3); SBC Art. 2(5)(b): an EEA citizen", "ISL", "return", {}, "person_id",
     "free movement"),
    ("Dir. 2008/115/EC Art. 3(1): a third-country national", "UKR", "return", {}, None, ""),
]


def _register(store, actor, kind, raw):
    with store.uow() as uow:
        return casework.register(uow, actor, kind, raw)


def _count(store, kind):
    with store.reader() as uow:
        return len(uow.session.exec(select(Case.id).where(Case.kind == kind)).all())


@pytest.mark.parametrize("article, citizenship, kind, extra, field, words", CASES, ids=[c[0] for c in CASES])
def test_who_a_case_may_concern(cw, article, citizenship, kind, extra, field, words):
    store, actors = cw
    actor = actors[ROLE[kind]]
    pid = new_person(store, actor, citizenship=citizenship, doc=f"X{citizenship}1")
    raw = {**FORMS[kind], **extra, "person_id": str(pid)}
    if field is None:
        assert _register(store, actor, kind, raw)
        return
    with pytest.raises(FormInvalid) as exc:
        _register(store, actor, kind, raw)
    error = exc.value.errors[field]
    assert error.params["article"] in str(error)
    lv = str(error)
    set_language("en")
    assert words in str(error)
    assert lv != str(error)
    assert _count(store, kind) == 0


def test_a_dublin_request_for_an_eu_citizens_asylum_case_names_the_asylum_case(cw):
    store, actors = cw
    actor = actors["asylum"]
    pid = new_person(store, actor, citizenship="DEU")
    asylum = _register(store, actor, "asylum", {**ASYLUM, "person_id": str(pid), "protocol24_ground": "unilateral"})
    with store.reader() as uow:
        number = uow.session.get(Case, asylum).number
    with pytest.raises(FormInvalid) as exc:
        _register(store, actor, "dublin", {**DUBLIN, "asylum_case": number, "direction": "outgoing",
                                           "received_on": ""})
    assert "asylum_case" in exc.value.errors


def test_an_earlier_application_makes_repeat_the_default_and_first_needs_confirming(cw):
    store, actors = cw
    actor = actors["asylum"]
    pid = new_person(store, actor)
    with store.reader() as uow:
        assert casework.registration_initial(uow, actor, "asylum", pid) == {}
    first = _register(store, actor, "asylum", {**ASYLUM, "person_id": str(pid)})
    with store.reader() as uow:
        assert uow.session.get(AsylumApplication, first).application_type == "first"
        assert casework.registration_initial(uow, actor, "asylum", pid) == {"application_type": "repeat"}
    with pytest.raises(FormInvalid) as exc:
        _register(store, actor, "asylum", {**ASYLUM, "person_id": str(pid), "application_type": "first"})
    assert "application_type" in exc.value.errors and "atkārtot" in str(exc.value.errors["application_type"])
    repeat = _register(store, actor, "asylum", {**ASYLUM, "person_id": str(pid)})  # nothing chosen: repeat
    confirmed = _register(store, actor, "asylum", {**ASYLUM, "person_id": str(pid), "application_type": "first",
                                                   "first_confirmed": True})
    with store.reader() as uow:
        assert uow.session.get(AsylumApplication, repeat).application_type == "repeat"
        row = uow.session.get(AsylumApplication, confirmed)
        assert (row.application_type, row.first_confirmed) == ("first", True)


PERSONS = [
    # (why, values beyond a valid person, refused field or None)
    ("an old-format code agreeing with the birth date (DDMMYY-1NNNN: 1900s)",
     {"personal_code": "010590-10006", "date_of_birth": "1990-05-01"}, None),
    ("an old-format code with another birth date", {"personal_code": "010590-10006", "date_of_birth": "1990-05-02"},
     "personal_code"),
    ("century digit 2: the 2000s", {"personal_code": "010505-20018", "date_of_birth": "2005-05-01"}, None),
    ("century digit 2 read as the 1900s is wrong", {"personal_code": "010505-20018", "date_of_birth": "1905-05-01"},
     "personal_code"),
    ("a new 32-code carries no birth date", {"personal_code": "32000000000", "date_of_birth": "1990-05-01"}, None),
    ("a bad check digit", {"personal_code": "010590-10007"}, "personal_code"),
    ("markup in the surname", {"surname": "Test[/bold]"}, "surname"),
    ("an emoji in the given names", {"given_names": "Jānis \U0001F600"}, "given_names"),
    ("a format character in the original name", {"original_name": "Иван\u00adов"}, "original_name"),
    ("letters of any script, an apostrophe and a hyphen", {"surname": "D’Angelo-Ševčenko",
                                                           "original_name": "Шевченко Іван"}, None),
]


@pytest.mark.parametrize("why, values, field", PERSONS, ids=[p[0] for p in PERSONS])
def test_a_person_s_code_and_names(cw, why, values, field):
    store, actors = cw
    raw = {"surname": "Bērziņš", "given_names": "Jānis", "date_of_birth": "1990-05-01", "citizenship": "UKR", **values}
    with store.uow() as uow:
        if field is None:
            assert persons.register_person(uow, actors["reception"], raw)
            return
        with pytest.raises(FormInvalid) as exc:
            persons.register_person(uow, actors["reception"], raw)
    assert field in exc.value.errors
    with store.reader() as uow:
        assert uow.session.exec(select(Person.id)).first() is None

