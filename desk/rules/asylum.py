"""Asylum applications: life cycle, decision due date, right to work, the residence permit each status
leads to, and the appeal period, under two regimes chosen by the LODGING date:

* ``Regime.ASYLUM_LAW``: the Asylum Law (2016) with Directive 2013/32/EU, for applications lodged
  before 12 June 2026. Desk's order of dates: lodged <= registered. Its decision periods and the
  interview period are counted without moving the last day (``Counting.NO_ROLL``); the appeal under the
  Administrative Procedure Law (APL ss. 42-43: roll forward).
* ``Regime.APR``: the Asylum Procedure Regulation (EU) 2024/1348, for applications lodged from 12 June
  2026 (Art. 79(3)). Order: made (Art. 26) <= registered (Art. 27) <= lodged (Art. 28); its periods run
  from lodging and are counted under its own Art. 73: a last day on a Saturday, Sunday or Latvian
  official holiday moves to the next working day (``Counting.ROLL_ACTOR`` on Latvia's calendar).

The right to work (Immigration Law) applies under both, by the lodging date: 9, then 6, then 3 months.

Every due date is ``add_period(anchor, **rule.period.as_kwargs(), roll_forward=...)`` of its rule
(``_due``), so the rule register (``desk rules``) and the dates cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desk.rules.calendar import add_period
from desk.rules.common import (ComputedDeadline, Counting, InvalidValue, Period, Rule, StateMachine, computed,
                               require)


class Regime(StrEnum):
    ASYLUM_LAW = "asylum_law"  # Asylum Law (2016); Directive 2013/32/EU
    APR = "apr"  # Regulation (EU) 2024/1348


class Procedure(StrEnum):
    REGULAR = "regular"
    ACCELERATED = "accelerated"
    ADMISSIBILITY = "admissibility"  # APR Art. 35(1): is the application admissible (Art. 38)?


# --- named parameters ------------------------------------------------------------------------------

ASYLUM_LAW_FROM = date(2016, 1, 19)  # Asylum Law of 17 Dec 2015, in force 19 Jan 2016 (not re-read)

# Reg. 2024/1348 Art. 79(3): "Denna förordning ska tillämpas på förfarandet för beviljande av
# internationellt skydd för ansökningar som lämnats in från och med den 12 juni 2026. Ansökningar om
# internationellt skydd som lämnats in före den dagen ska omfattas av direktiv 2013/32/EU."
# (applies to applications LODGED from 12 June 2026; those lodged before: Directive 2013/32/EU)
APR_APPLIES_FROM = date(2026, 6, 12)
ASYLUM_LAW_UNTIL = APR_APPLIES_FROM - timedelta(days=1)  # the last lodging day under the Asylum Law

# Asylum Law s. 29 (not confirmed on likumi.lv): decision within 3 months of the personal interview and
# no later than 6 months after registration; the State Secretary of the Ministry of the Interior may
# extend by up to 9 months. Source: DOMAIN.md; a LETA summary of the Asylum Law repeats 3/6/+9 months.
DECISION_AFTER_INTERVIEW_MONTHS = 3
DECISION_AFTER_REGISTRATION_MONTHS = 6
DECISION_MAX_EXTENSION_MONTHS = 9
# Directive 2013/32/EU Art. 31(5): "in any event, ... shall not exceed the maximum time limit of 21
# months from the lodging of the application".
EU_DECISION_CAP_MONTHS = 21
# PMLP procedure page (not confirmed): the personal interview takes place within 1 month of the decision
# to accept the application for examination. Asylum Law cases only: the APR sets no such period.
INTERVIEW_AFTER_ACCEPTANCE_MONTHS = 1

# Reg. 2024/1348 Art. 35(4): "Den beslutande myndigheten ska säkerställa att ett förfarande för prövning i
# sak – under förutsättning att det inte är ett påskyndat prövningsförfarande – avslutas så snart som
# möjligt och inte senare än sex månader från den dag då ansökan lämnades in".
APR_DECISION_MONTHS = 6
# Art. 35(5): "Den beslutande myndigheten får förlänga den tidsfrist på sex månader som avses i punkt 4
# med högst sex månader, om a) ... b) ... c) ..."
APR_MAX_EXTENSION_MONTHS = 6
# Art. 35(7) second subpara.: "Den beslutande myndigheten ska under alla omständigheter avsluta
# prövningsförfarandet inom 21 månader från det att en ansökan lämnats in." (where postponed)
APR_POSTPONED_CEILING_MONTHS = 21
# Art. 35(3): "Den beslutande myndigheten ska avsluta det påskyndade prövningsförfarandet så snart som
# möjligt och senast tre månader från den dag då ansökan lämnades in."
APR_ACCELERATED_MONTHS = 3
# Art. 35(1) first subpara.: the admissibility examination "ska avslutas så snart som möjligt och senast två
# månader från den dag då ansökan lämnades in".
APR_ADMISSIBILITY_MONTHS = 2
# Art. 35(2): "Den beslutande myndigheten får förlänga de tidsfrister som föreskrivs i punkt 1 första
# stycket med högst två månader om a) ... b) ... c) ..."
APR_ADMISSIBILITY_MAX_EXTENSION_MONTHS = 2
# Art. 35(3) provides no extension of the accelerated period.

# Art. 67(7): "Medlemsstaterna ska i sin nationella rätt föreskriva följande tidsfrister ...
#   a) Mellan minst fem dagar och högst tio dagar i fråga om ett beslut om att neka en ansökan prövning
#      eller ett beslut om att avslå en ansökan som implicit återkallad, som ogrundad eller som uppenbart
#      ogrundad, om någon av de omständigheter som avses i artikel 42.1 eller 42.3 gällde ...
#   b) Mellan minst två veckor och högst en månad i alla andra fall."
# Art. 67(8): the periods run "från den dag då beslutet ... delges sökanden".
# LATVIA'S CHOICE inside these ranges was NOT found (searched 1 Dec 2026: likumi.lv / press for a 2026
# Asylum Law implementing the APR; nothing found). Until a lawyer confirms, desk uses the longest period
# each range allows (the applicant is never told a day too early): 10 days and 1 month. verified=False.
APR_APPEAL_SHORT_DAYS = 10  # Art. 67(7)(a): 5..10 days; Latvia's number not confirmed (1 Dec 2026)
APR_APPEAL_MONTHS = 1  # Art. 67(7)(b): 2 weeks..1 month; Latvia's number not confirmed (1 Dec 2026)
APR_APPEAL_SHORT_RANGE_DAYS = (5, 10)
APR_APPEAL_RANGE = (Period(weeks=2), Period(months=1))

# Right to work (Immigration Law s. 9, section not confirmed): an applicant without a first-instance
# decision within N months of lodging, through no fault of their own, may work. N by the lodging date:
# * 9 months until the 2017 amendment; 6 months from 2 March 2017: beglis.lv (Patvērums "Drošā māja",
#   3 Apr 2017): "Šī gada 2. martā stājās spēkā grozījumi Imigrācijas likumā ... sešu mēnešu laikā";
#   the Ministry of the Interior (6 Sep 2016): "pēc sešiem mēnešiem iepriekš noteikto deviņu mēnešu vietā".
#   Not read in the Latvijas Vēstnesis itself (the Immigration Law's list of amendments names 2017 nr. 36).
# * 3 months from the 2021 amendment: the Saeima ADOPTED it in the third reading on 2 September 2021
#   (Saeima press release of that day); it was published in Latvijas Vēstnesis 2021 nr. 176A (the
#   Immigration Law's list of amending publications); the day it came into force was NOT found. Desk
#   keeps the adoption date as the switch-over until a lawyer reads the amending law.
RIGHT_TO_WORK_6M_FROM = date(2017, 3, 2)  # in force (secondary source); verified=False
RIGHT_TO_WORK_3M_FROM = date(2021, 9, 2)  # ADOPTION date, entry into force not confirmed; verified=False
RIGHT_TO_WORK_AMENDMENT_DATE = RIGHT_TO_WORK_3M_FROM  # the name used before issue 12
RIGHT_TO_WORK_MONTHS_9 = 9
RIGHT_TO_WORK_MONTHS_BEFORE = 6
RIGHT_TO_WORK_MONTHS_AFTER = 3
# APR-era applicants: the Reception Conditions Directive (EU) 2024/1346 Art. 17(1), as quoted by two
# secondary sources (not the Official Journal): access to the labour market "no later than six months from
# the date on which the application ... was registered" where no decision was taken and the delay is not
# the applicant's; none where the examination was accelerated under APR Art. 42(1)(a)-(f). Latvia's 3 months
# from lodging (Immigration Law) is the earlier date for every application lodged within 3 months of its
# registration, so desk keeps the Immigration Law rule for APR cases. NOT implemented: the Art. 17(1)
# exclusion for accelerated cases (desk does not record the Art. 42(1) point, and Latvia's transposition
# was not found).

# Appeal to the District Administrative Court within 1 month of notification (Asylum Law; APL s. 188(2);
# counted under APL ss. 42-43). The Asylum Law section was not confirmed.
APPEAL_MONTHS = 1

# Residence permits that follow a status (Asylum Law; Immigration Law). Refugee: permanent residence
# permit, the card re-registered every 5 years. Alternative status: temporary permit for 1 year, then
# 2 years at each renewal (not confirmed).
REFUGEE_CARD_REREGISTRATION_YEARS = 5
ALTERNATIVE_STATUS_FIRST_PERMIT_YEARS = 1
ALTERNATIVE_STATUS_RENEWAL_YEARS = 2


def _rule(id_: str, article: str, consequence: str | None, verified: bool, *, period: Period | None,
          anchor: str | None, counting: Counting, regime: Regime | None, applies_from: date,
          applies_until: date | None = None, prefix: str = "asylum") -> Rule:
    return Rule(id=f"{prefix}.{id_}", article=article, title_key=f"rules.title.{prefix}.{id_}",
                consequence_key=consequence, applies_from=applies_from, applies_until=applies_until,
                verified=verified, period=period, anchor_key=anchor, counting=counting,
                regime=str(regime) if regime else None)


def _law(id_: str, article: str, consequence: str | None, verified: bool, period: Period | None, anchor: str,
         counting: Counting = Counting.NO_ROLL) -> Rule:
    """A rule of the Asylum Law regime: applications lodged before 12 June 2026 (APR Art. 79(3))."""
    return _rule(id_, article, consequence, verified, period=period, anchor=anchor, counting=counting,
                 regime=Regime.ASYLUM_LAW, applies_from=ASYLUM_LAW_FROM, applies_until=ASYLUM_LAW_UNTIL)


def _apr(id_: str, article: str, consequence: str | None, verified: bool, period: Period | None,
         anchor: str) -> Rule:
    """A rule of Reg. 2024/1348, counted under its Art. 73(c) on Latvia's calendar."""
    return _rule(id_, article, consequence, verified, period=period, anchor=anchor, counting=Counting.ROLL_ACTOR,
                 regime=Regime.APR, applies_from=APR_APPLIES_FROM, prefix="apr")


