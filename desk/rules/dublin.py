"""Dublin requests: which regime, every time limit, tacit acceptance, and the request's life cycle.

Two regimes:

* DUBLIN_III - Regulation (EU) No 604/2013 with implementing Regulation (EC) No 1560/2003 (as amended by
  Regulation (EU) No 118/2014). Time limits count from the LODGING of the application.
* AMMR - Regulation (EU) 2024/1351, applicable from 1 July 2026. Time limits count from the REGISTRATION.

Choice (Reg. 2024/1351 Art. 84(1), 84(2)): an application registered BEFORE 1 July 2026 -> Dublin III
criteria; registered AFTER -> AMMR. The text says nothing of 1 July itself: desk treats it as AMMR and
flags it (``regime_boundary_flag``; note ``rules.note.regime_boundary`` on every deadline).

Counting:

* Dublin III Art. 42: the day of the event is not counted; weeks/months end on the same weekday/date,
  clipped to the end of a short month; Saturdays, Sundays and holidays are INCLUDED - the last day is
  never moved (Art. 42(c)). Dublin III therefore never rolls forward.
* AMMR: no counting article was confirmed (verify). Until one is, desk counts as Dublin III Art. 42 does
  and keeps the weekend/holiday roll-forward of Reg. 1182/71 Art. 3(4) as the switch
  ``AMMR_ROLL_FORWARD`` (off). When switched on, our own acts use Latvia's calendar and replies by
  another state use the requested state's calendar.

Public functions: ``regime_for``, ``regime_boundary_flag``, ``request_deadline``, ``reply_deadline``,
``transfer_deadline``, ``tacit_acceptance_on``, ``out_of_time``, ``acceptance_date``, ``deadlines``,
``allowed_actions``, ``apply_action``, ``initial_status``.

``request_deadline`` for an INFORMATION request RAISES ``InvalidValue("rules.dublin.no_request_limit")``:
the regulations set no time limit for sending one (Dublin III Art. 34; the reply limit is 34(5)).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desk.rules.calendar import DEFAULT_COUNTRY, add_period
from desk.rules.common import (
    ComputedDeadline,
    InvalidValue,
    Rule,
    StateMachine,
    computed,
)

# --- regimes --------------------------------------------------------------------------------------


class Regime(StrEnum):
    DUBLIN_III = "dublin_iii"
    AMMR = "ammr"


class RequestKind(StrEnum):
    TAKE_CHARGE = "take_charge"
    TAKE_BACK = "take_back"  # under AMMR: a take back NOTIFICATION (Art. 41)
    INFORMATION = "information"


class Direction(StrEnum):
    OUTGOING = "outgoing"  # Latvia requests another Member State
    INCOMING = "incoming"  # another Member State requests Latvia


class HitKind(StrEnum):
    EURODAC = "eurodac"
    VIS = "vis"  # a VIS hit counts as a hit only under AMMR (Art. 39(1), 40(2))


class ReplyOutcome(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Extension(StrEnum):
    IMPRISONMENT = "imprisonment"  # Dublin III Art. 29(2); AMMR Art. 46(2)
    ABSCONDING = "absconding"  # Dublin III Art. 29(2); AMMR Art. 46(2)
    MEDICAL_UNFITNESS = "medical_unfitness"  # AMMR Art. 46(2) only (verify)
    RESISTING = "resisting"  # AMMR Art. 46(2) only (verify)


# Reg. 2024/1351 Art. 84(1)-(2) and Art. 85 (application from 1 July 2026). Confirmed (Art. 84 text).
AMMR_APPLIES_FROM = date(2026, 7, 1)
# Dublin III applies to applications lodged from 1 January 2014 (Reg. 604/2013 Art. 49, second subpara.).
DUBLIN_III_APPLIES_FROM = date(2014, 1, 1)
# Last registration day for which Dublin III criteria apply (Art. 84(2): registered before 1 July 2026).
DUBLIN_III_LAST_REGISTRATION_DAY = AMMR_APPLIES_FROM - timedelta(days=1)

# AMMR counting (verify): no counting article was confirmed in Reg. 2024/1351. Count as Dublin III
# Art. 42 does; the Reg. 1182/71 Art. 3(4) roll-forward is kept as this switch, OFF until confirmed.
AMMR_ROLL_FORWARD = False

# --- named periods (each a parameter a lawyer can change; source in the comment) -----------------------

# Dublin III (Reg. 604/2013)
D3_TAKE_CHARGE_REQUEST_MONTHS = 3  # Art. 21(1) first subpara.: 3 months from lodging
D3_TAKE_CHARGE_REQUEST_HIT_MONTHS = 2  # Art. 21(1) second subpara.: 2 months from the Eurodac hit
D3_MENGESTEAB_CAP_MONTHS = 3  # CJEU C-670/16 Mengesteab: never later than 3 months from lodging
D3_TAKE_BACK_REQUEST_MONTHS = 3  # Art. 23(2) / 24(2): 3 months from lodging / from knowledge
D3_TAKE_BACK_REQUEST_HIT_MONTHS = 2  # Art. 23(2) / 24(2): 2 months from the Eurodac hit
D3_DETAINED_REQUEST_MONTHS = 1  # Art. 28(3) second subpara.: request within 1 month of lodging
D3_TAKE_CHARGE_REPLY_MONTHS = 2  # Art. 22(1): reply within 2 months of receipt
D3_URGENT_MIN_WEEKS = 1  # Art. 21(2): the urgent period asked is at least one week
D3_URGENT_REPLY_MAX_MONTHS = 1  # Art. 22(6): in any event within one month
D3_TAKE_BACK_REPLY_MONTHS = 1  # Art. 25(1): reply within 1 month
D3_TAKE_BACK_REPLY_HIT_WEEKS = 2  # Art. 25(1): 2 weeks when based on Eurodac data
D3_DETAINED_REPLY_WEEKS = 2  # Art. 28(3) second subpara.: reply within 2 weeks
D3_INFORMATION_REPLY_WEEKS = 5  # Art. 34(5): reply within 5 weeks
D3_REEXAMINATION_REQUEST_WEEKS = 3  # Reg. 1560/2003 Art. 5(2): within 3 weeks of the negative reply
D3_REEXAMINATION_REPLY_WEEKS = 2  # Reg. 1560/2003 Art. 5(2): "endeavour to reply within 2 weeks"
D3_TRANSFER_MONTHS = 6  # Art. 29(1)
D3_TRANSFER_IMPRISONMENT_MONTHS = 12  # Art. 29(2): at most one year
D3_TRANSFER_ABSCONDING_MONTHS = 18  # Art. 29(2): at most 18 months
D3_DETAINED_TRANSFER_WEEKS = 6  # Art. 28(3) third subpara.

# AMMR (Reg. 2024/1351)
AMMR_TAKE_CHARGE_REQUEST_MONTHS = 2  # Art. 39(1) first subpara.: 2 months from registration
AMMR_TAKE_CHARGE_REQUEST_HIT_MONTHS = 1  # Art. 39(1) second subpara.: 1 month from a Eurodac/VIS hit
AMMR_TAKE_BACK_NOTIFICATION_WEEKS = 2  # Art. 41(1): 2 weeks from the Eurodac hit
AMMR_DETAINED_REQUEST_WEEKS = 2  # Art. 45(1): 2 weeks from registration (or from the hit)
AMMR_DETAINED_LATER_REQUEST_WEEKS = 1  # Art. 45(1): 1 week from the day of detention, if detained later
AMMR_TAKE_CHARGE_REPLY_MONTHS = 1  # Art. 40(1)
AMMR_TAKE_CHARGE_REPLY_HIT_WEEKS = 2  # Art. 40(2)
AMMR_DETAINED_REPLY_WEEKS = 1  # Art. 45(2)
AMMR_TAKE_BACK_CONFIRMATION_WEEKS = 2  # Art. 41(3); silence = confirmation, Art. 41(4)
AMMR_TRANSFER_DECISION_WEEKS = 2  # Art. 42(1)
# Art. 43(2): each Member State sets a period between 1 and 3 weeks. Latvia's number NOT confirmed
# (verify): desk uses the maximum the Regulation allows.
AMMR_TRANSFER_APPEAL_WEEKS = 3
AMMR_TRANSFER_MONTHS = 6  # Art. 46(1)
# Art. 46(2) (verify): up to 1 year (imprisonment, medical unfitness) or 3 years (absconding, resisting).
AMMR_TRANSFER_IMPRISONMENT_MONTHS = 12
AMMR_TRANSFER_ABSCONDING_MONTHS = 36
# Information requests under AMMR (verify): article and period not confirmed; desk keeps Dublin III's
# 5 weeks (604/2013 Art. 34(5)) by analogy.
AMMR_INFORMATION_REPLY_WEEKS = 5
# Re-examination under AMMR (verify): Reg. 1560/2003 is repealed by Implementing Reg. (EU) 2025/2055;
# its re-examination article was not confirmed. desk keeps 1560/2003 Art. 5(2)'s 3 and 2 weeks.
AMMR_REEXAMINATION_REQUEST_WEEKS = 3
AMMR_REEXAMINATION_REPLY_WEEKS = 2

# --- rules ----------------------------------------------------------------------------------------------

_D3_FROM, _D3_UNTIL = DUBLIN_III_APPLIES_FROM, DUBLIN_III_LAST_REGISTRATION_DAY
_TACIT = "rules.consequence.tacit_acceptance"


def _d3(id_: str, article: str, consequence: str | None, verified: bool = True) -> Rule:
    return Rule(
        id=f"dublin3.{id_}",
        article=article,
        title_key=f"rules.title.dublin3.{id_}",
        consequence_key=consequence,
        applies_from=_D3_FROM,
        applies_until=_D3_UNTIL,
        verified=verified,
    )


def _ammr(id_: str, article: str, consequence: str | None, verified: bool = True) -> Rule:
    return Rule(
        id=f"ammr.{id_}",
        article=article,
        title_key=f"rules.title.ammr.{id_}",
        consequence_key=consequence,
        applies_from=AMMR_APPLIES_FROM,
        applies_until=None,
        verified=verified,
    )


# Dublin III. Sources: 28(3) and 29(2) texts seen; 1560/2003 Art. 5(2) as read by CJEU C-47/17 and C-48/17;
# 21(1) as read by CJEU C-670/16 Mengesteab; the other paragraphs match DOMAIN.md's table and the OJ text
# (L 180, 29.6.2013) as known, the excerpts were not retrieved this time.
D3_TC_REQUEST = _d3(  # Reg. 604/2013 Art. 21(1) first and third subparagraphs
    "take_charge.request", "Reg. 604/2013 Art. 21(1)", "rules.consequence.requesting_state_responsible")
D3_TC_REQUEST_HIT = _d3(  # Art. 21(1) second subparagraph (Eurodac hit, Reg. 603/2013 Art. 9(5))
    "take_charge.request_hit", "Reg. 604/2013 Art. 21(1) second subpara.",
    "rules.consequence.requesting_state_responsible")
D3_TC_REQUEST_HIT_CAP = _d3(  # Art. 21(1); CJEU C-670/16 Mengesteab (26 July 2017), para. 67-68
    "take_charge.request_hit_cap", "Reg. 604/2013 Art. 21(1); CJEU C-670/16 Mengesteab",
    "rules.consequence.requesting_state_responsible")
D3_TB_REQUEST = _d3(  # Art. 23(2) second subpara.; consequence Art. 23(3)
    "take_back.request", "Reg. 604/2013 Art. 23(2), 23(3)", "rules.consequence.new_application_state_responsible")
D3_TB_REQUEST_HIT = _d3(  # Art. 23(2) first subpara.; consequence Art. 23(3)
    "take_back.request_hit", "Reg. 604/2013 Art. 23(2), 23(3)",
    "rules.consequence.new_application_state_responsible")
D3_TB24_REQUEST = _d3(  # Art. 24(2) second subpara. (no new application); consequence Art. 24(3)
    "take_back_no_application.request", "Reg. 604/2013 Art. 24(2), 24(3)",
    "rules.consequence.new_application_opportunity")
D3_TB24_REQUEST_HIT = _d3(  # Art. 24(2) first subpara.; consequence Art. 24(3)
    "take_back_no_application.request_hit", "Reg. 604/2013 Art. 24(2), 24(3)",
    "rules.consequence.new_application_opportunity")
D3_REQUEST_DETAINED = _d3(  # Art. 28(3) second subpara. (text seen)
    "request_detained", "Reg. 604/2013 Art. 28(3)", "rules.consequence.requesting_state_responsible")
D3_TC_REPLY = _d3(  # Art. 22(1); silence = acceptance Art. 22(7)
    "take_charge.reply", "Reg. 604/2013 Art. 22(1), 22(7)", _TACIT)
D3_TC_REPLY_URGENT = _d3(  # Art. 21(2) (period asked, at least 1 week), Art. 22(6)
    "take_charge.reply_urgent", "Reg. 604/2013 Art. 21(2), 22(6)", "rules.consequence.urgent_reply_late")
D3_TC_REPLY_URGENT_MAX = _d3(  # Art. 22(6) "in any event within one month"; silence = acceptance 22(7)
    "take_charge.reply_urgent_max", "Reg. 604/2013 Art. 22(6), 22(7)", _TACIT)
D3_TB_REPLY = _d3(  # Art. 25(1) first sentence; silence = acceptance Art. 25(2)
    "take_back.reply", "Reg. 604/2013 Art. 25(1), 25(2)", _TACIT)
D3_TB_REPLY_HIT = _d3(  # Art. 25(1) second sentence (Eurodac data); Art. 25(2)
    "take_back.reply_hit", "Reg. 604/2013 Art. 25(1), 25(2)", _TACIT)
D3_REPLY_DETAINED = _d3(  # Art. 28(3) second subpara.: 2 weeks, silence = acceptance (text seen)
    "reply_detained", "Reg. 604/2013 Art. 28(3)", _TACIT)
D3_INFO_REPLY = _d3(  # Art. 34(5): 5 weeks; no tacit effect
    "information.reply", "Reg. 604/2013 Art. 34(5)", "rules.consequence.no_tacit_effect")
D3_REEXAM_REQUEST = _d3(  # Reg. 1560/2003 Art. 5(2) first subpara.
    "reexamination.request", "Reg. 1560/2003 Art. 5(2)", "rules.consequence.refusal_final")
D3_REEXAM_REPLY = _d3(  # Reg. 1560/2003 Art. 5(2); CJEU C-47/17 and C-48/17: silence ends the procedure
    "reexamination.reply", "Reg. 1560/2003 Art. 5(2); CJEU C-47/17, C-48/17", "rules.consequence.reexamination_ends")
D3_TRANSFER = _d3(  # Art. 29(1) first subpara.; consequence Art. 29(2) first sentence (text seen)
    "transfer", "Reg. 604/2013 Art. 29(1), 29(2)", "rules.consequence.responsibility_shifts")
D3_TRANSFER_IMPRISONMENT = _d3(  # Art. 29(2) second sentence (text seen)
    "transfer_imprisonment", "Reg. 604/2013 Art. 29(2)", "rules.consequence.responsibility_shifts")
D3_TRANSFER_ABSCONDING = _d3(  # Art. 29(2) second sentence (text seen)
    "transfer_absconding", "Reg. 604/2013 Art. 29(2)", "rules.consequence.responsibility_shifts")
D3_TRANSFER_DETAINED = _d3(  # Art. 28(3) third and fourth subparas.: otherwise no longer detained
    "transfer_detained", "Reg. 604/2013 Art. 28(3)", "rules.consequence.release_from_detention")
D3_EXTENSION_NOTICE = _d3(  # Reg. 1560/2003 Art. 9(2): inform before the 6 months end (text seen, 2003 wording)
    "transfer_extension_notice", "Reg. 1560/2003 Art. 9(2)", "rules.consequence.extension_unavailable")

# AMMR. Sources: texts of Art. 39(1), 40(1), 40(2), 41(1), 41(3), 41(4), 42(1), 45(1), 45(2), 46(1), 84
# seen. Not confirmed (verified=False): the paragraph making silence on a take charge request an acceptance
# (DOMAIN.md: verify the paragraph), Art. 46(2)'s extension lengths, Art. 43(2)'s Latvian number, the
# information and re-examination periods.
A_TC_REQUEST = _ammr(  # Reg. 2024/1351 Art. 39(1) first and third subparas.
    "take_charge.request", "Reg. 2024/1351 Art. 39(1)", "rules.consequence.registering_state_responsible")
A_TC_REQUEST_HIT = _ammr(  # Art. 39(1) second subpara. (Eurodac or VIS hit)
    "take_charge.request_hit", "Reg. 2024/1351 Art. 39(1) second subpara.",
    "rules.consequence.registering_state_responsible")
A_TC_REQUEST_DETAINED = _ammr(  # Art. 45(1) first sentence
    "take_charge.request_detained", "Reg. 2024/1351 Art. 45(1)", "rules.consequence.registering_state_responsible")
A_TC_REQUEST_DETAINED_LATER = _ammr(  # Art. 45(1) second sentence
    "take_charge.request_detained_later", "Reg. 2024/1351 Art. 45(1)",
    "rules.consequence.registering_state_responsible")
A_TB_NOTIFICATION = _ammr(  # Art. 41(1): missing it does not end the responsible state's obligation
    "take_back.notification", "Reg. 2024/1351 Art. 41(1)", "rules.consequence.obligation_remains")
A_TB_NOTIFICATION_DETAINED = _ammr(  # Art. 45(1) first sentence
    "take_back.notification_detained", "Reg. 2024/1351 Art. 45(1)", "rules.consequence.obligation_remains")
A_TB_NOTIFICATION_DETAINED_LATER = _ammr(  # Art. 45(1) second sentence
    "take_back.notification_detained_later", "Reg. 2024/1351 Art. 45(1)", "rules.consequence.obligation_remains")
A_TC_REPLY = _ammr(  # Art. 40(1); tacit acceptance paragraph NOT confirmed (verify)
    "take_charge.reply", "Reg. 2024/1351 Art. 40(1) (tacit acceptance: paragraph to verify)", _TACIT, verified=False)
A_TC_REPLY_HIT = _ammr(  # Art. 40(2); tacit acceptance paragraph NOT confirmed (verify)
    "take_charge.reply_hit", "Reg. 2024/1351 Art. 40(2) (tacit acceptance: paragraph to verify)", _TACIT,
    verified=False)
A_REPLY_DETAINED = _ammr(  # Art. 45(2): 1 week, silence = acceptance (text seen)
    "reply_detained", "Reg. 2024/1351 Art. 45(2)", _TACIT)
A_TB_CONFIRMATION = _ammr(  # Art. 41(3); silence = confirmation Art. 41(4)
    "take_back.confirmation", "Reg. 2024/1351 Art. 41(3), 41(4)", "rules.consequence.tacit_confirmation")
A_INFO_REPLY = _ammr(  # (verify) article and period not confirmed; 604/2013 Art. 34(5) by analogy
    "information.reply", "Reg. 2024/1351 information exchange (article to verify; cf. 604/2013 Art. 34(5))",
    "rules.consequence.no_tacit_effect", verified=False)
A_REEXAM_REQUEST = _ammr(  # (verify) Impl. Reg. 2025/2055 article not confirmed; 1560/2003 Art. 5(2) by analogy
    "reexamination.request", "Impl. Reg. 2025/2055 (article to verify; cf. 1560/2003 Art. 5(2))",
    "rules.consequence.refusal_final", verified=False)
A_REEXAM_REPLY = _ammr(  # (verify) as above; silence ends the procedure (C-47/17 by analogy)
    "reexamination.reply", "Impl. Reg. 2025/2055 (article to verify; cf. 1560/2003 Art. 5(2))",
    "rules.consequence.reexamination_ends", verified=False)
A_TRANSFER_DECISION = _ammr(  # Art. 42(1): transfer decision within 2 weeks of acceptance/confirmation
    "transfer_decision", "Reg. 2024/1351 Art. 42(1)", None)
A_TRANSFER_APPEAL = _ammr(  # Art. 43(2): national period of 1-3 weeks; Latvia's number (verify)
    "transfer_appeal", "Reg. 2024/1351 Art. 43(2) (Latvian period to verify)", "rules.consequence.decision_final",
    verified=False)
A_TRANSFER = _ammr(  # Art. 46(1); the responsibility shift of Art. 46(2) first sentence
    "transfer", "Reg. 2024/1351 Art. 46(1), 46(2)", "rules.consequence.responsibility_shifts")
A_TRANSFER_IMPRISONMENT = _ammr(  # Art. 46(2) (verify): 1 year for imprisonment or medical unfitness
    "transfer_imprisonment", "Reg. 2024/1351 Art. 46(2) (verify)", "rules.consequence.responsibility_shifts",
    verified=False)
A_TRANSFER_ABSCONDING = _ammr(  # Art. 46(2) (verify): 3 years for absconding or resisting
    "transfer_absconding", "Reg. 2024/1351 Art. 46(2) (verify)", "rules.consequence.responsibility_shifts",
    verified=False)
A_EXTENSION_NOTICE = _ammr(  # Art. 46(2) (verify): inform the responsible state before the 6 months end
    "transfer_extension_notice", "Reg. 2024/1351 Art. 46(2) (verify)", "rules.consequence.extension_unavailable",
    verified=False)

RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        D3_TC_REQUEST, D3_TC_REQUEST_HIT, D3_TC_REQUEST_HIT_CAP, D3_TB_REQUEST, D3_TB_REQUEST_HIT,
        D3_TB24_REQUEST, D3_TB24_REQUEST_HIT, D3_REQUEST_DETAINED, D3_TC_REPLY, D3_TC_REPLY_URGENT,
        D3_TC_REPLY_URGENT_MAX, D3_TB_REPLY, D3_TB_REPLY_HIT, D3_REPLY_DETAINED, D3_INFO_REPLY,
        D3_REEXAM_REQUEST, D3_REEXAM_REPLY, D3_TRANSFER, D3_TRANSFER_IMPRISONMENT, D3_TRANSFER_ABSCONDING,
        D3_TRANSFER_DETAINED, D3_EXTENSION_NOTICE,
        A_TC_REQUEST, A_TC_REQUEST_HIT, A_TC_REQUEST_DETAINED, A_TC_REQUEST_DETAINED_LATER, A_TB_NOTIFICATION,
        A_TB_NOTIFICATION_DETAINED, A_TB_NOTIFICATION_DETAINED_LATER, A_TC_REPLY, A_TC_REPLY_HIT,
        A_REPLY_DETAINED, A_TB_CONFIRMATION, A_INFO_REPLY, A_REEXAM_REQUEST, A_REEXAM_REPLY,
        A_TRANSFER_DECISION, A_TRANSFER_APPEAL, A_TRANSFER, A_TRANSFER_IMPRISONMENT, A_TRANSFER_ABSCONDING,
        A_EXTENSION_NOTICE,
    )
}

# --- regime choice --------------------------------------------------------------------------------------


def regime_for(registered_on: date) -> Regime:
    """Reg. 2024/1351 Art. 84: registered before 1 July 2026 -> DUBLIN_III; on or after -> AMMR
    (1 July itself is AMMR and flagged, see ``regime_boundary_flag``)."""
    if registered_on is None:
        raise InvalidValue("rules.missing_date", field="registered_on")
    return Regime.DUBLIN_III if registered_on < AMMR_APPLIES_FROM else Regime.AMMR


def regime_boundary_flag(registered_on: date | None) -> bool:
    """True for an application registered on 1 July 2026: Art. 84 covers "before" and "after" only."""
    return registered_on == AMMR_APPLIES_FROM


# --- counting ---------------------------------------------------------------------------------------


def _count(regime: Regime, start: date, country: str = DEFAULT_COUNTRY, **period) -> date:
    """Dublin III Art. 42 never moves the last day; AMMR does only if AMMR_ROLL_FORWARD is switched on."""
    roll = regime == Regime.AMMR and AMMR_ROLL_FORWARD
    return add_period(start, roll_forward=roll, country=country or DEFAULT_COUNTRY, **period)


@dataclass(frozen=True)
class _Limit:
    rule: Rule
    anchor_key: str
    anchor: date
    due: date
    tacit: bool = False  # missing it means tacit acceptance / confirmation


def _earliest(limits: list[_Limit]) -> _Limit:
    best = limits[0]
    for limit in limits[1:]:
        if limit.due < best.due:
            best = limit
    return best


def _coerce_kind(kind) -> RequestKind:
    try:
        return RequestKind(kind)
    except ValueError:
        raise InvalidValue("rules.dublin.unknown_kind", kind=str(kind)) from None


def _coerce_regime(regime) -> Regime:
    try:
        return Regime(regime)
    except ValueError:
        raise InvalidValue("rules.dublin.unknown_regime", regime=str(regime)) from None


def _missing(field: str) -> InvalidValue:
    return InvalidValue("rules.missing_date", field=field)


def _request_limits(
    kind: RequestKind,
    regime: Regime,
    *,
    lodged_on: date | None,
    registered_on: date | None,
    hit_received_on: date | None,
    detained: bool,
    detained_on: date | None = None,
    new_application_lodged: bool = True,
    knowledge_on: date | None = None,
    country: str = DEFAULT_COUNTRY,
) -> list[_Limit]:
    """Every limit that binds the sending of a request; the earliest one governs."""
    kind, regime = _coerce_kind(kind), _coerce_regime(regime)
    if kind == RequestKind.INFORMATION:
        raise InvalidValue("rules.dublin.no_request_limit", kind=str(kind))
    c = country
    limits: list[_Limit] = []
    if regime == Regime.DUBLIN_III:
        if kind == RequestKind.TAKE_CHARGE:
            if lodged_on is None:
                raise _missing("lodged_on")
            if hit_received_on is not None:
                # Art. 21(1) second subpara., capped by Mengesteab at 3 months from lodging
                limits.append(_Limit(D3_TC_REQUEST_HIT, "rules.anchor.hit_received", hit_received_on,
                                     _count(regime, hit_received_on, c, months=D3_TAKE_CHARGE_REQUEST_HIT_MONTHS)))
                limits.append(_Limit(D3_TC_REQUEST_HIT_CAP, "rules.anchor.lodged", lodged_on,
                                     _count(regime, lodged_on, c, months=D3_MENGESTEAB_CAP_MONTHS)))
            else:
                limits.append(_Limit(D3_TC_REQUEST, "rules.anchor.lodged", lodged_on,
                                     _count(regime, lodged_on, c, months=D3_TAKE_CHARGE_REQUEST_MONTHS)))
        else:  # TAKE_BACK: Art. 23 (new application lodged here) or Art. 24 (no new application)
            rule_hit, rule_plain = (
                (D3_TB_REQUEST_HIT, D3_TB_REQUEST) if new_application_lodged else (D3_TB24_REQUEST_HIT, D3_TB24_REQUEST)
            )
            if hit_received_on is not None:
                limits.append(_Limit(rule_hit, "rules.anchor.hit_received", hit_received_on,
                                     _count(regime, hit_received_on, c, months=D3_TAKE_BACK_REQUEST_HIT_MONTHS)))
            else:
                if new_application_lodged or knowledge_on is None:
                    anchor, anchor_key = lodged_on, "rules.anchor.lodged"
                else:
                    anchor, anchor_key = knowledge_on, "rules.anchor.knowledge"
                if anchor is None:
                    raise _missing("lodged_on")
                limits.append(_Limit(rule_plain, anchor_key, anchor,
                                     _count(regime, anchor, c, months=D3_TAKE_BACK_REQUEST_MONTHS)))
        if detained and lodged_on is not None:  # Art. 28(3): "shall not exceed one month from the lodging"
            limits.append(_Limit(D3_REQUEST_DETAINED, "rules.anchor.lodged", lodged_on,
                                 _count(regime, lodged_on, c, months=D3_DETAINED_REQUEST_MONTHS)))
        return limits

    # AMMR
    if kind == RequestKind.TAKE_CHARGE:
        if registered_on is None:
            raise _missing("registered_on")
        if hit_received_on is not None:  # Art. 39(1) second subpara. ("notwithstanding the first")
            limits.append(_Limit(A_TC_REQUEST_HIT, "rules.anchor.hit_received", hit_received_on,
                                 _count(regime, hit_received_on, c, months=AMMR_TAKE_CHARGE_REQUEST_HIT_MONTHS)))
        else:
            limits.append(_Limit(A_TC_REQUEST, "rules.anchor.registered", registered_on,
                                 _count(regime, registered_on, c, months=AMMR_TAKE_CHARGE_REQUEST_MONTHS)))
        if detained:
            if detained_on is not None and detained_on > registered_on:
                limits.append(_Limit(A_TC_REQUEST_DETAINED_LATER, "rules.anchor.detained", detained_on,
                                     _count(regime, detained_on, c, weeks=AMMR_DETAINED_LATER_REQUEST_WEEKS)))
            else:
                limits.append(_Limit(A_TC_REQUEST_DETAINED, "rules.anchor.registered", registered_on,
                                     _count(regime, registered_on, c, weeks=AMMR_DETAINED_REQUEST_WEEKS)))
        return limits
    # AMMR take back notification: only on a Eurodac hit (Art. 41(1))
    if hit_received_on is None:
        raise InvalidValue("rules.dublin.hit_required", field="hit_received_on")
    limits.append(_Limit(A_TB_NOTIFICATION, "rules.anchor.hit_received", hit_received_on,
                         _count(regime, hit_received_on, c, weeks=AMMR_TAKE_BACK_NOTIFICATION_WEEKS)))
    if detained:
        base, base_key = (
            (registered_on, "rules.anchor.registered") if registered_on is not None
            else (hit_received_on, "rules.anchor.hit_received")
        )
        if detained_on is not None and detained_on > base:
            limits.append(_Limit(A_TB_NOTIFICATION_DETAINED_LATER, "rules.anchor.detained", detained_on,
                                 _count(regime, detained_on, c, weeks=AMMR_DETAINED_LATER_REQUEST_WEEKS)))
        else:
            limits.append(_Limit(A_TB_NOTIFICATION_DETAINED, base_key, base,
                                 _count(regime, base, c, weeks=AMMR_DETAINED_REQUEST_WEEKS)))
    return limits


def request_deadline(
    kind,
    *,
    regime,
    lodged_on: date | None,
    registered_on: date | None = None,
    hit_received_on: date | None = None,
    detained: bool = False,
    detained_on: date | None = None,
    new_application_lodged: bool = True,
    knowledge_on: date | None = None,
) -> date:
    """The last day to send a take charge / take back request (AMMR: take back notification).

    Dublin III counts from lodging (take back without a hit: from ``lodged_on``, or from ``knowledge_on``
    under Art. 24 when no new application was lodged); AMMR from registration, or from the hit.
    A hit-based Dublin III take charge request is never later than 3 months from lodging (Mengesteab).
    For an INFORMATION request there is no sending limit: raises ``InvalidValue("rules.dublin.no_request_limit")``.
    """
    limits = _request_limits(
        kind, regime, lodged_on=lodged_on, registered_on=registered_on, hit_received_on=hit_received_on,
        detained=detained, detained_on=detained_on, new_application_lodged=new_application_lodged,
        knowledge_on=knowledge_on,
    )
    return _earliest(limits).due


def _reply_limits(
    kind: RequestKind,
    regime: Regime,
    *,
    received_on: date,
    hit: bool,
    urgent_reply_by: date | None,
    detained: bool,
    urgent_needs_longer: bool = False,
    country: str = DEFAULT_COUNTRY,
) -> list[_Limit]:
    """The reply limits: the first is the one that governs the reply, the one marked ``tacit`` (if any)
    is the one whose expiry means tacit acceptance (or, AMMR take back, tacit confirmation)."""
    kind, regime = _coerce_kind(kind), _coerce_regime(regime)
    if received_on is None:
        raise _missing("received_on")
    c = country
    a = "rules.anchor.received"
    if regime == Regime.DUBLIN_III:
        if kind == RequestKind.INFORMATION:
            return [_Limit(D3_INFO_REPLY, a, received_on, _count(regime, received_on, c, weeks=D3_INFORMATION_REPLY_WEEKS))]
        if urgent_reply_by is not None and kind != RequestKind.TAKE_CHARGE:
            raise InvalidValue("rules.dublin.urgent_take_charge_only", kind=str(kind))
        if detained:  # Art. 28(3): detained cases are urgent by law; 2 weeks, silence = acceptance
            return [_Limit(D3_REPLY_DETAINED, a, received_on,
                           _count(regime, received_on, c, weeks=D3_DETAINED_REPLY_WEEKS), tacit=True)]
        if kind == RequestKind.TAKE_CHARGE:
            if urgent_reply_by is not None:
                outer = _Limit(D3_TC_REPLY_URGENT_MAX, a, received_on,
                               _count(regime, received_on, c, months=D3_URGENT_REPLY_MAX_MONTHS), tacit=True)
                if urgent_needs_longer:  # Art. 22(6): "in any event within one month"
                    return [outer]
                asked = _Limit(D3_TC_REPLY_URGENT, a, received_on, urgent_reply_by)
                return [asked, outer]
            return [_Limit(D3_TC_REPLY, a, received_on,
                           _count(regime, received_on, c, months=D3_TAKE_CHARGE_REPLY_MONTHS), tacit=True)]
        if hit:  # TAKE_BACK based on Eurodac data, Art. 25(1)
            return [_Limit(D3_TB_REPLY_HIT, a, received_on,
                           _count(regime, received_on, c, weeks=D3_TAKE_BACK_REPLY_HIT_WEEKS), tacit=True)]
        return [_Limit(D3_TB_REPLY, a, received_on,
                       _count(regime, received_on, c, months=D3_TAKE_BACK_REPLY_MONTHS), tacit=True)]

    # AMMR
    if kind == RequestKind.INFORMATION:
        return [_Limit(A_INFO_REPLY, a, received_on, _count(regime, received_on, c, weeks=AMMR_INFORMATION_REPLY_WEEKS))]
    if urgent_reply_by is not None:
        raise InvalidValue("rules.dublin.urgent_not_in_ammr")
    if kind == RequestKind.TAKE_BACK:  # confirmation of a take back notification, Art. 41(3)-(4)
        return [_Limit(A_TB_CONFIRMATION, a, received_on,
                       _count(regime, received_on, c, weeks=AMMR_TAKE_BACK_CONFIRMATION_WEEKS), tacit=True)]
    if detained:  # Art. 45(2)
        return [_Limit(A_REPLY_DETAINED, a, received_on,
                       _count(regime, received_on, c, weeks=AMMR_DETAINED_REPLY_WEEKS), tacit=True)]
    if hit:  # Art. 40(2)
        return [_Limit(A_TC_REPLY_HIT, a, received_on,
                       _count(regime, received_on, c, weeks=AMMR_TAKE_CHARGE_REPLY_HIT_WEEKS), tacit=True)]
    return [_Limit(A_TC_REPLY, a, received_on,
                   _count(regime, received_on, c, months=AMMR_TAKE_CHARGE_REPLY_MONTHS), tacit=True)]


def reply_deadline(
    kind,
    *,
    regime,
    received_on: date,
    hit: bool = False,
    urgent_reply_by: date | None = None,
    detained: bool = False,
    urgent_needs_longer: bool = False,
    country: str = DEFAULT_COUNTRY,
) -> date:
    """The last day for the requested state to reply.

    Dublin III urgent take charge requests: the day asked (``urgent_reply_by``, Art. 21(2), 22(6)); with
    ``urgent_needs_longer`` (the requested state said it needs longer) one month from receipt. Detained
    persons: 2 weeks (Dublin III Art. 28(3)) / 1 week (AMMR Art. 45(2)). ``hit`` means a Eurodac-based
    request (Dublin III take back, Art. 25(1)) or a Eurodac/VIS hit (AMMR take charge, Art. 40(2)).
    ``country`` is the replying state's calendar, used only where a roll-forward applies (AMMR switch)."""
    return _reply_limits(
        kind, regime, received_on=received_on, hit=hit, urgent_reply_by=urgent_reply_by, detained=detained,
        urgent_needs_longer=urgent_needs_longer, country=country,
    )[0].due


