"""The scale seed writes what real work writes (issue 13 point 2).

The seed builds each detail row by applying the kind's own ``ActionDef.apply`` along the path of actions it
generates (bulk inserts, no services). Here a small store is seeded, and for a sample of its cases of every
kind the same registration row and the same actions, with the same typed values on the same days, are done
again through ``casework.perform``: the status, the closing day and every column of the detail row must come
out exactly as the seed stored them. A seeded store then reports the outcomes real work would report (the
old seed wrote ``decision="withdrawn"`` and ``accepted_on`` where the services write neither).
"""
from __future__ import annotations

import random
from datetime import datetime

import pytest
from sqlmodel import select

from desk import clock as desk_clock
from desk.clock import RIGA, FixedClock
from desk.rules import asylum as asylum_rules
from desk.services import casecore, casework
from desk.services.kinds import KINDS, adapter
from models import AsylumApplication, Case, CaseKind, DublinRequest, InvitedPerson
from seed import scale

PER_KIND = 12  # the longest walks of each kind, and as many more at random


@pytest.fixture
def seeded(sqlite_store, sqlite_actors, fixed_clock):
    report = scale.build(sqlite_store, persons=3000, progress=lambda _m: None, keep_paths=True,
                         today=fixed_clock.today())
    return sqlite_store, sqlite_actors["supervisor"], report


def _sample(store, report) -> list[int]:
    with store.reader() as uow:
        kinds = dict(uow.session.exec(select(Case.id, Case.kind)).all())
    rng = random.Random(7)
    out = []
    for kind in CaseKind:
        ids = [cid for cid in report.paths if kinds[cid] == kind]
        longest = sorted(ids, key=lambda cid: -len(report.paths[cid][1]))[:PER_KIND]
        rest = [cid for cid in ids if cid not in longest]
        out += longest + rng.sample(rest, min(PER_KIND, len(rest)))
    return out


def _stored(store, case_id: int) -> tuple[str, object, dict]:
    with store.reader() as uow:
        case = uow.session.get(Case, case_id)
        detail = uow.session.get(adapter(case.kind).model, case_id).model_dump()
        return case.status, case.closed_on, {k: v for k, v in detail.items() if k != "case_id"}


def _replay(store, actor, case_id: int, registration: dict, steps) -> int:
    """The seeded case's registration row as a new case, then its steps through ``casework.perform``."""
    with store.reader() as uow:
        seeded = uow.session.get(Case, case_id)
        kind, person_id, opened_on = seeded.kind, seeded.person_id, seeded.opened_on
    spec = adapter(kind)
    row = {k: v for k, v in registration.items() if k != "case_id"}
    with store.uow() as uow:
        case = casecore.open_case(uow, actor, kind=kind, person_id=person_id, status=spec.first_status(row),
                                  opened_on=opened_on)
        detail = spec.model(case_id=case.id, **row)
        uow.session.add(detail)
        for named in uow.session.exec(select(InvitedPerson).where(InvitedPerson.invitation_case_id == case_id)).all():
            uow.session.add(InvitedPerson(invitation_case_id=case.id, person_id=named.person_id))
        uow.session.flush()
        for column, value in spec.derived(uow, case, detail).items():  # as casework.register does
            setattr(detail, column, value)
        new_id = case.id
    old = desk_clock.clock()
    try:
        for step in steps:
            desk_clock.set_clock(FixedClock(datetime(step.day.year, step.day.month, step.day.day, 10, 0,
                                                     tzinfo=RIGA)))
            with store.uow() as uow:
                version = uow.session.get(Case, new_id).version
                casework.perform(uow, actor, new_id, step.action, dict(step.raw), version)
    finally:
        desk_clock.set_clock(old)
    return new_id


def test_every_kind_is_seeded_through_its_own_actions(seeded):
    store, _actor, report = seeded
    walked = {str(k) for k in KINDS}
    with store.reader() as uow:
        kinds = dict(uow.session.exec(select(Case.id, Case.kind)).all())
    taken = {kinds[cid] for cid, (_reg, steps) in report.paths.items() if steps}
    assert taken == walked


def test_seeded_cases_hold_what_perform_writes_for_the_same_actions(seeded):
    store, actor, report = seeded
    sample = _sample(store, report)
    assert len(sample) > 4 * 2 * PER_KIND  # every kind: all of the rare ones, many of the others
    mismatches = []
    for case_id in sample:
        registration, steps = report.paths[case_id]
        replayed = _replay(store, actor, case_id, registration, steps)
        want, got = _stored(store, case_id), _stored(store, replayed)
        if want != got:
            status, closed, detail = want
            diff = {k: (v, got[2].get(k)) for k, v in detail.items() if got[2].get(k) != v}
            mismatches.append((case_id, [s.action for s in steps], (status, got[0]), (closed, got[1]), diff))
    assert mismatches == []


def test_a_seeded_transfer_ends_its_asylum_application_as_perform_does(sqlite_store, sqlite_actors, fixed_clock,
                                                                      monkeypatch):
    """casework.perform's follow-up: a completed outgoing transfer leaves the asylum application without
    examination, another state being responsible (Reg. 604/2013 Art. 26(1); Reg. 2024/1351 Art. 42(2))."""
    monkeypatch.setattr(scale, "DUBLIN_INCOMING_SHARE", 0.0)  # Latvia's own requests only (most are incoming)
    monkeypatch.setitem(scale.STEP_DAYS, "asylum", 3000)  # applications that wait: open when the request goes
    store = sqlite_store
    scale.build(store, persons=6000, progress=lambda _m: None, today=fixed_clock.today())
    with store.reader() as uow:
        done = uow.session.exec(select(DublinRequest).where(DublinRequest.direction == "outgoing",
                                                            DublinRequest.transfer_done_on.is_not(None),
                                                            DublinRequest.asylum_case_id.is_not(None))).all()
        assert done
        ended = 0
        for request in done:
            asylum = uow.session.get(Case, request.asylum_case_id)
            application = uow.session.get(AsylumApplication, asylum.id)
            if application.decision == "left_without_examination":
                assert application.decision_on == request.transfer_done_on
                assert application.reason_code == "asylum.other_state_responsible"
                ended += 1
            else:  # its status allows no such end (casework.perform's follow-up would do nothing either)
                assert not asylum_rules.MACHINE.can(asylum.status, asylum_rules.Action.LEAVE_WITHOUT_EXAMINATION)
        assert ended