LODGED, REGISTERED, NOTIFIED = "rules.anchor.lodged", "rules.anchor.registered", "rules.anchor.notified"

# --- Asylum Law (lodged before 12 June 2026) ------------------------------------------------------------
# Asylum Law s. 29 (not confirmed): "no later than 6 months after registration"; Dir. 2013/32/EU Art. 31(3)
# first subpara.: "within six months of the lodging of the application".
R_DECISION = _law("decision", "Asylum Law s. 29; Dir. 2013/32/EU Art. 31(3)", "rules.consequence.decision_late",
                  False, Period(months=DECISION_AFTER_REGISTRATION_MONTHS), REGISTERED)
# Asylum Law s. 29 (not confirmed): "within 3 months of the personal interview" (when that is earlier).
R_DECISION_INTERVIEW = _law("decision_interview", "Asylum Law s. 29", "rules.consequence.decision_late", False,
                            Period(months=DECISION_AFTER_INTERVIEW_MONTHS), "rules.anchor.interview")
# Asylum Law s. 29 (not confirmed): extended by up to 9 months (Dir. 2013/32/EU Art. 31(3) third subpara.:
# "may be extended for a period not exceeding a further nine months"); capped by Art. 31(5). The period is
# 6 months plus the extension decided: set by that decision, so no fixed period.
R_DECISION_EXTENDED = _law("decision_extended", "Asylum Law s. 29; Dir. 2013/32/EU Art. 31(3) third subpara., 31(5)",
                           "rules.consequence.decision_late", False, None, REGISTERED)
