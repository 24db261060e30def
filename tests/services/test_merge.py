"""Merging two records of one person, and the duplicates report (issue 19 points 3 and 4), on SQLite and
PostgreSQL. Clock: 22 Nov 2026."""
from __future__ import annotations

import pytest
from sqlmodel import select

from desk.errors import ConflictError, PermissionDenied, ValidationError
from desk.services import audit, casework, merge, persons, search, stays
from models import Case, IdentityDocument, Person, Stay
from tests.services.conftest import new_person


def _two_records(store, actors):
    """Olga Ivanova twice: born 12.03.1990, and 03.12.1990 (day and month swapped) under her Latvian form."""
    reception, residence = actors["reception"], actors["residence"]
    survivor = new_person(store, reception, surname="Ivanova", given="Olga", born="1990-03-12", doc="C1234567")
    with store.uow() as uow:
        duplicate = persons.register_person(uow, reception, {
            "surname": "Ivanovs", "given_names": "Olga", "date_of_birth": "1990-12-03", "citizenship": "UKR",
            "document_number": "FE7654321"}, allow_duplicate=True, reason="different_birth_date")
    with store.uow() as uow:
        case_id = casework.register(uow, residence, "permit", {"person_id": str(duplicate), "permit_kind": "temporary",
                                                                "purpose": "study", "applied_on": "2026-11-02"})
        stays.record_stay(uow, residence, duplicate, {"entry_on": "2026-10-01", "exit_on": "2026-10-10"})
    return survivor, duplicate, case_id


def _owner_of(store, model, **where):
    with store.reader() as uow:
        return [row.person_id for row in uow.session.exec(select(model).filter_by(**where)).all()]


def test_a_merge_moves_everything_and_the_old_id_still_resolves(cw):
    store, actors = cw
    survivor, duplicate, case_id = _two_records(store, actors)
    with store.uow() as uow:
        result = merge.merge_persons(uow, actors["supervisor"], duplicate, survivor, "confirmed_by_documents")
    assert (result.cases, result.documents, result.stays) == (1, 1, 1)
    assert _owner_of(store, Case, id=case_id) == [survivor]
    assert _owner_of(store, IdentityDocument, number="FE7654321") == [survivor]
    assert _owner_of(store, Stay) == [survivor]
    with store.uow() as uow:
        assert persons.get_person(uow, duplicate).id == survivor  # the old id points to the survivor
        hits = search.search(uow, actors["reception"], "Ivanovs Olga", audit=False)
        assert [h.id for h in hits if h.kind == "person"] == [survivor]  # found under either name
        entry = audit.entries(uow, limit=1)[0]
        assert (entry.action, entry.officer_username, entry.person_id) == ("person.merge", "vaditajs", survivor)
        assert "Ivanov" not in entry.detail  # the trail names persons by id


def test_an_unmerge_puts_everything_back_while_nothing_changed(cw):
    store, actors = cw
    survivor, duplicate, case_id = _two_records(store, actors)
    with store.uow() as uow:
        merged = merge.merge_persons(uow, actors["supervisor"], duplicate, survivor, "same_name_and_birth")
    with store.uow() as uow:
        merge.unmerge_persons(uow, actors["supervisor"], merged.merge_id)
    assert _owner_of(store, Case, id=case_id) == [duplicate]
    assert _owner_of(store, IdentityDocument, number="FE7654321") == [duplicate]
    with store.reader() as uow:
        assert uow.session.get(Person, duplicate).merged_into is None
        assert uow.session.get(Person, survivor).also_known_as == ""
    with pytest.raises(ValidationError), store.uow() as uow:  # undone once only
        merge.unmerge_persons(uow, actors["supervisor"], merged.merge_id)


def test_an_unmerge_is_refused_once_the_survivor_changed(cw):
    store, actors = cw
    survivor, duplicate, _case = _two_records(store, actors)
    with store.uow() as uow:
        third = persons.register_person(uow, actors["reception"], {
            "surname": "Ivanova", "given_names": "Olga", "date_of_birth": "1990-03-12", "citizenship": "UKR",
            "document_number": "C7777777"}, allow_duplicate=True, reason="other")
    with store.uow() as uow:
        first = merge.merge_persons(uow, actors["supervisor"], duplicate, survivor, "same_name_and_birth")
    with store.uow() as uow:
        merge.merge_persons(uow, actors["supervisor"], third, survivor, "same_name_and_birth")
    with pytest.raises(ConflictError), store.uow() as uow:
        merge.unmerge_persons(uow, actors["supervisor"], first.merge_id)