def _transfer_limit(regime: Regime, start: date, extension, anchor_key: str, country: str = DEFAULT_COUNTRY) -> _Limit:
    regime = _coerce_regime(regime)
    if start is None:
        raise _missing("accepted_on")
    ext = None
    if extension is not None:
        try:
            ext = Extension(extension)
        except ValueError:
            raise InvalidValue("rules.dublin.unknown_extension", extension=str(extension)) from None
    if regime == Regime.DUBLIN_III:
        if ext is None:
            rule, months = D3_TRANSFER, D3_TRANSFER_MONTHS
        elif ext == Extension.IMPRISONMENT:
            rule, months = D3_TRANSFER_IMPRISONMENT, D3_TRANSFER_IMPRISONMENT_MONTHS
        elif ext == Extension.ABSCONDING:
            rule, months = D3_TRANSFER_ABSCONDING, D3_TRANSFER_ABSCONDING_MONTHS
        else:  # medical unfitness / resisting are AMMR grounds only
            raise InvalidValue("rules.dublin.extension_not_in_regime", extension=str(ext), regime=str(regime))
    else:
        if ext is None:
            rule, months = A_TRANSFER, AMMR_TRANSFER_MONTHS
        elif ext in (Extension.IMPRISONMENT, Extension.MEDICAL_UNFITNESS):
            rule, months = A_TRANSFER_IMPRISONMENT, AMMR_TRANSFER_IMPRISONMENT_MONTHS
        else:
            rule, months = A_TRANSFER_ABSCONDING, AMMR_TRANSFER_ABSCONDING_MONTHS
    return _Limit(rule, anchor_key, start, _count(regime, start, country, months=months))