# Directive 2013/32/EU Art. 31(5): "shall not exceed the maximum time limit of 21 months from the lodging".
R_DECISION_EU_CAP = _law("decision_eu_cap", "Dir. 2013/32/EU Art. 31(5)", "rules.consequence.decision_late", True,
                         Period(months=EU_DECISION_CAP_MONTHS), LODGED)
# PMLP procedure description (not confirmed): interview within 1 month of accepting the application.
R_INTERVIEW = _law("interview", "Asylum Law", None, False, Period(months=INTERVIEW_AFTER_ACCEPTANCE_MONTHS),
                   "rules.anchor.accepted_for_examination")
# Appeal within 1 month of notification; APL s. 188(2) and ss. 42-43 (the Asylum Law section not confirmed).
R_APPEAL = _law("appeal", "Asylum Law; APL s. 188(2); APL ss. 42-43", "rules.consequence.decision_final", False,
                Period(months=APPEAL_MONTHS), NOTIFIED, Counting.APL)

# --- right to work (Immigration Law; both regimes, by the lodging date) ---------------------------------
_RTW = dict(consequence="rules.consequence.right_to_work", verified=False, anchor=LODGED,
            counting=Counting.NO_ROLL, regime="immigration_law")  # the Immigration Law's, under both regimes
# Immigration Law s. 9 before the 2017 amendment: "9 months" (Ministry of the Interior, 6 Sep 2016).
R_RIGHT_TO_WORK_9M = _rule("right_to_work_9m", "Immigration Law s. 9", period=Period(months=RIGHT_TO_WORK_MONTHS_9),
                           applies_from=ASYLUM_LAW_FROM, applies_until=RIGHT_TO_WORK_6M_FROM - timedelta(days=1),
                           **_RTW)
