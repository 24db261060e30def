"""The case kinds: one module each (its forms, creation, actions, facts, outcome, file lines) and the
registry ``KINDS`` keyed by ``CaseKind``. A new case kind is a new module here plus a line below."""
from __future__ import annotations

from desk.errors import NotFound, ValidationError
from desk.services.kinds import asylum, dublin, invitation, permit, returns, visa
from desk.services.kinds.base import (
    ActionContext, ActionDef, Applied, Created, Kind, KindAdapter, Outcome, action_context, closing_day, ends_case,
)
from models import Case, CaseKind

__all__ = ["KINDS", "adapter", "detail_of", "rules_module", "ActionContext", "ActionDef", "Applied", "Created", "Kind",
           "KindAdapter", "Outcome", "action_context", "closing_day", "ends_case"]

KINDS: dict[CaseKind, KindAdapter] = {
    adapter.kind: adapter
    for adapter in (asylum.ADAPTER, dublin.ADAPTER, permit.ADAPTER, visa.ADAPTER, invitation.ADAPTER,
                    returns.ADAPTER)
}


def adapter(kind: str) -> KindAdapter:
    """The kind's adapter; an unknown kind is the officer's error (an import line, a typed URL)."""
    try:
        return KINDS[CaseKind(kind)]
    except ValueError:
        raise ValidationError("casework.unknown_kind", kind=str(kind)[:20]) from None


def detail_of(uow, case: Case):
    """The case's detail row (an ``AsylumApplication``, a ``DublinRequest``...)."""
    detail = uow.session.get(adapter(case.kind).model, case.id)
    if detail is None:
        raise NotFound("error.case_not_found", number=case.number)
    return detail


def rules_module(kind: str):
    """``desk.rules.<module>`` of a case kind."""
    return adapter(kind).rules