def transfer_deadline(*, regime, accepted_on: date, extension=None, detained: bool = False) -> date:
    """The last day to carry out the transfer: 6 months from acceptance (explicit or tacit) or from the
    final decision on a suspensive appeal; extended (counted from the same start) to 1 year for
    imprisonment or 18 months for absconding (Dublin III Art. 29(2)); AMMR 1 year / 3 years (verify).
    ``detained=True`` (Dublin III only): the 6-week limit of Art. 28(3) for a detained person."""
    if detained and _coerce_regime(regime) == Regime.DUBLIN_III:
        if accepted_on is None:
            raise _missing("accepted_on")
        return _count(Regime.DUBLIN_III, accepted_on, weeks=D3_DETAINED_TRANSFER_WEEKS)
    return _transfer_limit(regime, accepted_on, extension, "rules.anchor.accepted").due


# --- facts and deadlines ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestFacts:
    """Everything known about one Dublin request. Dates are legal dates (datetime.date).

    ``received_on`` is the DubliNet acknowledgement date at the requested state (for an outgoing request
    desk usually takes ``sent_on``). ``reply`` is the requested state's answer given on ``replied_on``.
    ``accepted_on`` overrides the acceptance date (e.g. acceptance after re-examination); otherwise it is
    ``replied_on`` of an accepting reply, or the tacit acceptance date."""

    direction: Direction
    kind: RequestKind
    regime: Regime
    lodged_on: date | None = None
    registered_on: date | None = None
    hit_received_on: date | None = None
    hit_kind: HitKind | None = None
    urgent_reply_by: date | None = None
    urgent_needs_longer: bool = False
    detained: bool = False
    detained_on: date | None = None
    new_application_lodged: bool = True  # Dublin III take back: Art. 23 (True) or Art. 24 (False)
    knowledge_on: date | None = None  # Dublin III Art. 24(2): learned another state may be responsible
    requested_state: str = ""  # ISO 3166 alpha-2 of the requested state (the other state for INCOMING)
    sent_on: date | None = None
    received_on: date | None = None
    replied_on: date | None = None
    reply: ReplyOutcome | None = None
    reexam_requested_on: date | None = None
    reexam_answered_on: date | None = None
    reexam_reply: ReplyOutcome | None = None
    accepted_on: date | None = None
    appeal_final_on: date | None = None  # final decision on an appeal with suspensive effect
    transfer_decided_on: date | None = None
    transfer_decision_notified_on: date | None = None
    transfer_appeal_lodged_on: date | None = None
    transfer_done_on: date | None = None
    extension: Extension | None = None
    extension_notified_on: date | None = None
    withdrawn_on: date | None = None

    @property
    def hit(self) -> bool:
        """A hit that changes the limits: Eurodac in both regimes, VIS only under AMMR."""
        if self.hit_received_on is None and self.hit_kind is None:
            return False
        if self.hit_kind == HitKind.VIS and self.regime == Regime.DUBLIN_III:
            return False
        return True

    @property
    def reply_country(self) -> str:
        """Whose calendar a reply uses where roll-forward applies: the requested state's."""
        if self.direction == Direction.OUTGOING:
            return (self.requested_state or DEFAULT_COUNTRY).upper()
        return DEFAULT_COUNTRY