# Immigration Law s. 9 as amended in force 2 March 2017: "sešu mēnešu laikā pēc tam, kad iesniegts
# iesniegums" (within six months after the application was lodged).
R_RIGHT_TO_WORK_6M = _rule("right_to_work_6m", "Immigration Law s. 9",
                           period=Period(months=RIGHT_TO_WORK_MONTHS_BEFORE), applies_from=RIGHT_TO_WORK_6M_FROM,
                           applies_until=RIGHT_TO_WORK_3M_FROM - timedelta(days=1), **_RTW)
# Immigration Law s. 9 as amended in 2021 (adopted 2 Sep 2021): "if the decision ... has not been made
# within three months from the submission of the application" (Saeima press release).
R_RIGHT_TO_WORK_3M = _rule("right_to_work_3m", "Immigration Law s. 9",
                           period=Period(months=RIGHT_TO_WORK_MONTHS_AFTER), applies_from=RIGHT_TO_WORK_3M_FROM,
                           **_RTW)
RIGHT_TO_WORK_RULES = (R_RIGHT_TO_WORK_9M, R_RIGHT_TO_WORK_6M, R_RIGHT_TO_WORK_3M)

# --- Reg. 2024/1348 (lodged from 12 June 2026) ------------------------------------------------------------
# Art. 73: "a) ... Den dag då händelsen inträffade ... ska inte inräknas i perioden. b) En frist uttryckt i
# veckor eller månader ska löpa ut vid utgången av den dag i fristens sista vecka eller månad som infaller
# på samma veckodag eller samma datum ... c) Tidsfristerna ska omfatta lördagar, söndagar och officiella
# helgdagar i den berörda medlemsstaten. Om en frist löper ut på en lördag, söndag eller officiell helgdag
# ska nästa arbetsdag räknas som fristens sista dag." -> every APR rule: Counting.ROLL_ACTOR (Latvia).
R_APR_DECISION = _apr("decision", "Reg. 2024/1348 Art. 35(4), 73(c)", "rules.consequence.decision_late", True,
                      Period(months=APR_DECISION_MONTHS), LODGED)
# Art. 35(5): 6 months extended "med högst sex månader": the period is 6 months plus the extension decided.
R_APR_DECISION_EXTENDED = _apr("decision_extended", "Reg. 2024/1348 Art. 35(4), 35(5), 73(c)",
                               "rules.consequence.decision_late", True, None, LODGED)
# Art. 35(7) second subpara.: postponed -> "under alla omständigheter ... inom 21 månader" from lodging.
R_APR_DECISION_POSTPONED = _apr("decision_postponed", "Reg. 2024/1348 Art. 35(7) second subpara., 73(c)",
                                "rules.consequence.decision_late", True,
                                Period(months=APR_POSTPONED_CEILING_MONTHS), LODGED)
# Art. 35(3): the accelerated examination "senast tre månader från den dag då ansökan lämnades in".
R_APR_ACCELERATED = _apr("accelerated", "Reg. 2024/1348 Art. 35(3), 73(c)", "rules.consequence.decision_late", True,
                         Period(months=APR_ACCELERATED_MONTHS), LODGED)