@pytest.mark.parametrize("who, error", [("reception", PermissionDenied), ("administrator", PermissionDenied)])
def test_only_a_supervisor_merges(cw, who, error):
    store, actors = cw
    survivor, duplicate, _case = _two_records(store, actors)
    with pytest.raises(error), store.uow() as uow:
        merge.merge_persons(uow, actors[who], duplicate, survivor, "same_name_and_birth")
    assert _owner_of(store, IdentityDocument, number="FE7654321") == [duplicate]


def test_two_personal_codes_are_two_persons(cw):
    store, actors = cw
    a = new_person(store, actors["reception"], doc="A1", personal_code="010590-11113")
    with store.uow() as uow:
        b = persons.register_person(uow, actors["reception"], {
            "surname": "Bērziņš", "given_names": "Jānis", "date_of_birth": "1990-05-01", "citizenship": "UKR",
            "document_number": "B2", "personal_code": "010590-11201"}, allow_duplicate=True, reason="other")
    with pytest.raises(ValidationError) as refused, store.uow() as uow:
        merge.merge_persons(uow, actors["supervisor"], b, a, "same_name_and_birth")
    assert refused.value.key == "merge.codes_differ"


def test_the_duplicates_report_lists_the_pair_scored(cw):
    store, actors = cw
    survivor, duplicate, _case = _two_records(store, actors)
    new_person(store, actors["reception"], surname="Bērziņš", given="Jānis", born="1975-01-01", doc="X1")
    with store.uow() as uow:
        pairs = merge.duplicate_pairs(uow, actors["supervisor"])
    assert [(p.first.id, p.second.id) for p in pairs] == [(survivor, duplicate)]
    assert "born_day_month_swapped" in pairs[0].reasons and pairs[0].score >= merge.MIN_SCORE


def test_the_report_of_another_office_or_of_all_needs_a_reporting_supervisor(cw):
    """Point 4's scope: a supervisor's own office, or every office (Permission.REPORTS); a case officer gets
    neither, and the refusal is audited."""
    store, actors = cw
    survivor, duplicate, _case = _two_records(store, actors)
    supervisor = actors["supervisor"]
    with store.uow() as uow:
        own = merge.duplicate_pairs(uow, supervisor, office_id=supervisor.office_id)
        everyone = merge.duplicate_pairs(uow, supervisor)
    assert [(p.first.id, p.second.id) for p in own] == [(survivor, duplicate)]
    assert [(p.first.id, p.second.id) for p in everyone] == [(survivor, duplicate)]
    for who in ("asylum", "reception"):
        with pytest.raises(PermissionDenied), store.uow() as uow:
            merge.duplicate_pairs(uow, actors[who], office_id=actors[who].office_id)
    with store.reader() as uow:
        assert "refused" in [e.action for e in audit.entries(uow, limit=3)]


def test_the_export_masks_personal_codes_leaves_documents_out_and_is_audited(cw, tmp_path):
    store, actors = cw
    a = new_person(store, actors["reception"], doc="AB1234567", personal_code="010590-11113")
    with store.uow() as uow:
        b = persons.register_person(uow, actors["reception"], {
            "surname": "Berzins", "given_names": "Janis", "date_of_birth": "1990-05-01", "citizenship": "UKR",
            "document_number": "CD7654321"}, allow_duplicate=True, reason="other")
    target = tmp_path / "out" / "duplicates.csv"
    with store.uow() as uow:
        written = merge.export_duplicates(uow, actors["supervisor"], target)
    assert written.pairs == 1 and written.path == str(target)
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].split(";") == list(merge.CSV_HEADER)
    row = lines[1].split(";")
    assert (row[2], row[6]) == (str(a), str(b)) and row[5] == "010590-*****"
    assert "11113" not in text and "AB1234567" not in text and "CD7654321" not in text
    assert target.stat().st_mode & 0o777 == 0o600  # it names persons: the owner's only
    with store.reader() as uow:
        entry = audit.entries(uow, limit=1)[0]
    assert entry.action == "person.duplicates_export" and entry.detail["pairs"] == 1
    with pytest.raises(PermissionDenied), store.uow() as uow:
        merge.export_duplicates(uow, actors["asylum"], tmp_path / "no.csv")
    assert not (tmp_path / "no.csv").exists()


