"""Every case kind against the one protocol (desk.services.kinds.KindAdapter)."""
from __future__ import annotations

import inspect
from datetime import date
from types import MappingProxyType

import pytest

from desk.services import labels
from desk.services.kinds import KINDS, ActionContext, Applied, KindAdapter, adapter
from desk.services.kinds.base import ActionDef, Outcome
from desk.services.forms import FormSpec
from models import CaseKind


def test_the_registry_holds_one_adapter_per_case_kind():
    assert set(KINDS) == set(CaseKind)
    for kind, spec in KINDS.items():
        assert spec.kind is kind and adapter(kind.value) is spec


@pytest.mark.parametrize("kind", list(CaseKind), ids=str)
def test_each_kind_implements_the_protocol(kind):
    spec = KINDS[kind]
    assert isinstance(spec, KindAdapter)
    for name, member in inspect.getmembers(KindAdapter):
        if name.startswith("_") or not callable(member):
            continue
        want = len(inspect.signature(member).parameters) - 1  # without self
        got = len(inspect.signature(getattr(spec, name)).parameters)
        assert got == want, f"{kind}.{name} takes {got} arguments, the protocol {want}"
    assert isinstance(spec.form, FormSpec) and spec.form.id == f"register.{kind}"
    assert spec.model.__tablename__ and "case_id" in spec.model.model_fields
    assert set(spec.hidden) <= set(spec.model.model_fields)
    assert isinstance(spec.outcome(), Outcome) and spec.outcome().listed
    assert spec.initial_status in {str(s) for s in spec.rules.Status}
    assert spec.terminal <= {str(s) for s in spec.rules.Status}
    # the catalogue keys of statuses and actions use the rules module's name
    assert labels.rules_name(kind) == spec.rules.__name__.rsplit(".", 1)[1]


@pytest.mark.parametrize("kind", list(CaseKind), ids=str)
def test_each_kind_has_a_form_for_exactly_the_actions_of_its_life_cycle(kind):
    spec = KINDS[kind]
    machines = getattr(spec.rules, "MACHINES", (spec.rules.MACHINE,))
    machine_actions = {str(a) for m in machines for a in m.actions}
    assert set(spec.actions) == machine_actions
    for name, action in spec.actions.items():
        assert isinstance(action, ActionDef)
        assert spec.action(name) is action
        for f in action.fields:
            column = action.columns.get(f.name, f.name)
            assert column in ("", "-") or column in spec.model.model_fields, f"{kind}.{name}: {f.name}"
        for column in action.sets:
            assert column in spec.model.model_fields, f"{kind}.{name}: {column}"


def test_apply_is_pure_and_returns_the_changes():
    """An action's apply reads the row and the values and returns what changes; it touches neither."""
    spec = KINDS[CaseKind.ASYLUM]
    row = MappingProxyType({"decision": None, "decision_on": None})
    values = MappingProxyType({"decision_on": date(2026, 11, 2), "reason": "asylum.serious_harm",
                               "notified_on": None})
    ctx = ActionContext(date(2026, 11, 22), facts=lambda r: pytest.fail("not needed"))
    applied = spec.actions["grant_alternative_status"].apply(row, values, ctx)
    assert applied == Applied({"decision_on": date(2026, 11, 2), "reason_code": "asylum.serious_harm",
                               "notified_on": None, "decision": "alternative"})
    withdrawn = spec.actions["withdraw"].apply(row, {"withdrawn_on": date(2026, 11, 3)}, ctx)
    assert withdrawn == Applied({}, closes_on=date(2026, 11, 3))  # no decision is recorded for a withdrawal


def test_an_unknown_kind_is_the_officers_error():
    from desk.errors import ValidationError

    with pytest.raises(ValidationError):
        adapter("passport")


@pytest.mark.parametrize("kind", list(CaseKind))
def test_what_the_report_reads_of_a_kind_is_the_kind_modules_own(kind):
    """The daily report reads a kind's detail table, outcome and final statuses from
    desk.services.decisions without loading the kind module; they must be the kind module's own."""
    from desk.services import decisions

    spec = KINDS[kind]
    assert decisions.DETAIL_MODELS[kind] is spec.model
    assert decisions.RULES[kind] is spec.rules
    assert spec.outcome() is decisions.OUTCOMES[kind]
    assert decisions.terminal(kind) == {str(s) for s in spec.rules.TERMINAL_STATUSES} == spec.terminal