# Art. 35(1) first subpara.: admissibility "senast två månader från den dag då ansökan lämnades in".
R_APR_ADMISSIBILITY = _apr("admissibility", "Reg. 2024/1348 Art. 35(1) first subpara., 73(c)",
                           "rules.consequence.decision_late", True, Period(months=APR_ADMISSIBILITY_MONTHS), LODGED)
# Art. 35(2): the admissibility period extended "med högst två månader": 2 months plus the extension.
R_APR_ADMISSIBILITY_EXTENDED = _apr("admissibility_extended", "Reg. 2024/1348 Art. 35(1) first subpara., 35(2), 73(c)",
                                    "rules.consequence.decision_late", True, None, LODGED)
# Art. 67(7)(a), 67(8): inadmissible, implicitly withdrawn, or (manifestly) unfounded in an accelerated
# case: 5 to 10 days from notification; Latvia's number APR_APPEAL_SHORT_DAYS not confirmed.
R_APR_APPEAL_SHORT = _apr("appeal_short", "Reg. 2024/1348 Art. 67(7)(a), 67(8), 73(c)",
                          "rules.consequence.decision_final", False, Period(days=APR_APPEAL_SHORT_DAYS), NOTIFIED)
# Art. 67(7)(b), 67(8): every other case, 2 weeks to 1 month; Latvia's APR_APPEAL_MONTHS not confirmed.
R_APR_APPEAL = _apr("appeal", "Reg. 2024/1348 Art. 67(7)(b), 67(8), 73(c)", "rules.consequence.decision_final",
                    False, Period(months=APR_APPEAL_MONTHS), NOTIFIED)

RULES: dict[str, Rule] = {r.id: r for r in (
    R_DECISION, R_DECISION_INTERVIEW, R_DECISION_EXTENDED, R_DECISION_EU_CAP, R_INTERVIEW, R_APPEAL,
    *RIGHT_TO_WORK_RULES,
    R_APR_DECISION, R_APR_DECISION_EXTENDED, R_APR_DECISION_POSTPONED, R_APR_ACCELERATED, R_APR_ADMISSIBILITY,
    R_APR_ADMISSIBILITY_EXTENDED, R_APR_APPEAL_SHORT, R_APR_APPEAL)}


# --- life cycle -----------------------------------------------------------------------------------------


class Status(StrEnum):
    LODGED = "lodged"
    ACCEPTED_FOR_EXAMINATION = "accepted_for_examination"
    INTERVIEWED = "interviewed"
    REFUGEE_STATUS = "refugee_status"  # decided: refugee status granted
    ALTERNATIVE_STATUS = "alternative_status"  # decided: alternative (subsidiary protection) status granted
    REFUSED = "refused"  # decided: protection refused
    LEFT_WITHOUT_EXAMINATION = "left_without_examination"  # inadmissible, implicitly withdrawn, Dublin transfer
    WITHDRAWN = "withdrawn"
    APPEALED = "appealed"
    FINAL = "final"


class Action(StrEnum):
    ACCEPT_FOR_EXAMINATION = "accept_for_examination"
    HOLD_INTERVIEW = "hold_interview"
    GRANT_REFUGEE_STATUS = "grant_refugee_status"
    GRANT_ALTERNATIVE_STATUS = "grant_alternative_status"
    REFUSE = "refuse"
    LEAVE_WITHOUT_EXAMINATION = "leave_without_examination"
    WITHDRAW = "withdraw"
    APPEAL = "appeal"
    COURT_REMITS = "court_remits"  # the court annuls the decision and sends the case back
    BECOME_FINAL = "become_final"
    EXTEND_DECISION = "extend_decision"  # Asylum Law s. 29; Reg. 2024/1348 Art. 35(2), 35(5)
    POSTPONE_DECISION = "postpone_decision"  # Reg. 2024/1348 Art. 35(7)