def _hit_date(facts: RequestFacts) -> date | None:
    return facts.hit_received_on if facts.hit else None


def _request_limits_for(facts: RequestFacts) -> list[_Limit]:
    return _request_limits(
        facts.kind, facts.regime, lodged_on=facts.lodged_on, registered_on=facts.registered_on,
        hit_received_on=_hit_date(facts), detained=facts.detained, detained_on=facts.detained_on,
        new_application_lodged=facts.new_application_lodged, knowledge_on=facts.knowledge_on,
    )


def _reply_limits_for(facts: RequestFacts) -> list[_Limit]:
    return _reply_limits(
        facts.kind, facts.regime, received_on=facts.received_on, hit=facts.hit,
        urgent_reply_by=facts.urgent_reply_by, detained=facts.detained,
        urgent_needs_longer=facts.urgent_needs_longer, country=facts.reply_country,
    )


def _reply_received_on(facts: RequestFacts) -> date | None:
    return facts.received_on or facts.sent_on


def tacit_acceptance_on(facts: RequestFacts, today: date | None = None) -> date | None:
    """The day from which silence counts as acceptance (AMMR take back: as confirmation): the day after
    the tacit reply limit passed without a reply. None for information requests, when no request was
    received, when a reply came in time, or (if ``today`` is given) while that day has not come yet.
    A re-examination request never produces tacit acceptance (CJEU C-47/17)."""
    if facts.kind == RequestKind.INFORMATION:
        return None
    received = _reply_received_on(facts)
    if received is None:
        return None
    facts_for_reply = facts if facts.received_on is not None else _with(facts, received_on=received)
    tacit = [limit for limit in _reply_limits_for(facts_for_reply) if limit.tacit]
    if not tacit:
        return None
    limit = tacit[0]
    if facts.replied_on is not None and facts.replied_on <= limit.due:
        return None
    if facts.withdrawn_on is not None and facts.withdrawn_on <= limit.due:
        return None
    effective = limit.due + timedelta(days=1)
    if today is not None and today < effective:
        return None
    return effective


