"""Reasons fit the decision, purposes fit the kind (issue 14 point 6), on SQLite and PostgreSQL: a grant
offers its ground, a refusal offers refusal grounds only and requires one; a call's purpose is a residence
permit's, an invitation's a visit's. Clock: 22 Nov 2026."""
from __future__ import annotations

import pytest

from desk.errors import FormInvalid
from desk.services import casework
from models import Case
from tests.services.conftest import new_person

P = pytest.param


def _choices(kind, action):
    form = casework.action_form(kind, action)
    return {f.name: ([code for code, _key in f.choices], f.required) for f in form.fields if f.name == "reason"}


@pytest.mark.parametrize("kind, action, offered, required", [
    P("permit", "grant", ["permit.conditions_met"], False, id="permit grant: its ground"),
    P("permit", "refuse", ["permit.insufficient_means", "permit.false_information", "permit.threat_public_order"],
      True, id="permit refusal: refusal grounds, required"),
    P("permit", "annul", ["permit.insufficient_means", "permit.false_information", "permit.threat_public_order"],
      True, id="permit annulment: a ground, required"),
    P("visa", "issue", ["visa.unforeseen_circumstances", "visa.force_majeure", "visa.humanitarian"], False,
      id="visa issue: the circumstance of Visa Code Art. 33"),
    P("visa", "refuse", ["visa.conditions_not_met", "visa.false_information", "visa.threat_public_order",
                         "visa.entry_ban"], True, id="visa refusal: refusal grounds, required"),
    P("invitation", "refuse", ["invitation.documents_missing", "invitation.false_information",
                               "invitation.entry_ban", "invitation.illegal_immigration_risk",
                               "invitation.inviter_unreliable", "invitation.withdrawn_by_inviter"], True,
      id="invitation refusal: refusal grounds, required"),
])
def test_each_decision_offers_the_reasons_that_fit_it(kind, action, offered, required):
    assert _choices(kind, action) == {"reason": (offered, required)}


def _version(store, case_id):
    with store.reader() as uow:
        return uow.session.get(Case, case_id).version


def test_a_refusal_without_its_ground_is_refused_and_nothing_is_saved(cw):
    store, actors = cw
    actor = actors["residence"]
    pid = new_person(store, actor)
    with store.uow() as uow:
        cid = casework.register(uow, actor, "visa", {"person_id": str(pid), "category": "D", "applied_on": "2026-11-02"})
    version = _version(store, cid)
    with pytest.raises(FormInvalid) as exc, store.uow() as uow:
        casework.perform(uow, actor, cid, "refuse", {"decided_on": "2026-11-10"}, version)
    assert set(exc.value.errors) == {"reason"}
    with pytest.raises(FormInvalid) as exc, store.uow() as uow:  # a ground of another decision
        casework.perform(uow, actor, cid, "refuse", {"decided_on": "2026-11-10", "reason": "visa.humanitarian"},
                         version)
    assert set(exc.value.errors) == {"reason"}
    with store.reader() as uow:
        assert (uow.session.get(Case, cid).status, _version(store, cid)) == ("applied", version)


@pytest.mark.parametrize("invitation_kind, purpose, error", [
    P("invitation", "tourism", None, id="an invitation (for a visa): a visit's purpose"),
    P("invitation", "employment", "casework.invitation.purpose_not_for_invitation",
      id="an invitation cannot be for employment: that is a call's (a residence permit's)"),
    P("call", "employment", None, id="a call (for a residence permit): a permit's purpose"),
    P("call", "tourism", "casework.invitation.purpose_not_for_call", id="a call cannot be for tourism"),
])
def test_an_invitations_purpose_fits_its_kind(cw, invitation_kind, purpose, error):
    store, actors = cw
    actor = actors["reception"]
    pid = new_person(store, actor)
    raw = {"invitation_kind": invitation_kind, "inviter_kind": "company", "inviter_name": "SIA Koks",
           "inviter_code": "40003000000", "purpose": purpose, "submitted_on": "2026-11-02", "person_ids": str(pid)}
    if error is None:
        with store.uow() as uow:
            assert casework.register(uow, actor, "invitation", raw)
        return
    with pytest.raises(FormInvalid) as exc, store.uow() as uow:
        casework.register(uow, actor, "invitation", raw)
    assert {n: e.key for n, e in exc.value.errors.items()} == {"purpose": error}