S, A = Status, Action
_DECIDED = (S.REFUGEE_STATUS, S.ALTERNATIVE_STATUS, S.REFUSED, S.LEFT_WITHOUT_EXAMINATION)
_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.LODGED, A.ACCEPT_FOR_EXAMINATION): S.ACCEPTED_FOR_EXAMINATION,
    (S.LODGED, A.LEAVE_WITHOUT_EXAMINATION): S.LEFT_WITHOUT_EXAMINATION,
    (S.LODGED, A.WITHDRAW): S.WITHDRAWN,
    (S.ACCEPTED_FOR_EXAMINATION, A.HOLD_INTERVIEW): S.INTERVIEWED,
    (S.ACCEPTED_FOR_EXAMINATION, A.LEAVE_WITHOUT_EXAMINATION): S.LEFT_WITHOUT_EXAMINATION,
    (S.ACCEPTED_FOR_EXAMINATION, A.WITHDRAW): S.WITHDRAWN,
    (S.INTERVIEWED, A.GRANT_REFUGEE_STATUS): S.REFUGEE_STATUS,
    (S.INTERVIEWED, A.GRANT_ALTERNATIVE_STATUS): S.ALTERNATIVE_STATUS,
    (S.INTERVIEWED, A.REFUSE): S.REFUSED,
    (S.INTERVIEWED, A.LEAVE_WITHOUT_EXAMINATION): S.LEFT_WITHOUT_EXAMINATION,
    (S.INTERVIEWED, A.WITHDRAW): S.WITHDRAWN,
    **{(d, A.APPEAL): S.APPEALED for d in _DECIDED},
    **{(d, A.BECOME_FINAL): S.FINAL for d in _DECIDED},
    (S.APPEALED, A.COURT_REMITS): S.INTERVIEWED,
    # the period is extended or the decision postponed while the application is being examined
    **{(s, a): s for s in (S.LODGED, S.ACCEPTED_FOR_EXAMINATION, S.INTERVIEWED)
       for a in (A.EXTEND_DECISION, A.POSTPONE_DECISION)},
    (S.APPEALED, A.BECOME_FINAL): S.FINAL,
}
del S, A

MACHINE = StateMachine("asylum", _TRANSITIONS, Status.LODGED)
INITIAL_STATUS = Status.LODGED
TERMINAL_STATUSES: frozenset[Status] = frozenset({Status.FINAL, Status.WITHDRAWN})
DECIDED_STATUSES: frozenset[Status] = frozenset(_DECIDED)


# --- permits that follow a status --------------------------------------------------------------------


@dataclass(frozen=True)
class PermitEntitlement:
    permit_kind: str  # a desk.rules.permits.PermitKind value: "permanent" / "temporary"
    first_validity_years: int
    renewal_validity_years: int | None  # None: the permit is permanent; the card is re-registered
    card_reregistration_years: int | None


def permit_for(status) -> PermitEntitlement | None:
    """The residence permit a decided status leads to (Asylum Law; Immigration Law), or None."""
    status = Status(status)
    if status == Status.REFUGEE_STATUS:
        return PermitEntitlement("permanent", REFUGEE_CARD_REREGISTRATION_YEARS, None, REFUGEE_CARD_REREGISTRATION_YEARS)
    if status == Status.ALTERNATIVE_STATUS:
        return PermitEntitlement("temporary", ALTERNATIVE_STATUS_FIRST_PERMIT_YEARS, ALTERNATIVE_STATUS_RENEWAL_YEARS,
                                 None)
    return None


# --- facts and deadlines ----------------------------------------------------------------------------


def regime_for(lodged_on: date) -> Regime:
    """The regime of an application by its LODGING date (Reg. 2024/1348 Art. 79(3)): the APR from
    12 June 2026 (that day included: "från och med"), the Asylum Law and Directive 2013/32/EU before."""
    if not isinstance(lodged_on, date):
        raise InvalidValue("rules.missing_date", field="lodged_on")
    return Regime.APR if lodged_on >= APR_APPLIES_FROM else Regime.ASYLUM_LAW


def date_order(regime, *, lodged_on: date | None, registered_on: date | None,
               made_on: date | None = None) -> list[tuple[str, str]]:
    """The pairs (earlier, later) of date fields given in the wrong order for ``regime``.

    APR: made (Art. 26) <= registered (Art. 27) <= lodged (Art. 28). Asylum Law (desk's order since
    2016): lodged <= registered, and a day the application was made, if given, not after either."""
    regime = Regime(regime)
    dates = {"made_on": made_on, "registered_on": registered_on, "lodged_on": lodged_on}
    if regime == Regime.APR:
        pairs = [("made_on", "registered_on"), ("registered_on", "lodged_on"), ("made_on", "lodged_on")]
    else:
        pairs = [("lodged_on", "registered_on"), ("made_on", "lodged_on"), ("made_on", "registered_on")]
    wrong = []
    for earlier, later in pairs:
        a, b = dates[earlier], dates[later]
        if a is not None and b is not None and b < a and not any(w[1] == later for w in wrong):
            wrong.append((earlier, later))
    return wrong