def _with(facts: RequestFacts, **changes) -> RequestFacts:
    from dataclasses import replace

    return replace(facts, **changes)


def out_of_time(facts: RequestFacts) -> bool:
    """True if the request was sent after its own time limit (never for information requests, nor when
    the anchor dates are unknown)."""
    if facts.kind == RequestKind.INFORMATION or facts.sent_on is None:
        return False
    try:
        limit = _earliest(_request_limits_for(facts))
    except InvalidValue:
        return False
    return facts.sent_on > limit.due


def acceptance_date(facts: RequestFacts, today: date | None = None) -> tuple[date, str] | None:
    """When (and how) the request was accepted: (date, anchor key) or None.

    Explicit ``accepted_on`` first, then an accepting reply, an acceptance after re-examination, and
    finally tacit acceptance (the day after the reply limit passed; with ``today`` only once it has come)."""
    if facts.kind == RequestKind.INFORMATION:
        return None
    if facts.accepted_on is not None:
        return facts.accepted_on, "rules.anchor.accepted"
    if facts.reply == ReplyOutcome.ACCEPTED and facts.replied_on is not None:
        return facts.replied_on, "rules.anchor.accepted"
    if facts.reexam_reply == ReplyOutcome.ACCEPTED and facts.reexam_answered_on is not None:
        return facts.reexam_answered_on, "rules.anchor.accepted"
    tacit = tacit_acceptance_on(facts, today)
    if tacit is not None:
        return tacit, "rules.anchor.tacitly_accepted"
    return None


