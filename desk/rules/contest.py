"""Contesting PMLP's refusal of a residence permit, a visa or an invitation (issue 14 point 3).

Administrative Procedure Law (Administratīvā procesa likums, in force since 1 February 2004):

- s. 70(1): "Ja likumā vai pašā administratīvajā aktā nav noteikts citādi, administratīvais akts stājas
  spēkā ar brīdi, kad tas paziņots adresātam" - a decision takes effect when it is notified;
- s. 79(1): "Administratīvo aktu var apstrīdēt viena mēneša laikā no tā spēkā stāšanās dienas" - it may
  be contested within one month of the day it took effect;
- ss. 42-43: the day of the event is not counted, a last day off moves to the next working day.

So the refusal can be contested until one month after its notification; if it is not, it becomes final.
Visa Code (Reg. 810/2009) Art. 32(3) leaves the appeal against a refused visa to national law. Whether the
Immigration Law sets its own shorter period for a particular refusal (it does for some return decisions) was
not read: ``APL_CONTEST_MONTHS`` is a named parameter and the rules are not verified.
"""
from __future__ import annotations

from datetime import date

from desk.rules.calendar import apl_period
from desk.rules.common import ComputedDeadline, Counting, Period, Rule, computed

APL_FROM = date(2004, 2, 1)
APL_CONTEST_MONTHS = 1
ANCHOR = "rules.anchor.notified"
CONSEQUENCE = "rules.consequence.decision_final"


def contest_rule(module: str, article: str = "APL s. 70(1), 79(1); APL ss. 42-43", *,
                 applies_from: date = APL_FROM, regime: str | None = "apl") -> Rule:
    """The contest period of a kind's refusal (``<module>.contest``)."""
    return Rule(id=f"{module}.contest", article=article, title_key=f"rules.title.{module}.contest",
                consequence_key=CONSEQUENCE, applies_from=applies_from, applies_until=None, verified=False,
                period=Period(months=APL_CONTEST_MONTHS), anchor_key=ANCHOR, counting=Counting.APL, regime=regime)


def contest_due(notified_on: date) -> date:
    """The last day to contest a refusal notified on ``notified_on`` (APL s. 79(1), ss. 42-43)."""
    return apl_period(notified_on, months=APL_CONTEST_MONTHS)


def contest_deadline(rule: Rule, notified_on: date | None, contested_on: date | None,
                     today: date) -> list[ComputedDeadline]:
    """The contest period once a refusal was notified (none before): met when contested in time."""
    if notified_on is None:
        return []
    return [computed(rule, ANCHOR, notified_on, contest_due(notified_on), done_on=contested_on, today=today)]