@dataclass(frozen=True)
class ApplicationFacts:
    lodged_on: date
    registered_on: date | None = None  # defaults to lodged_on
    accepted_for_examination_on: date | None = None
    interview_on: date | None = None
    decision_on: date | None = None
    decision_extended_months: int = 0  # Asylum Law: at most 9; APR: at most 6 (Art. 35(5)), 2 (Art. 35(2))
    notified_on: date | None = None  # notification of the decision
    appeal_lodged_on: date | None = None
    withdrawn_on: date | None = None
    delay_caused_by_applicant: bool = False  # right to work needs a delay "through no fault" of the applicant
    work_permitted_from: date | None = None  # when the right to work was actually granted
    regime: Regime | str | None = None  # None: from lodged_on (regime_for)
    made_on: date | None = None  # APR Art. 26
    procedure: Procedure | str = Procedure.REGULAR
    postponed_on: date | None = None  # APR Art. 35(7): the decision was postponed
    decision: str | None = None  # refugee, alternative, refused, left_without_examination (the appeal period)

    @property
    def the_regime(self) -> Regime:
        return Regime(self.regime) if self.regime else regime_for(self.lodged_on)

    @property
    def the_procedure(self) -> Procedure:
        return Procedure(self.procedure or Procedure.REGULAR)


def _due(rule: Rule, anchor: date, **extra_months) -> date:
    """The last day of ``rule``'s period from ``anchor``, counted as the rule says (the register's formula);
    ``months=`` adds an extension to a rule whose period is set by an extension decision."""
    roll = rule.counting in (Counting.ROLL_ACTOR, Counting.APL)
    if rule.period is None:
        return add_period(anchor, months=extra_months.get("months", 0), roll_forward=roll)
    return add_period(anchor, **rule.period.as_kwargs(), roll_forward=roll)


def _apr_decision_due(facts: ApplicationFacts) -> tuple[Rule, str, date, date]:
    lodged, months, procedure = facts.lodged_on, facts.decision_extended_months, facts.the_procedure
    if facts.postponed_on is not None:  # Art. 35(7): the 21-month ceiling replaces the Art. 35(4) limit
        return R_APR_DECISION_POSTPONED, LODGED, lodged, _due(R_APR_DECISION_POSTPONED, lodged)
    if procedure == Procedure.ACCELERATED:
        if months:  # Art. 35(3) provides no extension
            raise InvalidValue("rules.asylum.apr_no_extension_accelerated", months=months)
        return R_APR_ACCELERATED, LODGED, lodged, _due(R_APR_ACCELERATED, lodged)
    if procedure == Procedure.ADMISSIBILITY:
        if months > APR_ADMISSIBILITY_MAX_EXTENSION_MONTHS:
            raise InvalidValue("rules.asylum.apr_extension_too_long", months=months,
                               max=APR_ADMISSIBILITY_MAX_EXTENSION_MONTHS)
        if months:
            return (R_APR_ADMISSIBILITY_EXTENDED, LODGED, lodged,
                    _due(R_APR_ADMISSIBILITY_EXTENDED, lodged, months=APR_ADMISSIBILITY_MONTHS + months))
        return R_APR_ADMISSIBILITY, LODGED, lodged, _due(R_APR_ADMISSIBILITY, lodged)
    if months > APR_MAX_EXTENSION_MONTHS:
        raise InvalidValue("rules.asylum.apr_extension_too_long", months=months, max=APR_MAX_EXTENSION_MONTHS)
    if months:
        return (R_APR_DECISION_EXTENDED, LODGED, lodged,
                _due(R_APR_DECISION_EXTENDED, lodged, months=APR_DECISION_MONTHS + months))
    return R_APR_DECISION, LODGED, lodged, _due(R_APR_DECISION, lodged)