def test_a_merged_record_s_file_is_the_survivor_s_and_tells_the_merge(cw):
    """The old id opens the survivor's file with what moved (the cases, documents and stays are the
    survivor's now), says which record was asked for, and whether the merge can still be undone."""
    from desk.services import views

    store, actors = cw
    survivor, duplicate, case_id = _two_records(store, actors)
    with store.uow() as uow:
        merged = merge.merge_persons(uow, actors["supervisor"], duplicate, survivor, "confirmed_by_documents")
    with store.uow() as uow:
        file = views.person_file(uow, actors["residence"], duplicate)
    assert file.summary.id == survivor and file.merged_away_id == duplicate
    assert case_id in [c.id for c in file.cases] and "FE7654321" in [d.number for d in file.documents]
    assert len(file.stays) == 1
    assert [(m.merge_id, m.duplicate_id, m.survivor_id, m.reason, m.undoable) for m in file.merges] == [
        (merged.merge_id, duplicate, survivor, "confirmed_by_documents", True)]
    with store.uow() as uow:
        own = views.person_file(uow, actors["residence"], survivor)
    assert own.merged_away_id is None and [m.merge_id for m in own.merges] == [merged.merge_id]
    with store.uow() as uow:  # something new is written to the survivor: the merge stays
        third = persons.register_person(uow, actors["reception"], {
            "surname": "Ivanova", "given_names": "Olga", "date_of_birth": "1990-03-12", "citizenship": "UKR",
            "document_number": "C7777777"}, allow_duplicate=True, reason="other")
    with store.uow() as uow:
        merge.merge_persons(uow, actors["supervisor"], third, survivor, "same_name_and_birth")
    with store.uow() as uow:
        again = views.person_file(uow, actors["residence"], duplicate)
    assert {m.duplicate_id: m.undoable for m in again.merges} == {duplicate: False, third: True}
    with store.uow() as uow:
        merge.unmerge_persons(uow, actors["supervisor"], merged.merge_id + 1)
    with store.uow() as uow:
        restored = views.person_file(uow, actors["residence"], survivor)
    assert [m.duplicate_id for m in restored.merges] == [duplicate]  # an undone merge is not told


def test_an_office_s_list_holds_the_pairs_one_of_whose_records_has_a_case_there(cw):
    """Office scope: a pair counts for the office of either record's case (the other record is often a
    second registration with no case yet); a pair wholly of another office is in the all-offices list only."""
    from desk.services import auth

    store, actors = cw
    survivor, duplicate, _case = _two_records(store, actors)  # the duplicate's case is at RIG-CEN
    with store.uow() as uow:
        auth.create_officer(uow, None, username="daugavpils", full_name="Daugavpils Demo", office_code="RIG-2",
                            roles="residence", password="demo-pass-1", bootstrap=True)
    with store.uow() as uow:
        elsewhere = auth.login(uow, "daugavpils", "demo-pass-1")
    other = []
    for name, doc in (("Shevchenko", "FE1357913"), ("Sevcenko", "FE2468024")):
        with store.uow() as uow:
            other.append(persons.register_person(uow, actors["reception"], {
                "surname": name, "given_names": "Taras", "date_of_birth": "1985-07-21", "citizenship": "UKR",
                "document_number": doc}, allow_duplicate=True, reason="other"))
    with store.uow() as uow:
        casework.register(uow, elsewhere, "permit", {"person_id": str(other[0]), "permit_kind": "temporary",
                                                     "purpose": "study", "applied_on": "2026-11-02"})
    supervisor = actors["supervisor"]
    with store.uow() as uow:
        own = {(p.first.id, p.second.id) for p in merge.duplicate_pairs(uow, supervisor, office_id=supervisor.office_id)}
        everyone = {(p.first.id, p.second.id) for p in merge.duplicate_pairs(uow, supervisor)}
    assert own == {(survivor, duplicate)}
    assert everyone == {(survivor, duplicate), tuple(other)}


def test_the_cli_lists_and_exports_the_pairs_through_the_same_service(cw_sqlite, tmp_path, monkeypatch, capsys):
    from desk.cli import main
    from tests.conftest import PASSWORD

    store, actors = cw_sqlite
    survivor, duplicate, _case = _two_records(store, actors)
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    assert main(["persons", "duplicates", "--db", store.url, "--officer", "vaditajs"]) == 0
    out = capsys.readouterr().out
    assert f"{survivor} Ivanova Olga (12.03.1990)  ~  {duplicate} Ivanovs Olga (03.12.1990)" in out
    target = tmp_path / "pairs.csv"
    assert main(["persons", "duplicates", "--db", store.url, "--officer", "vaditajs", "--office", "RIG-CEN",
                 "--csv", str(target)]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    row = lines[1].split(";")
    assert len(lines) == 2 and (row[2], row[6]) == (str(survivor), str(duplicate))
    with store.reader() as uow:
        assert audit.entries(uow, limit=1)[0].action == "person.duplicates_export"