def deadlines(facts: RequestFacts, today: date) -> list[ComputedDeadline]:
    """Every deadline the facts give rise to, met, missed, open or moot, in the order of the procedure."""
    out: list[ComputedDeadline] = []
    regime = _coerce_regime(facts.regime)
    boundary_note = "rules.note.regime_boundary" if regime_boundary_flag(facts.registered_on) else None
    withdrawn = facts.withdrawn_on is not None

    def add(limit: _Limit, done_on: date | None, *, moot: bool = False, note: str | None = None) -> None:
        out.append(computed(limit.rule, limit.anchor_key, limit.anchor, limit.due, done_on=done_on, today=today,
                            moot=moot, note_key=note or boundary_note))

    # 1. sending the request (not for information requests)
    if facts.kind != RequestKind.INFORMATION:
        try:
            limits = _request_limits_for(facts)
        except InvalidValue:
            limits = []  # anchor dates unknown (e.g. an incoming request): no sending deadline to show
        if limits:
            limit = _earliest(limits)
            note = "rules.note.sent_out_of_time" if out_of_time(facts) else None
            add(limit, facts.sent_on, moot=withdrawn, note=note)

    # 2. the reply
    received = _reply_received_on(facts)
    if received is not None:
        reply_facts = facts if facts.received_on is not None else _with(facts, received_on=received)
        for limit in _reply_limits_for(reply_facts):
            add(limit, facts.replied_on, moot=withdrawn)
    if facts.kind == RequestKind.INFORMATION:
        return out

    # 3. re-examination after a refusal (Reg. 1560/2003 Art. 5(2))
    if facts.reply == ReplyOutcome.REJECTED and facts.replied_on is not None:
        req_rule, rep_rule = (
            (D3_REEXAM_REQUEST, D3_REEXAM_REPLY) if regime == Regime.DUBLIN_III else (A_REEXAM_REQUEST, A_REEXAM_REPLY)
        )
        req_weeks, rep_weeks = (
            (D3_REEXAMINATION_REQUEST_WEEKS, D3_REEXAMINATION_REPLY_WEEKS) if regime == Regime.DUBLIN_III
            else (AMMR_REEXAMINATION_REQUEST_WEEKS, AMMR_REEXAMINATION_REPLY_WEEKS)
        )
        add(_Limit(req_rule, "rules.anchor.refusal_received", facts.replied_on,
                   _count(regime, facts.replied_on, DEFAULT_COUNTRY, weeks=req_weeks)),
            facts.reexam_requested_on, moot=withdrawn)
        if facts.reexam_requested_on is not None:
            add(_Limit(rep_rule, "rules.anchor.reexamination_requested", facts.reexam_requested_on,
                       _count(regime, facts.reexam_requested_on, facts.reply_country, weeks=rep_weeks)),
                facts.reexam_answered_on, moot=withdrawn)

    # 4. after acceptance: transfer decision (AMMR), appeal, transfer, extension notice
    accepted = acceptance_date(facts, today)
    if accepted is None:
        return out
    accepted_on, accepted_key = accepted
    if regime == Regime.AMMR and facts.direction == Direction.OUTGOING:
        add(_Limit(A_TRANSFER_DECISION, accepted_key, accepted_on,
                   _count(regime, accepted_on, DEFAULT_COUNTRY, weeks=AMMR_TRANSFER_DECISION_WEEKS)),
            facts.transfer_decided_on, moot=withdrawn)
        if facts.transfer_decision_notified_on is not None:
            add(_Limit(A_TRANSFER_APPEAL, "rules.anchor.transfer_decision_notified", facts.transfer_decision_notified_on,
                       _count(regime, facts.transfer_decision_notified_on, DEFAULT_COUNTRY,
                              weeks=AMMR_TRANSFER_APPEAL_WEEKS)),
                facts.transfer_appeal_lodged_on, moot=withdrawn or facts.transfer_done_on is not None)
    start, start_key = accepted_on, accepted_key
    if facts.appeal_final_on is not None and facts.appeal_final_on > accepted_on:
        start, start_key = facts.appeal_final_on, "rules.anchor.appeal_final"
    if facts.detained and regime == Regime.DUBLIN_III:
        add(_Limit(D3_TRANSFER_DETAINED, start_key, start, _count(regime, start, weeks=D3_DETAINED_TRANSFER_WEEKS)),
            facts.transfer_done_on, moot=withdrawn)
    add(_transfer_limit(regime, start, facts.extension, start_key), facts.transfer_done_on, moot=withdrawn)
    if facts.extension is not None:
        notice_rule, months = (
            (D3_EXTENSION_NOTICE, D3_TRANSFER_MONTHS) if regime == Regime.DUBLIN_III
            else (A_EXTENSION_NOTICE, AMMR_TRANSFER_MONTHS)
        )
        add(_Limit(notice_rule, start_key, start, _count(regime, start, months=months)),
            facts.extension_notified_on, moot=withdrawn)
    return out