def decision_due(facts: ApplicationFacts) -> tuple[Rule, str, date, date]:
    """(rule, anchor key, anchor date, due date) of the first-instance decision, under the regime of the
    application (``facts.regime``, or by its lodging date)."""
    require(facts.lodged_on, "lodged_on")
    if facts.decision_extended_months < 0:
        raise InvalidValue("rules.negative_period", days=0, weeks=0, months=facts.decision_extended_months)
    if facts.the_regime == Regime.APR:
        return _apr_decision_due(facts)
    if facts.decision_extended_months > DECISION_MAX_EXTENSION_MONTHS:
        raise InvalidValue("rules.asylum.extension_too_long", months=facts.decision_extended_months,
                           max=DECISION_MAX_EXTENSION_MONTHS)
    registered = facts.registered_on or facts.lodged_on
    outer = _due(R_DECISION, registered)
    if facts.decision_extended_months:
        extended = _due(R_DECISION_EXTENDED, registered,
                        months=DECISION_AFTER_REGISTRATION_MONTHS + facts.decision_extended_months)
        return R_DECISION_EXTENDED, REGISTERED, registered, min(extended, _due(R_DECISION_EU_CAP, facts.lodged_on))
    if facts.interview_on is not None:
        after_interview = _due(R_DECISION_INTERVIEW, facts.interview_on)
        if after_interview < outer:
            return R_DECISION_INTERVIEW, "rules.anchor.interview", facts.interview_on, after_interview
    return R_DECISION, REGISTERED, registered, outer


def right_to_work_rule(lodged_on: date) -> Rule:
    """The right-to-work rule in force on the lodging date (9, 6 or 3 months)."""
    for rule in reversed(RIGHT_TO_WORK_RULES):
        if lodged_on >= rule.applies_from:
            return rule
    return R_RIGHT_TO_WORK_9M  # lodged before the Asylum Law of 2016: the oldest period desk knows


def right_to_work_due(lodged_on: date) -> date:
    """The last day of the waiting period: without a decision by then, the right to work arises next day."""
    return _due(right_to_work_rule(lodged_on), lodged_on)


def right_to_work_from(facts: ApplicationFacts) -> date | None:
    """The first day the applicant may work, or None (decided in time, or the delay is the applicant's)."""
    if facts.delay_caused_by_applicant:
        return None
    due = right_to_work_due(facts.lodged_on)
    if facts.decision_on is not None and facts.decision_on <= due:
        return None
    if facts.withdrawn_on is not None and facts.withdrawn_on <= due:
        return None
    return due + timedelta(days=1)


def appeal_due(notified_on: date) -> date:
    """Asylum Law: 1 month from notification, last day rolled forward off weekends and Latvian holidays
    (APL s. 43)."""
    return _due(R_APPEAL, notified_on)


def appeal_rule(facts: ApplicationFacts) -> Rule:
    """The appeal period of the decision: Asylum Law 1 month; APR Art. 67(7)(a) for a decision refusing
    to examine the application (inadmissible, implicitly withdrawn: desk's "left without examination") or
    rejecting it as (manifestly) unfounded in an accelerated procedure, Art. 67(7)(b) otherwise."""
    if facts.the_regime != Regime.APR:
        return R_APPEAL
    if facts.decision == "left_without_examination":
        return R_APR_APPEAL_SHORT
    if facts.decision == "refused" and facts.the_procedure == Procedure.ACCELERATED:
        return R_APR_APPEAL_SHORT
    return R_APR_APPEAL


def deadlines(facts: ApplicationFacts, today: date) -> list[ComputedDeadline]:
    """Decision (and, under the Asylum Law, the interview and the EU cap), right to work, appeal: met,
    missed, open or moot."""
    out: list[ComputedDeadline] = []
    withdrawn = facts.withdrawn_on is not None
    apr = facts.the_regime == Regime.APR
    if facts.accepted_for_examination_on is not None and not apr:
        out.append(computed(R_INTERVIEW, "rules.anchor.accepted_for_examination", facts.accepted_for_examination_on,
                            _due(R_INTERVIEW, facts.accepted_for_examination_on), done_on=facts.interview_on,
                            today=today, moot=withdrawn or facts.decision_on is not None))
    rule, key, anchor, due = decision_due(facts)
    out.append(computed(rule, key, anchor, due, done_on=facts.decision_on, today=today, moot=withdrawn))
    if not apr:
        out.append(computed(R_DECISION_EU_CAP, LODGED, facts.lodged_on, _due(R_DECISION_EU_CAP, facts.lodged_on),
                            done_on=facts.decision_on, today=today, moot=withdrawn))
    out.append(computed(right_to_work_rule(facts.lodged_on), LODGED, facts.lodged_on,
                        right_to_work_due(facts.lodged_on), done_on=facts.decision_on, today=today,
                        moot=withdrawn or facts.delay_caused_by_applicant))
    if facts.notified_on is not None:
        appeal = appeal_rule(facts)
        out.append(computed(appeal, NOTIFIED, facts.notified_on, _due(appeal, facts.notified_on),
                            done_on=facts.appeal_lodged_on, today=today))
    return out
