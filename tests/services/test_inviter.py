"""An invitation names its inviter (issue 14 point 8), on SQLite and PostgreSQL: a company by a valid Enterprise
Register number, a person by a valid personal code, and never among the persons invited."""
from __future__ import annotations

import pytest

from desk.errors import FormInvalid
from desk.services import casework
from tests.services.conftest import new_person

P = pytest.param
CODE = "010590-11113"  # valid, born 01.05.1990 (desk.text.make_personal_code)


@pytest.mark.parametrize("inviter, error", [
    P({"inviter_kind": "company", "inviter_code": "40003000000"}, None, id="a merchant's number: 11 digits, 4..."),
    P({"inviter_kind": "company"}, ("inviter_code", "casework.invitation.company_number_required"),
      id="a company without its number"),
    P({"inviter_kind": "company", "inviter_code": "12345"}, ("inviter_code", "casework.invitation.bad_company_number"),
      id="not an Enterprise Register number"),
    P({"inviter_kind": "person", "inviter_code": "010590-11112"}, ("inviter_code", "error.bad_personal_code"),
      id="a personal code with a wrong check digit"),
    P({"inviter_kind": "person", "inviter_code": CODE}, ("person_ids", "casework.invitation.inviter_invited"),
      id="the inviter invites themselves"),
])
def test_the_inviter_is_identified_and_not_invited(cw, inviter, error):
    store, actors = cw
    actor = actors["reception"]
    pid = new_person(store, actor, personal_code=CODE)
    raw = {"invitation_kind": "invitation", "inviter_name": "Inviter", "purpose": "visit",
           "submitted_on": "2026-11-20", "person_ids": str(pid), **inviter}
    if error is None:
        with store.uow() as uow:
            assert casework.register(uow, actor, "invitation", raw)
        return
    with pytest.raises(FormInvalid) as refused, store.uow() as uow:
        casework.register(uow, actor, "invitation", raw)
    assert {n: e.key for n, e in refused.value.errors.items()} == dict([error])