# --- life cycle -------------------------------------------------------------------------------------


class Status(StrEnum):
    DRAFT = "draft"
    SENT = "sent"  # sent by us (outgoing) or received from another state (incoming), awaiting the reply
    ANSWERED = "answered"  # information request answered
    ACCEPTED = "accepted"
    TACITLY_ACCEPTED = "tacitly_accepted"
    REJECTED = "rejected"
    REEXAMINATION_REQUESTED = "reexamination_requested"
    REEXAMINATION_LAPSED = "reexamination_lapsed"  # no reply within 2 weeks: the procedure ends (C-47/17)
    CLOSED = "closed"  # refusal final (no re-examination, or refused again)
    TRANSFER_DECIDED = "transfer_decided"
    TRANSFER_SCHEDULED = "transfer_scheduled"
    TRANSFER_EXTENDED = "transfer_extended"
    TRANSFERRED = "transferred"
    EXPIRED = "expired"  # transfer time limit passed: responsibility shifted
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    SEND = "send"
    ANSWER = "answer"
    ACCEPT = "accept"
    ACCEPT_TACITLY = "accept_tacitly"
    REJECT = "reject"
    REQUEST_REEXAMINATION = "request_reexamination"
    ACCEPT_ON_REEXAMINATION = "accept_on_reexamination"
    REJECT_ON_REEXAMINATION = "reject_on_reexamination"
    LAPSE_REEXAMINATION = "lapse_reexamination"
    CLOSE = "close"
    DECIDE_TRANSFER = "decide_transfer"
    SCHEDULE_TRANSFER = "schedule_transfer"
    CANCEL_SCHEDULE = "cancel_schedule"
    EXTEND_TRANSFER = "extend_transfer"
    COMPLETE_TRANSFER = "complete_transfer"
    EXPIRE = "expire"
    WITHDRAW = "withdraw"


S, A = Status, Action
_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.DRAFT, A.SEND): S.SENT,
    (S.DRAFT, A.WITHDRAW): S.WITHDRAWN,
    (S.SENT, A.ANSWER): S.ANSWERED,
    (S.SENT, A.ACCEPT): S.ACCEPTED,
    (S.SENT, A.ACCEPT_TACITLY): S.TACITLY_ACCEPTED,
    (S.SENT, A.REJECT): S.REJECTED,
    (S.SENT, A.WITHDRAW): S.WITHDRAWN,
    (S.REJECTED, A.REQUEST_REEXAMINATION): S.REEXAMINATION_REQUESTED,
    (S.REJECTED, A.CLOSE): S.CLOSED,
    (S.REEXAMINATION_REQUESTED, A.ACCEPT_ON_REEXAMINATION): S.ACCEPTED,
    (S.REEXAMINATION_REQUESTED, A.REJECT_ON_REEXAMINATION): S.CLOSED,
    (S.REEXAMINATION_REQUESTED, A.LAPSE_REEXAMINATION): S.REEXAMINATION_LAPSED,
    (S.REEXAMINATION_REQUESTED, A.WITHDRAW): S.WITHDRAWN,
    (S.ACCEPTED, A.DECIDE_TRANSFER): S.TRANSFER_DECIDED,
    (S.ACCEPTED, A.EXTEND_TRANSFER): S.TRANSFER_EXTENDED,
    (S.ACCEPTED, A.EXPIRE): S.EXPIRED,
    (S.ACCEPTED, A.WITHDRAW): S.WITHDRAWN,
    (S.TACITLY_ACCEPTED, A.DECIDE_TRANSFER): S.TRANSFER_DECIDED,
    (S.TACITLY_ACCEPTED, A.EXTEND_TRANSFER): S.TRANSFER_EXTENDED,
    (S.TACITLY_ACCEPTED, A.EXPIRE): S.EXPIRED,
    (S.TACITLY_ACCEPTED, A.WITHDRAW): S.WITHDRAWN,
    (S.TRANSFER_DECIDED, A.SCHEDULE_TRANSFER): S.TRANSFER_SCHEDULED,
    (S.TRANSFER_DECIDED, A.EXTEND_TRANSFER): S.TRANSFER_EXTENDED,
    (S.TRANSFER_DECIDED, A.EXPIRE): S.EXPIRED,
    (S.TRANSFER_DECIDED, A.WITHDRAW): S.WITHDRAWN,
    (S.TRANSFER_SCHEDULED, A.COMPLETE_TRANSFER): S.TRANSFERRED,
    (S.TRANSFER_SCHEDULED, A.CANCEL_SCHEDULE): S.TRANSFER_DECIDED,
    (S.TRANSFER_SCHEDULED, A.EXTEND_TRANSFER): S.TRANSFER_EXTENDED,
    (S.TRANSFER_SCHEDULED, A.EXPIRE): S.EXPIRED,
    (S.TRANSFER_SCHEDULED, A.WITHDRAW): S.WITHDRAWN,
    (S.TRANSFER_EXTENDED, A.DECIDE_TRANSFER): S.TRANSFER_DECIDED,
    (S.TRANSFER_EXTENDED, A.SCHEDULE_TRANSFER): S.TRANSFER_SCHEDULED,
    (S.TRANSFER_EXTENDED, A.EXPIRE): S.EXPIRED,
    (S.TRANSFER_EXTENDED, A.WITHDRAW): S.WITHDRAWN,
}
del S, A

MACHINE = StateMachine("dublin", _TRANSITIONS, Status.DRAFT)
INITIAL_STATUS = Status.DRAFT
TERMINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.ANSWERED, Status.REEXAMINATION_LAPSED, Status.CLOSED, Status.TRANSFERRED, Status.EXPIRED, Status.WITHDRAWN}
)

# An information request is only sent, answered or withdrawn; take charge / take back requests are
# never "answered" (they are accepted or rejected).
_INFORMATION_ACTIONS = frozenset({Action.SEND, Action.ANSWER, Action.WITHDRAW})


def initial_status(direction) -> Status:
    """Outgoing requests start as drafts; an incoming request is registered when received (SENT)."""
    return Status.SENT if Direction(direction) == Direction.INCOMING else Status.DRAFT


def allowed_actions(status, kind) -> list[Action]:
    """Actions allowed for a request of ``kind`` in ``status``, in declaration order."""
    kind = _coerce_kind(kind)
    actions = [Action(a) for a in MACHINE.allowed(status)]
    if kind == RequestKind.INFORMATION:
        return [a for a in actions if a in _INFORMATION_ACTIONS]
    return [a for a in actions if a != Action.ANSWER]


def apply_action(status, action, kind) -> Status:
    """The status after ``action`` on a request of ``kind``; raises TransitionRefused."""
    from desk.rules.common import TransitionRefused

    kind = _coerce_kind(kind)
    if action not in allowed_actions(status, kind):
        raise TransitionRefused("rules.transition_refused", state=str(status), action=str(action), machine="dublin")
    return Status(MACHINE.apply(status, action))
