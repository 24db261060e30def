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
  never moved (Art. 42(c)).
* AMMR Art. 75 ("Beräkning av tidsfrister"): (a)-(c) as Dublin III, but (d) "Tidsfristerna ska omfatta
  lördagar, söndagar och officiella helgdagar i den berörda medlemsstaten; om en frist löper ut på en
  lördag, söndag eller officiell helgdag ska nästa arbetsdag räknas som fristens sista dag." The Member
  State concerned is the one that must act: the requesting state for its request, the requested state
  for its reply, the transferring state for its decision and the transfer (``RequestFacts.acting_state``).

Reg. 1560/2003 stays in force under the AMMR until implementing acts amend it (Reg. 2024/1351 Art. 83,
third paragraph: "Förordning (EG) nr 1560/2003 ska förbli i kraft om inte och till dess att den ändras
genom genomförandeakter"): its re-examination (Art. 5(2)) and extension notice (Art. 9(2)) apply to both
regimes. No implementing act replacing them was found.

Public functions: ``regime_for``, ``regime_boundary_flag``, ``request_deadline``, ``reply_deadline``,
``transfer_deadline``, ``tacit_acceptance_on``, ``out_of_time``, ``acceptance_date``, ``deadlines``,
``allowed_actions``, ``apply_action``, ``initial_status``.

``request_deadline`` for an INFORMATION request RAISES ``InvalidValue("rules.dublin.no_request_limit")``:
the regulations set no time limit for sending one (Dublin III Art. 34; AMMR Art. 51).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from desk.rules.calendar import DEFAULT_COUNTRY, add_period
from desk.rules.common import (
    ComputedDeadline,
    Counting,
    InvalidValue,
    Period,
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
    """Why the transfer period is extended (Dublin III Art. 29(2); AMMR Art. 46(2))."""

    IMPRISONMENT = "imprisonment"  # D3: imprisonment; AMMR: "frihetsberövad" (deprived of liberty) - 1 year
    ABSCONDING = "absconding"  # D3: 18 months; AMMR: 3 years from the notice
    RESISTING = "resisting"  # AMMR only: "fysiskt motsätter sig överföringen" - 3 years from the notice
    SELF_INDUCED_UNFITNESS = "self_induced_unfitness"  # AMMR only: "avsiktligt ser till att hans eller
    #   hennes tillstånd inte medger överföringen" - 3 years from the notice
    MEDICAL_UNFITNESS = "medical_unfitness"  # AMMR only: "inte uppfyller de medicinska kraven för
    #   överföringen" - 3 years from the notice (there is no 1-year medical ground)


class UrgentGround(StrEnum):
    """AMMR Art. 39(2): "Den anmodande medlemsstaten får begära ett brådskande svar i fall om ansökan om
    internationellt skydd registrerats efter det att ett beslut om nekad inresa eller ett beslut om
    återvändande utfärdats." """

    REFUSAL_OF_ENTRY = "refusal_of_entry"
    RETURN_DECISION = "return_decision"


# Reg. 2024/1351 Art. 84(1)-(2) and Art. 85 (application from 1 July 2026). Confirmed (Art. 84 text).
AMMR_APPLIES_FROM = date(2026, 7, 1)
# Dublin III applies to applications lodged from 1 January 2014 (Reg. 604/2013 Art. 49, second subpara.).
DUBLIN_III_APPLIES_FROM = date(2014, 1, 1)
# Last registration day for which Dublin III criteria apply (Art. 84(2): registered before 1 July 2026).
DUBLIN_III_LAST_REGISTRATION_DAY = AMMR_APPLIES_FROM - timedelta(days=1)

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
D3_TRANSFER_MONTHS = 6  # Art. 29(1)
D3_TRANSFER_IMPRISONMENT_MONTHS = 12  # Art. 29(2): at most one year
D3_TRANSFER_ABSCONDING_MONTHS = 18  # Art. 29(2): at most 18 months
D3_DETAINED_TRANSFER_WEEKS = 6  # Art. 28(3) third subpara.

# Reg. 1560/2003 (in force under both regimes, Reg. 2024/1351 Art. 83)
REEXAMINATION_REQUEST_WEEKS = 3  # Art. 5(2): within 3 weeks of the negative reply
REEXAMINATION_REPLY_WEEKS = 2  # Art. 5(2): "endeavour to reply within 2 weeks"
D3_REEXAMINATION_REQUEST_WEEKS = AMMR_REEXAMINATION_REQUEST_WEEKS = REEXAMINATION_REQUEST_WEEKS
D3_REEXAMINATION_REPLY_WEEKS = AMMR_REEXAMINATION_REPLY_WEEKS = REEXAMINATION_REPLY_WEEKS

# AMMR (Reg. 2024/1351)
AMMR_TAKE_CHARGE_REQUEST_MONTHS = 2  # Art. 39(1) first subpara.: 2 months from registration
AMMR_TAKE_CHARGE_REQUEST_HIT_MONTHS = 1  # Art. 39(1) second subpara.: 1 month from a Eurodac/VIS hit
AMMR_TAKE_BACK_NOTIFICATION_WEEKS = 2  # Art. 41(1): 2 weeks from the Eurodac hit
AMMR_URGENT_MIN_WEEKS = 1  # Art. 39(2): "Svarsfristen ska vara minst en vecka."
AMMR_URGENT_REPLY_WEEKS = 2  # Art. 40(7): "eller, om detta inte är möjligt, inom två veckor"
AMMR_DETAINED_REQUEST_WEEKS = 2  # Art. 45(1): 2 weeks from registration (or from the hit)
AMMR_DETAINED_LATER_REQUEST_WEEKS = 1  # Art. 45(1): 1 week from the day of detention, if detained later
AMMR_TAKE_CHARGE_REPLY_MONTHS = 1  # Art. 40(1); silence = acceptance 40(8)
AMMR_TAKE_CHARGE_REPLY_HIT_WEEKS = 2  # Art. 40(2); silence = acceptance 40(8)
AMMR_DETAINED_REPLY_WEEKS = 1  # Art. 45(2)
AMMR_TAKE_BACK_CONFIRMATION_WEEKS = 2  # Art. 41(3); silence = confirmation, Art. 41(4)
AMMR_TRANSFER_DECISION_WEEKS = 2  # Art. 42(1)
# Art. 43(2): "Medlemsstaterna ska föreskriva en tidsperiod på minst en vecka men högst tre veckor": Latvia's
# number was NOT found (verify; state of 1 Dec 2026): desk uses the maximum the Regulation allows.
AMMR_TRANSFER_APPEAL_WEEKS = 3
AMMR_TRANSFER_MONTHS = 6  # Art. 46(1)
AMMR_DETAINED_TRANSFER_WEEKS = 5  # Art. 45(3): "inom fem veckor"
AMMR_TRANSFER_LIBERTY_MONTHS = 12  # Art. 46(2): "till högst ett år ... frihetsberövad"
AMMR_TRANSFER_THREE_YEARS_MONTHS = 36  # Art. 46(2): "till högst tre år från det att den anmodande
#   medlemsstaten underrättade den ansvariga medlemsstaten"
AMMR_TRANSFER_IMPRISONMENT_MONTHS = AMMR_TRANSFER_LIBERTY_MONTHS  # the names of issue 3
AMMR_TRANSFER_ABSCONDING_MONTHS = AMMR_TRANSFER_THREE_YEARS_MONTHS
AMMR_REAPPEARED_MONTHS = 3  # Art. 46(2) second subpara.: "ska ... ha tre månader på sig"
# How the reappearance's 3 months sit with an extension already running (interpretation, verify): desk
# gives the later of the period left and 3 months from the day the person is available again, never
# beyond the extension's own end.
AMMR_REAPPEARED_VERIFIED = False
AMMR_INFORMATION_REPLY_WEEKS = 3  # Art. 51(5): "skyldig att svara inom tre veckor"; no tacit effect

_THREE_YEAR_GROUNDS = frozenset({Extension.ABSCONDING, Extension.RESISTING, Extension.SELF_INDUCED_UNFITNESS,
                                 Extension.MEDICAL_UNFITNESS})

# --- rules ----------------------------------------------------------------------------------------------

_D3_FROM, _D3_UNTIL = DUBLIN_III_APPLIES_FROM, DUBLIN_III_LAST_REGISTRATION_DAY
_TACIT = "rules.consequence.tacit_acceptance"
_RELEASE = "rules.consequence.release_from_detention"


def _p(days: int = 0, weeks: int = 0, months: int = 0) -> Period:
    return Period(days=days, weeks=weeks, months=months)


def _d3(id_: str, article: str, consequence: str | None, period: Period | None, anchor: str | None,
        verified: bool = True) -> Rule:
    return Rule(
        id=f"dublin3.{id_}", article=article, title_key=f"rules.title.dublin3.{id_}", consequence_key=consequence,
        applies_from=_D3_FROM, applies_until=_D3_UNTIL, verified=verified, period=period, anchor_key=anchor,
        counting=Counting.NO_ROLL if period else Counting.NONE, regime=Regime.DUBLIN_III.value,
    )


def _ammr(id_: str, article: str, consequence: str | None, period: Period | None, anchor: str | None,
          verified: bool = True) -> Rule:
    return Rule(
        id=f"ammr.{id_}", article=article, title_key=f"rules.title.ammr.{id_}", consequence_key=consequence,
        applies_from=AMMR_APPLIES_FROM, applies_until=None, verified=verified, period=period, anchor_key=anchor,
        counting=Counting.ROLL_ACTOR if period else Counting.NONE, regime=Regime.AMMR.value,
    )


_LODGED, _REGISTERED, _HIT = "rules.anchor.lodged", "rules.anchor.registered", "rules.anchor.hit_received"
_RECEIVED, _ACCEPTED, _DETAINED = "rules.anchor.received", "rules.anchor.accepted", "rules.anchor.detained"

# Dublin III. Sources: 28(3) and 29(2) texts seen; 1560/2003 Art. 5(2) as read by CJEU C-47/17 and C-48/17;
# 21(1) as read by CJEU C-670/16 Mengesteab; 28(3) as read by CJEU C-60/16 Khir Amayry; the other
# paragraphs match DOMAIN.md's table and the OJ text (L 180, 29.6.2013).
D3_TC_REQUEST = _d3(  # Reg. 604/2013 Art. 21(1) first and third subparagraphs
    "take_charge.request", "Reg. 604/2013 Art. 21(1)", "rules.consequence.requesting_state_responsible",
    _p(months=D3_TAKE_CHARGE_REQUEST_MONTHS), _LODGED)
D3_TC_REQUEST_HIT = _d3(  # Art. 21(1) second subparagraph (Eurodac hit, Reg. 603/2013 Art. 9(5))
    "take_charge.request_hit", "Reg. 604/2013 Art. 21(1) second subpara.",
    "rules.consequence.requesting_state_responsible", _p(months=D3_TAKE_CHARGE_REQUEST_HIT_MONTHS), _HIT)
D3_TC_REQUEST_HIT_CAP = _d3(  # Art. 21(1); CJEU C-670/16 Mengesteab (26 July 2017), para. 67-68
    "take_charge.request_hit_cap", "Reg. 604/2013 Art. 21(1); CJEU C-670/16 Mengesteab",
    "rules.consequence.requesting_state_responsible", _p(months=D3_MENGESTEAB_CAP_MONTHS), _LODGED)
D3_TB_REQUEST = _d3(  # Art. 23(2) second subpara.; consequence Art. 23(3)
    "take_back.request", "Reg. 604/2013 Art. 23(2), 23(3)", "rules.consequence.new_application_state_responsible",
    _p(months=D3_TAKE_BACK_REQUEST_MONTHS), _LODGED)
D3_TB_REQUEST_HIT = _d3(  # Art. 23(2) first subpara.; consequence Art. 23(3)
    "take_back.request_hit", "Reg. 604/2013 Art. 23(2), 23(3)",
    "rules.consequence.new_application_state_responsible", _p(months=D3_TAKE_BACK_REQUEST_HIT_MONTHS), _HIT)
D3_TB24_REQUEST = _d3(  # Art. 24(2) second subpara. (no new application); consequence Art. 24(3)
    "take_back_no_application.request", "Reg. 604/2013 Art. 24(2), 24(3)",
    "rules.consequence.new_application_opportunity", _p(months=D3_TAKE_BACK_REQUEST_MONTHS), "rules.anchor.knowledge")
D3_TB24_REQUEST_HIT = _d3(  # Art. 24(2) first subpara.; consequence Art. 24(3)
    "take_back_no_application.request_hit", "Reg. 604/2013 Art. 24(2), 24(3)",
    "rules.consequence.new_application_opportunity", _p(months=D3_TAKE_BACK_REQUEST_HIT_MONTHS), _HIT)
D3_REQUEST_DETAINED = _d3(  # Art. 28(3) second subpara. (text seen)
    "request_detained", "Reg. 604/2013 Art. 28(3)", "rules.consequence.requesting_state_responsible",
    _p(months=D3_DETAINED_REQUEST_MONTHS), _LODGED)
D3_TC_REPLY = _d3(  # Art. 22(1); silence = acceptance Art. 22(7)
    "take_charge.reply", "Reg. 604/2013 Art. 22(1), 22(7)", _TACIT, _p(months=D3_TAKE_CHARGE_REPLY_MONTHS), _RECEIVED)
D3_TC_REPLY_URGENT = _d3(  # Art. 21(2) (period asked, at least 1 week), Art. 22(6)
    "take_charge.reply_urgent", "Reg. 604/2013 Art. 21(2), 22(6)", "rules.consequence.urgent_reply_late",
    None, "rules.anchor.urgent_asked")
D3_TC_REPLY_URGENT_MAX = _d3(  # Art. 22(6) "in any event within one month"; silence = acceptance 22(7)
    "take_charge.reply_urgent_max", "Reg. 604/2013 Art. 22(6), 22(7)", _TACIT,
    _p(months=D3_URGENT_REPLY_MAX_MONTHS), _RECEIVED)
D3_TB_REPLY = _d3(  # Art. 25(1) first sentence; silence = acceptance Art. 25(2)
    "take_back.reply", "Reg. 604/2013 Art. 25(1), 25(2)", _TACIT, _p(months=D3_TAKE_BACK_REPLY_MONTHS), _RECEIVED)
D3_TB_REPLY_HIT = _d3(  # Art. 25(1) second sentence (Eurodac data); Art. 25(2)
    "take_back.reply_hit", "Reg. 604/2013 Art. 25(1), 25(2)", _TACIT, _p(weeks=D3_TAKE_BACK_REPLY_HIT_WEEKS), _RECEIVED)
D3_REPLY_DETAINED = _d3(  # Art. 28(3) second subpara.: 2 weeks, silence = acceptance (text seen)
    "reply_detained", "Reg. 604/2013 Art. 28(3)", _TACIT, _p(weeks=D3_DETAINED_REPLY_WEEKS), _RECEIVED)
D3_INFO_REPLY = _d3(  # Art. 34(5): 5 weeks; no tacit effect
    "information.reply", "Reg. 604/2013 Art. 34(5)", "rules.consequence.no_tacit_effect",
    _p(weeks=D3_INFORMATION_REPLY_WEEKS), _RECEIVED)
D3_REEXAM_REQUEST = _d3(  # Reg. 1560/2003 Art. 5(2) first subpara.
    "reexamination.request", "Reg. 1560/2003 Art. 5(2)", "rules.consequence.refusal_final",
    _p(weeks=REEXAMINATION_REQUEST_WEEKS), "rules.anchor.refusal_received")
D3_REEXAM_REPLY = _d3(  # Reg. 1560/2003 Art. 5(2); CJEU C-47/17 and C-48/17: silence ends the procedure
    "reexamination.reply", "Reg. 1560/2003 Art. 5(2); CJEU C-47/17, C-48/17", "rules.consequence.reexamination_ends",
    _p(weeks=REEXAMINATION_REPLY_WEEKS), "rules.anchor.reexamination_requested")
D3_TRANSFER = _d3(  # Art. 29(1) first subpara.; consequence Art. 29(2) first sentence (text seen)
    "transfer", "Reg. 604/2013 Art. 29(1), 29(2)", "rules.consequence.responsibility_shifts",
    _p(months=D3_TRANSFER_MONTHS), _ACCEPTED)
D3_TRANSFER_IMPRISONMENT = _d3(  # Art. 29(2) second sentence (text seen)
    "transfer_imprisonment", "Reg. 604/2013 Art. 29(2)", "rules.consequence.responsibility_shifts",
    _p(months=D3_TRANSFER_IMPRISONMENT_MONTHS), _ACCEPTED)
D3_TRANSFER_ABSCONDING = _d3(  # Art. 29(2) second sentence (text seen)
    "transfer_absconding", "Reg. 604/2013 Art. 29(2)", "rules.consequence.responsibility_shifts",
    _p(months=D3_TRANSFER_ABSCONDING_MONTHS), _ACCEPTED)
# Art. 28(3) third subpara.: "no later than six weeks of the implicit or explicit acceptance"; when the
# person is detained only after the acceptance, the 6 weeks run from the detention and never beyond the
# 6 months of Art. 29(1) (CJEU C-60/16 Khir Amayry, 13 September 2017, operative part 3).
D3_TRANSFER_DETAINED = _d3(
    "transfer_detained", "Reg. 604/2013 Art. 28(3)", "rules.consequence.release_from_detention",
    _p(weeks=D3_DETAINED_TRANSFER_WEEKS), _ACCEPTED)
D3_TRANSFER_DETAINED_LATER = _d3(
    "transfer_detained_later", "Reg. 604/2013 Art. 28(3); CJEU C-60/16 Khir Amayry",
    "rules.consequence.release_from_detention", _p(weeks=D3_DETAINED_TRANSFER_WEEKS), _DETAINED)
D3_EXTENSION_NOTICE = _d3(  # Reg. 1560/2003 Art. 9(2): inform before the 6 months end (text seen, 2003 wording)
    "transfer_extension_notice", "Reg. 1560/2003 Art. 9(2)", "rules.consequence.extension_unavailable",
    _p(months=D3_TRANSFER_MONTHS), _ACCEPTED)

# AMMR. Texts of Art. 39-46, 51, 75, 83-85 read (Swedish OJ text, shared/law/ammr-2024-1351-sv-extract.txt).
A_TC_REQUEST = _ammr(  # Art. 39(1) first subpara. "inom två månader från den dag då ansökan registrerades";
    # third subpara.: otherwise "den medlemsstat där ansökan ... registrerades ska ansvara för prövningen"
    "take_charge.request", "Reg. 2024/1351 Art. 39(1)", "rules.consequence.registering_state_responsible",
    _p(months=AMMR_TAKE_CHARGE_REQUEST_MONTHS), _REGISTERED)
A_TC_REQUEST_HIT = _ammr(  # Art. 39(1) second subpara. "skickas inom en månad efter en sådan träff"
    "take_charge.request_hit", "Reg. 2024/1351 Art. 39(1) second subpara.",
    "rules.consequence.registering_state_responsible", _p(months=AMMR_TAKE_CHARGE_REQUEST_HIT_MONTHS), _HIT)
A_TC_REQUEST_MINOR = _ammr(  # Art. 39(1) fourth subpara.: an unaccompanied child, in the child's best
    # interests, "när som helst innan ett första beslut i sak har fattats ... trots att de tidsfrister som
    # anges i första och andra styckena i denna punkt har löpt ut": the last day is the day before the
    # first decision on the substance
    "take_charge.request_minor", "Reg. 2024/1351 Art. 39(1) fourth subpara.",
    "rules.consequence.registering_state_responsible", None, "rules.anchor.first_decision")
A_TC_REQUEST_DETAINED = _ammr(  # Art. 45(1) first subpara. "senast två veckor från det att ansökan ...
    # registrerades"; 45(4): otherwise "ska personen inte längre hållas i förvar"; Art. 39 still applies
    "take_charge.request_detained", "Reg. 2024/1351 Art. 45(1), 45(4)", _RELEASE,
    _p(weeks=AMMR_DETAINED_REQUEST_WEEKS), _REGISTERED)
A_TC_REQUEST_DETAINED_LATER = _ammr(  # Art. 45(1) second subpara. "senast en vecka från och med den dag
    # då personen togs i förvar"; 45(4)
    "take_charge.request_detained_later", "Reg. 2024/1351 Art. 45(1) second subpara., 45(4)", _RELEASE,
    _p(weeks=AMMR_DETAINED_LATER_REQUEST_WEEKS), _DETAINED)
A_TB_NOTIFICATION = _ammr(  # Art. 41(1): 2 weeks after the Eurodac hit; missing it "ska inte påverka den
    # ansvariga medlemsstatens skyldighet att återta den berörda personen"
    "take_back.notification", "Reg. 2024/1351 Art. 41(1)", "rules.consequence.obligation_remains",
    _p(weeks=AMMR_TAKE_BACK_NOTIFICATION_WEEKS), _HIT)
A_TB_NOTIFICATION_DETAINED = _ammr(  # Art. 45(1) first subpara. (from registration, or from the hit when no
    # new application was registered); 45(4)
    "take_back.notification_detained", "Reg. 2024/1351 Art. 45(1), 45(4)", _RELEASE,
    _p(weeks=AMMR_DETAINED_REQUEST_WEEKS), _REGISTERED)
A_TB_NOTIFICATION_DETAINED_LATER = _ammr(  # Art. 45(1) second subpara.; 45(4)
    "take_back.notification_detained_later", "Reg. 2024/1351 Art. 45(1) second subpara., 45(4)", _RELEASE,
    _p(weeks=AMMR_DETAINED_LATER_REQUEST_WEEKS), _DETAINED)
A_TC_REPLY = _ammr(  # Art. 40(1) "inom en månad från mottagandet"; 40(8): no objection within one month
    # "ska ... anses som ett godtagande av framställan"
    "take_charge.reply", "Reg. 2024/1351 Art. 40(1), 40(8)", _TACIT, _p(months=AMMR_TAKE_CHARGE_REPLY_MONTHS),
    _RECEIVED)
A_TC_REPLY_HIT = _ammr(  # Art. 40(2) "inom två veckor från mottagandet"; 40(8)
    "take_charge.reply_hit", "Reg. 2024/1351 Art. 40(2), 40(8)", _TACIT, _p(weeks=AMMR_TAKE_CHARGE_REPLY_HIT_WEEKS),
    _RECEIVED)
A_TC_REPLY_URGENT = _ammr(  # Art. 40(7) "svara inom den angivna svarsfristen"
    "take_charge.reply_urgent", "Reg. 2024/1351 Art. 39(2), 40(7)", "rules.consequence.urgent_reply_late_ammr",
    None, "rules.anchor.urgent_asked")
A_TC_REPLY_URGENT_MAX = _ammr(  # Art. 40(7) "om detta inte är möjligt, inom två veckor från mottagandet";
    # 40(8): silence "inom två veckor enligt punkterna 2 och 7" is acceptance
    "take_charge.reply_urgent_max", "Reg. 2024/1351 Art. 40(7), 40(8)", _TACIT, _p(weeks=AMMR_URGENT_REPLY_WEEKS),
    _RECEIVED)
A_REPLY_DETAINED = _ammr(  # Art. 45(2) "inom en vecka ... Underlåtenhet att svara inom en vecka ska anses
    # som ett godtagande"
    "reply_detained", "Reg. 2024/1351 Art. 45(2)", _TACIT, _p(weeks=AMMR_DETAINED_REPLY_WEEKS), _RECEIVED)
A_TB_CONFIRMATION = _ammr(  # Art. 41(3) "inom två veckor bekräfta mottagandet"; 41(4) silence = confirmation
    "take_back.confirmation", "Reg. 2024/1351 Art. 41(3), 41(4)", "rules.consequence.tacit_confirmation",
    _p(weeks=AMMR_TAKE_BACK_CONFIRMATION_WEEKS), _RECEIVED)
A_INFO_REPLY = _ammr(  # Art. 51(5) "skyldig att svara inom tre veckor ... Underlåtenhet att svara inom tre
    # veckor ska inte befria den anmodade medlemsstaten från skyldigheten att svara" (no tacit effect)
    "information.reply", "Reg. 2024/1351 Art. 51(5)", "rules.consequence.reply_still_owed",
    _p(weeks=AMMR_INFORMATION_REPLY_WEEKS), _RECEIVED)
A_REEXAM_REQUEST = _ammr(  # Reg. 1560/2003 Art. 5(2), in force under Reg. 2024/1351 Art. 83
    "reexamination.request", "Reg. 1560/2003 Art. 5(2); Reg. 2024/1351 Art. 83", "rules.consequence.refusal_final",
    _p(weeks=REEXAMINATION_REQUEST_WEEKS), "rules.anchor.refusal_received")
A_REEXAM_REPLY = _ammr(  # as above; silence ends the procedure (CJEU C-47/17, C-48/17)
    "reexamination.reply", "Reg. 1560/2003 Art. 5(2); Reg. 2024/1351 Art. 83; CJEU C-47/17, C-48/17",
    "rules.consequence.reexamination_ends", _p(weeks=REEXAMINATION_REPLY_WEEKS), "rules.anchor.reexamination_requested")
A_TRANSFER_DECISION = _ammr(  # Art. 42(1) "senast två veckor efter godtagandet eller bekräftelsen"
    "transfer_decision", "Reg. 2024/1351 Art. 42(1)", None, _p(weeks=AMMR_TRANSFER_DECISION_WEEKS), _ACCEPTED)
A_TRANSFER_DECISION_DETAINED = _ammr(  # Art. 42(1); 45(4): a decision not taken within 42(1)'s period ends
    # the detention
    "transfer_decision_detained", "Reg. 2024/1351 Art. 42(1), 45(4)", _RELEASE,
    _p(weeks=AMMR_TRANSFER_DECISION_WEEKS), _ACCEPTED)
A_TRANSFER_APPEAL = _ammr(  # Art. 43(2): national period of 1-3 weeks; Latvia's number not found
    "transfer_appeal", "Reg. 2024/1351 Art. 43(2)", "rules.consequence.decision_final",
    _p(weeks=AMMR_TRANSFER_APPEAL_WEEKS), "rules.anchor.transfer_decision_notified", verified=False)
A_TRANSFER = _ammr(  # Art. 46(1) "inom sex månader"; 46(2) first sentence: the responsible state is freed
    "transfer", "Reg. 2024/1351 Art. 46(1), 46(2)", "rules.consequence.responsibility_shifts",
    _p(months=AMMR_TRANSFER_MONTHS), _ACCEPTED)
A_TRANSFER_DETAINED = _ammr(  # Art. 45(3) "inom fem veckor från a) den dag då framställan om övertagande
    # godtogs eller aviseringen om återtagande bekräftades, eller b) den dag då överklagandet ... inte längre
    # har suspensiv verkan"; 45(4): otherwise no longer detained, Art. 46 continues to apply
    "transfer_detained", "Reg. 2024/1351 Art. 45(3), 45(4)", _RELEASE, _p(weeks=AMMR_DETAINED_TRANSFER_WEEKS), _ACCEPTED)
A_TRANSFER_IMPRISONMENT = _ammr(  # Art. 46(2) "till högst ett år om överföringen inte har kunnat verkställas
    # på grund av att den berörda personen varit frihetsberövad" (from the same start as the 6 months)
    "transfer_imprisonment", "Reg. 2024/1351 Art. 46(2)", "rules.consequence.responsibility_shifts",
    _p(months=AMMR_TRANSFER_LIBERTY_MONTHS), _ACCEPTED)
A_TRANSFER_ABSCONDING = _ammr(  # Art. 46(2) "till högst tre år från det att den anmodande medlemsstaten
    # underrättade den ansvariga medlemsstaten, att den berörda personen ... har avvikit, fysiskt motsätter
    # sig överföringen, avsiktligt ser till att hans eller hennes tillstånd inte medger överföringen eller
    # inte uppfyller de medicinska kraven för överföringen"
    "transfer_absconding", "Reg. 2024/1351 Art. 46(2)", "rules.consequence.responsibility_shifts",
    _p(months=AMMR_TRANSFER_THREE_YEARS_MONTHS), "rules.anchor.extension_notified")
A_TRANSFER_REAPPEARED = _ammr(  # Art. 46(2) second subpara. "Om den berörda personen åter blir tillgänglig
    # för myndigheterna och den tid som återstår av den period som avses i punkt 1 är kortare än tre månader,
    # ska den överförande medlemsstaten ha tre månader på sig att verkställa överföringen."
    "transfer_reappeared", "Reg. 2024/1351 Art. 46(2) second subpara.", "rules.consequence.responsibility_shifts",
    _p(months=AMMR_REAPPEARED_MONTHS), "rules.anchor.reappeared", verified=AMMR_REAPPEARED_VERIFIED)
A_EXTENSION_NOTICE = _ammr(  # Reg. 1560/2003 Art. 9(2) (in force, Reg. 2024/1351 Art. 83): inform the
    # responsible state before the 6 months end; the notice also starts Art. 46(2)'s 3 years
    "transfer_extension_notice", "Reg. 1560/2003 Art. 9(2); Reg. 2024/1351 Art. 46(2), 83",
    "rules.consequence.extension_unavailable", _p(months=AMMR_TRANSFER_MONTHS), _ACCEPTED)

RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        D3_TC_REQUEST, D3_TC_REQUEST_HIT, D3_TC_REQUEST_HIT_CAP, D3_TB_REQUEST, D3_TB_REQUEST_HIT,
        D3_TB24_REQUEST, D3_TB24_REQUEST_HIT, D3_REQUEST_DETAINED, D3_TC_REPLY, D3_TC_REPLY_URGENT,
        D3_TC_REPLY_URGENT_MAX, D3_TB_REPLY, D3_TB_REPLY_HIT, D3_REPLY_DETAINED, D3_INFO_REPLY,
        D3_REEXAM_REQUEST, D3_REEXAM_REPLY, D3_TRANSFER, D3_TRANSFER_IMPRISONMENT, D3_TRANSFER_ABSCONDING,
        D3_TRANSFER_DETAINED, D3_TRANSFER_DETAINED_LATER, D3_EXTENSION_NOTICE,
        A_TC_REQUEST, A_TC_REQUEST_HIT, A_TC_REQUEST_MINOR, A_TC_REQUEST_DETAINED, A_TC_REQUEST_DETAINED_LATER,
        A_TB_NOTIFICATION, A_TB_NOTIFICATION_DETAINED, A_TB_NOTIFICATION_DETAINED_LATER, A_TC_REPLY,
        A_TC_REPLY_HIT, A_TC_REPLY_URGENT, A_TC_REPLY_URGENT_MAX, A_REPLY_DETAINED, A_TB_CONFIRMATION,
        A_INFO_REPLY, A_REEXAM_REQUEST, A_REEXAM_REPLY, A_TRANSFER_DECISION, A_TRANSFER_DECISION_DETAINED,
        A_TRANSFER_APPEAL, A_TRANSFER, A_TRANSFER_DETAINED, A_TRANSFER_IMPRISONMENT, A_TRANSFER_ABSCONDING,
        A_TRANSFER_REAPPEARED, A_EXTENSION_NOTICE,
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
    """Dublin III Art. 42 never moves the last day; AMMR Art. 75(d) moves a last day on a Saturday, Sunday
    or official holiday of ``country`` (the Member State that must act) to its next working day."""
    roll = regime == Regime.AMMR
    return add_period(start, roll_forward=roll, eu=roll, country=country or DEFAULT_COUNTRY, **period)


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
    minor_best_interests: bool = False,
    first_decision_on: date | None = None,
    country: str = DEFAULT_COUNTRY,
) -> list[_Limit]:
    """Every limit that binds the sending of a request; the earliest one governs. ``country`` is the
    requesting state (its calendar moves an AMMR last day, Art. 75(d))."""
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
                limits.append(_Limit(D3_TC_REQUEST_HIT, _HIT, hit_received_on,
                                     _count(regime, hit_received_on, c, months=D3_TAKE_CHARGE_REQUEST_HIT_MONTHS)))
                limits.append(_Limit(D3_TC_REQUEST_HIT_CAP, _LODGED, lodged_on,
                                     _count(regime, lodged_on, c, months=D3_MENGESTEAB_CAP_MONTHS)))
            else:
                limits.append(_Limit(D3_TC_REQUEST, _LODGED, lodged_on,
                                     _count(regime, lodged_on, c, months=D3_TAKE_CHARGE_REQUEST_MONTHS)))
        else:  # TAKE_BACK: Art. 23 (new application lodged here) or Art. 24 (no new application)
            rule_hit, rule_plain = (
                (D3_TB_REQUEST_HIT, D3_TB_REQUEST) if new_application_lodged else (D3_TB24_REQUEST_HIT, D3_TB24_REQUEST)
            )
            if hit_received_on is not None:
                limits.append(_Limit(rule_hit, _HIT, hit_received_on,
                                     _count(regime, hit_received_on, c, months=D3_TAKE_BACK_REQUEST_HIT_MONTHS)))
            else:
                if new_application_lodged or knowledge_on is None:
                    anchor, anchor_key = lodged_on, _LODGED
                else:
                    anchor, anchor_key = knowledge_on, "rules.anchor.knowledge"
                if anchor is None:
                    raise _missing("lodged_on")
                limits.append(_Limit(rule_plain, anchor_key, anchor,
                                     _count(regime, anchor, c, months=D3_TAKE_BACK_REQUEST_MONTHS)))
        if detained and lodged_on is not None:  # Art. 28(3): "shall not exceed one month from the lodging"
            limits.append(_Limit(D3_REQUEST_DETAINED, _LODGED, lodged_on,
                                 _count(regime, lodged_on, c, months=D3_DETAINED_REQUEST_MONTHS)))
        return limits

    # AMMR
    if kind == RequestKind.TAKE_CHARGE:
        if registered_on is None:
            raise _missing("registered_on")
        if minor_best_interests:
            # Art. 39(1) fourth subpara.: any time before a first decision on the substance, even after the
            # limits of the first and second subparagraphs; no such decision yet -> no last day yet
            if first_decision_on is None:
                return []
            limits.append(_Limit(A_TC_REQUEST_MINOR, "rules.anchor.first_decision", first_decision_on,
                                 first_decision_on - timedelta(days=1)))
        elif hit_received_on is not None:  # Art. 39(1) second subpara. ("notwithstanding the first")
            limits.append(_Limit(A_TC_REQUEST_HIT, _HIT, hit_received_on,
                                 _count(regime, hit_received_on, c, months=AMMR_TAKE_CHARGE_REQUEST_HIT_MONTHS)))
        else:
            limits.append(_Limit(A_TC_REQUEST, _REGISTERED, registered_on,
                                 _count(regime, registered_on, c, months=AMMR_TAKE_CHARGE_REQUEST_MONTHS)))
        if detained:
            if detained_on is not None and detained_on > registered_on:
                limits.append(_Limit(A_TC_REQUEST_DETAINED_LATER, _DETAINED, detained_on,
                                     _count(regime, detained_on, c, weeks=AMMR_DETAINED_LATER_REQUEST_WEEKS)))
            else:
                limits.append(_Limit(A_TC_REQUEST_DETAINED, _REGISTERED, registered_on,
                                     _count(regime, registered_on, c, weeks=AMMR_DETAINED_REQUEST_WEEKS)))
        return limits
    # AMMR take back notification: only on a Eurodac hit (Art. 41(1))
    if hit_received_on is None:
        raise InvalidValue("rules.dublin.hit_required", field="hit_received_on")
    limits.append(_Limit(A_TB_NOTIFICATION, _HIT, hit_received_on,
                         _count(regime, hit_received_on, c, weeks=AMMR_TAKE_BACK_NOTIFICATION_WEEKS)))
    if detained:
        # Art. 45(1): two weeks from registration, "eller senast två veckor från träffen i Eurodac, om ingen
        # ny ansökan har registrerats i den meddelande medlemsstaten"
        base, base_key = (registered_on, _REGISTERED) if registered_on is not None else (hit_received_on, _HIT)
        if detained_on is not None and detained_on > base:
            limits.append(_Limit(A_TB_NOTIFICATION_DETAINED_LATER, _DETAINED, detained_on,
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
    minor_best_interests: bool = False,
    first_decision_on: date | None = None,
    country: str = DEFAULT_COUNTRY,
) -> date:
    """The last day to send a take charge / take back request (AMMR: take back notification).

    Dublin III counts from lodging (take back without a hit: from ``lodged_on``, or from ``knowledge_on``
    under Art. 24 when no new application was lodged); AMMR from registration, or from the hit, and moves
    a last day off the requesting state's (``country``) weekends and holidays (Art. 75(d)).
    A hit-based Dublin III take charge request is never later than 3 months from lodging (Mengesteab).
    An unaccompanied child's AMMR take charge request in the child's best interests may be sent until the
    day before the first decision on the substance (Art. 39(1) fourth subpara.); with no such decision yet
    there is no last day: raises ``InvalidValue("rules.dublin.minor_no_limit_yet")``.
    For an INFORMATION request there is no sending limit: raises ``InvalidValue("rules.dublin.no_request_limit")``.
    """
    limits = _request_limits(
        kind, regime, lodged_on=lodged_on, registered_on=registered_on, hit_received_on=hit_received_on,
        detained=detained, detained_on=detained_on, new_application_lodged=new_application_lodged,
        knowledge_on=knowledge_on, minor_best_interests=minor_best_interests, first_decision_on=first_decision_on,
        country=country,
    )
    if not limits:
        raise InvalidValue("rules.dublin.minor_no_limit_yet")
    return _earliest(limits).due


def check_urgent(kind, *, regime, received_on: date | None, urgent_reply_by: date | None,
                 urgent_ground=None) -> None:
    """Raise InvalidValue for an urgent reply the law does not allow: only a take charge request (Reg.
    604/2013 Art. 21(2); Reg. 2024/1351 Art. 39(2)); under the AMMR only where the application was registered
    after a refusal of entry or a return decision (``urgent_ground``, Art. 39(2) first subpara.); the period
    asked is at least one week (604/2013 Art. 21(2); 2024/1351 Art. 39(2) second subpara.)."""
    if urgent_reply_by is None:
        return
    kind, regime = _coerce_kind(kind), _coerce_regime(regime)
    if kind != RequestKind.TAKE_CHARGE:
        raise InvalidValue("rules.dublin.urgent_take_charge_only", kind=str(kind))
    if regime == Regime.AMMR:
        try:
            UrgentGround(urgent_ground) if urgent_ground is not None else None
        except ValueError:
            raise InvalidValue("rules.dublin.urgent_ground_required") from None
        if urgent_ground is None:
            raise InvalidValue("rules.dublin.urgent_ground_required")
    if received_on is not None:
        _check_urgent_period(regime, received_on, urgent_reply_by)


def _check_urgent_period(regime: Regime, received_on: date, urgent_reply_by: date) -> None:
    """604/2013 Art. 21(2) / 2024/1351 Art. 39(2): the period asked is at least one week."""
    weeks = AMMR_URGENT_MIN_WEEKS if regime == Regime.AMMR else D3_URGENT_MIN_WEEKS
    if urgent_reply_by < received_on + timedelta(weeks=weeks):
        raise InvalidValue("rules.dublin.urgent_too_short", weeks=weeks)


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
    is the one whose expiry means tacit acceptance (or, AMMR take back, tacit confirmation). ``country`` is
    the requested state, whose calendar moves an AMMR last day (Art. 75(d))."""
    kind, regime = _coerce_kind(kind), _coerce_regime(regime)
    if received_on is None:
        raise _missing("received_on")
    c = country
    a = _RECEIVED
    if urgent_reply_by is not None:
        if kind != RequestKind.TAKE_CHARGE:
            raise InvalidValue("rules.dublin.urgent_take_charge_only", kind=str(kind))
        _check_urgent_period(regime, received_on, urgent_reply_by)
    if regime == Regime.DUBLIN_III:
        if kind == RequestKind.INFORMATION:
            return [_Limit(D3_INFO_REPLY, a, received_on, _count(regime, received_on, c, weeks=D3_INFORMATION_REPLY_WEEKS))]
        if detained:  # Art. 28(3): detained cases are urgent by law; 2 weeks, silence = acceptance
            return [_Limit(D3_REPLY_DETAINED, a, received_on,
                           _count(regime, received_on, c, weeks=D3_DETAINED_REPLY_WEEKS), tacit=True)]
        if kind == RequestKind.TAKE_CHARGE:
            if urgent_reply_by is not None:
                outer = _Limit(D3_TC_REPLY_URGENT_MAX, a, received_on,
                               _count(regime, received_on, c, months=D3_URGENT_REPLY_MAX_MONTHS), tacit=True)
                if urgent_needs_longer:  # Art. 22(6): "in any event within one month"
                    return [outer]
                asked = _Limit(D3_TC_REPLY_URGENT, "rules.anchor.urgent_asked", received_on, urgent_reply_by)
                return [asked, outer]
            return [_Limit(D3_TC_REPLY, a, received_on,
                           _count(regime, received_on, c, months=D3_TAKE_CHARGE_REPLY_MONTHS), tacit=True)]
        if hit:  # TAKE_BACK based on Eurodac data, Art. 25(1)
            return [_Limit(D3_TB_REPLY_HIT, a, received_on,
                           _count(regime, received_on, c, weeks=D3_TAKE_BACK_REPLY_HIT_WEEKS), tacit=True)]
        return [_Limit(D3_TB_REPLY, a, received_on,
                       _count(regime, received_on, c, months=D3_TAKE_BACK_REPLY_MONTHS), tacit=True)]

    # AMMR
    if kind == RequestKind.INFORMATION:  # Art. 51(5): 3 weeks, no tacit effect
        return [_Limit(A_INFO_REPLY, a, received_on, _count(regime, received_on, c, weeks=AMMR_INFORMATION_REPLY_WEEKS))]
    if kind == RequestKind.TAKE_BACK:  # confirmation of a take back notification, Art. 41(3)-(4)
        return [_Limit(A_TB_CONFIRMATION, a, received_on,
                       _count(regime, received_on, c, weeks=AMMR_TAKE_BACK_CONFIRMATION_WEEKS), tacit=True)]
    if detained:  # Art. 45(2), "genom undantag från artikel 40.1"
        return [_Limit(A_REPLY_DETAINED, a, received_on,
                       _count(regime, received_on, c, weeks=AMMR_DETAINED_REPLY_WEEKS), tacit=True)]
    if urgent_reply_by is not None:
        # Art. 40(7): within the period asked or, where that is not possible, within two weeks of receipt;
        # Art. 40(8): no objection "inom två veckor enligt punkterna 2 och 7" is acceptance. Silence is
        # acceptance two weeks after receipt, or on the day asked where that is later.
        two_weeks = _count(regime, received_on, c, weeks=AMMR_URGENT_REPLY_WEEKS)
        if urgent_needs_longer:
            return [_Limit(A_TC_REPLY_URGENT_MAX, a, received_on, two_weeks, tacit=True)]
        asked = _Limit(A_TC_REPLY_URGENT, "rules.anchor.urgent_asked", received_on, urgent_reply_by)
        if urgent_reply_by >= two_weeks:
            return [replace(asked, tacit=True)]
        return [asked, _Limit(A_TC_REPLY_URGENT_MAX, a, received_on, two_weeks, tacit=True)]
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

    Urgent take charge requests: the day asked (``urgent_reply_by``; Dublin III Art. 21(2), 22(6); AMMR Art.
    39(2), 40(7)); with ``urgent_needs_longer`` (the requested state cannot reply in time) one month (Dublin
    III 22(6)) or two weeks (AMMR 40(7)) from receipt. Detained persons: 2 weeks (Dublin III Art. 28(3)) / 1
    week (AMMR Art. 45(2)). ``hit`` means a Eurodac-based request (Dublin III take back, Art. 25(1)) or a
    Eurodac/VIS hit (AMMR take charge, Art. 40(2)). ``country`` is the replying state: under the AMMR its
    weekends and official holidays move the last day (Art. 75(d))."""
    return _reply_limits(
        kind, regime, received_on=received_on, hit=hit, urgent_reply_by=urgent_reply_by, detained=detained,
        urgent_needs_longer=urgent_needs_longer, country=country,
    )[0].due


def _coerce_extension(extension) -> Extension | None:
    if extension is None:
        return None
    try:
        return Extension(extension)
    except ValueError:
        raise InvalidValue("rules.dublin.unknown_extension", extension=str(extension)) from None


def _transfer_limit(regime: Regime, start: date, extension, anchor_key: str, country: str = DEFAULT_COUNTRY,
                    *, extension_notified_on: date | None = None, reappeared_on: date | None = None) -> _Limit:
    """The transfer limit. ``country`` is the transferring state (AMMR Art. 75(d))."""
    regime = _coerce_regime(regime)
    if start is None:
        raise _missing("accepted_on")
    ext = _coerce_extension(extension)
    if regime == Regime.DUBLIN_III:
        if ext is None:
            rule, months = D3_TRANSFER, D3_TRANSFER_MONTHS
        elif ext == Extension.IMPRISONMENT:
            rule, months = D3_TRANSFER_IMPRISONMENT, D3_TRANSFER_IMPRISONMENT_MONTHS
        elif ext == Extension.ABSCONDING:
            rule, months = D3_TRANSFER_ABSCONDING, D3_TRANSFER_ABSCONDING_MONTHS
        else:  # resisting, self-induced or medical unfitness are AMMR grounds only
            raise InvalidValue("rules.dublin.extension_not_in_regime", extension=str(ext), regime=str(regime))
        return _Limit(rule, anchor_key, start, _count(regime, start, country, months=months))
    six = _Limit(A_TRANSFER, anchor_key, start, _count(regime, start, country, months=AMMR_TRANSFER_MONTHS))
    if ext is None:
        limit = six
    elif ext == Extension.IMPRISONMENT:  # Art. 46(2): at most one year (from the same start)
        limit = _Limit(A_TRANSFER_IMPRISONMENT, anchor_key, start,
                       _count(regime, start, country, months=AMMR_TRANSFER_LIBERTY_MONTHS))
    else:  # Art. 46(2): at most three years from the requesting state's notice to the responsible state
        if extension_notified_on is None:
            raise _missing("extension_notified_on")
        limit = _Limit(A_TRANSFER_ABSCONDING, "rules.anchor.extension_notified", extension_notified_on,
                       _count(regime, extension_notified_on, country, months=AMMR_TRANSFER_THREE_YEARS_MONTHS))
    if reappeared_on is not None and reappeared_on <= limit.due:
        # Art. 46(2) second subpara.: back within reach with less than three months of the period left ->
        # three months from that day (never beyond an extension's own end: AMMR_REAPPEARED_VERIFIED)
        three = _count(regime, reappeared_on, country, months=AMMR_REAPPEARED_MONTHS)
        if six.due < three:
            due = three if ext is None else min(three, limit.due)
            return _Limit(A_TRANSFER_REAPPEARED, "rules.anchor.reappeared", reappeared_on, due)
    return limit


def transfer_deadline(*, regime, accepted_on: date, extension=None, detained: bool = False,
                      extension_notified_on: date | None = None, detained_on: date | None = None,
                      reappeared_on: date | None = None, country: str = DEFAULT_COUNTRY) -> date:
    """The last day to carry out the transfer: 6 months from acceptance (explicit or tacit) or from the
    final decision on a suspensive appeal (Dublin III Art. 29(1); AMMR Art. 46(1)); extended to 1 year for
    imprisonment or 18 months for absconding (Dublin III Art. 29(2)); under the AMMR to 1 year for
    deprivation of liberty, or to 3 years FROM ``extension_notified_on`` for absconding, resisting, making
    oneself unfit or not meeting the medical requirements (Art. 46(2)).
    ``detained=True``: 6 weeks (Dublin III Art. 28(3); from ``detained_on`` when the detention began after
    the acceptance, never beyond the 6 months: CJEU C-60/16 Khir Amayry) or 5 weeks (AMMR Art. 45(3)).
    ``country`` is the transferring state (AMMR Art. 75(d))."""
    regime = _coerce_regime(regime)
    if accepted_on is None:
        raise _missing("accepted_on")
    if detained:
        return _detained_transfer_limit(regime, accepted_on, "rules.anchor.accepted", detained_on, country).due
    return _transfer_limit(regime, accepted_on, extension, "rules.anchor.accepted", country,
                           extension_notified_on=extension_notified_on, reappeared_on=reappeared_on).due


def _detained_transfer_limit(regime: Regime, start: date, start_key: str, detained_on: date | None,
                             country: str = DEFAULT_COUNTRY) -> _Limit:
    if regime == Regime.AMMR:  # Art. 45(3)(a)/(b): from acceptance/confirmation or the end of suspensive effect
        return _Limit(A_TRANSFER_DETAINED, start_key, start,
                      _count(regime, start, country, weeks=AMMR_DETAINED_TRANSFER_WEEKS))
    if detained_on is not None and detained_on > start:  # Khir Amayry: from the detention, capped at 6 months
        six_months = _count(regime, start, country, months=D3_TRANSFER_MONTHS)
        six_weeks = _count(regime, detained_on, country, weeks=D3_DETAINED_TRANSFER_WEEKS)
        if six_months < six_weeks:
            return _Limit(D3_TRANSFER, start_key, start, six_months)
        return _Limit(D3_TRANSFER_DETAINED_LATER, _DETAINED, detained_on, six_weeks)
    return _Limit(D3_TRANSFER_DETAINED, start_key, start, _count(regime, start, country, weeks=D3_DETAINED_TRANSFER_WEEKS))


# --- facts and deadlines ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestFacts:
    """Everything known about one Dublin request. Dates are legal dates (datetime.date).

    ``received_on`` is the DubliNet acknowledgement date at the requested state (for an outgoing request
    desk usually takes ``sent_on``). ``reply`` is the requested state's answer given on ``replied_on``.
    ``accepted_on`` overrides the acceptance date (e.g. acceptance after re-examination); otherwise it is
    ``replied_on`` of an accepting reply, or the tacit acceptance date. ``partner_state`` is the other
    Member State (ISO 3166 alpha-2) in either direction; ``requested_state`` is the older name of it for
    an outgoing request."""

    direction: Direction
    kind: RequestKind
    regime: Regime
    lodged_on: date | None = None
    registered_on: date | None = None
    hit_received_on: date | None = None
    hit_kind: HitKind | None = None
    urgent_reply_by: date | None = None
    urgent_needs_longer: bool = False
    urgent_ground: UrgentGround | None = None
    detained: bool = False
    detained_on: date | None = None
    new_application_lodged: bool = True  # Dublin III take back: Art. 23 (True) or Art. 24 (False)
    knowledge_on: date | None = None  # Dublin III Art. 24(2): learned another state may be responsible
    minor_best_interests: bool = False  # AMMR Art. 39(1) fourth subpara.
    first_decision_on: date | None = None  # the first decision on the substance of the application
    requested_state: str = ""
    partner_state: str = ""
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
    reappeared_on: date | None = None  # AMMR Art. 46(2) second subpara.
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
    def other_state(self) -> str:
        return (self.partner_state or self.requested_state or DEFAULT_COUNTRY).upper()

    @property
    def requesting_country(self) -> str:
        """The state that sends the request, asks re-examination, decides and carries out the transfer."""
        return DEFAULT_COUNTRY if self.direction == Direction.OUTGOING else self.other_state

    @property
    def reply_country(self) -> str:
        """The requested state, which replies (its calendar moves an AMMR reply's last day)."""
        return self.other_state if self.direction == Direction.OUTGOING else DEFAULT_COUNTRY

    def acting_state(self, act: str) -> str:
        """The Member State concerned by an act (Reg. 2024/1351 Art. 75(d)): ``request``, ``reexamination``,
        ``transfer_decision``, ``transfer`` -> the requesting state; ``reply``, ``reexamination_reply`` ->
        the requested state."""
        return self.reply_country if act in ("reply", "reexamination_reply") else self.requesting_country


def _hit_date(facts: RequestFacts) -> date | None:
    return facts.hit_received_on if facts.hit else None


def _request_limits_for(facts: RequestFacts) -> list[_Limit]:
    return _request_limits(
        facts.kind, facts.regime, lodged_on=facts.lodged_on, registered_on=facts.registered_on,
        hit_received_on=_hit_date(facts), detained=facts.detained, detained_on=facts.detained_on,
        new_application_lodged=facts.new_application_lodged, knowledge_on=facts.knowledge_on,
        minor_best_interests=facts.minor_best_interests, first_decision_on=facts.first_decision_on,
        country=facts.acting_state("request"),
    )


def _reply_limits_for(facts: RequestFacts) -> list[_Limit]:
    return _reply_limits(
        facts.kind, facts.regime, received_on=facts.received_on, hit=facts.hit,
        urgent_reply_by=facts.urgent_reply_by, detained=facts.detained,
        urgent_needs_longer=facts.urgent_needs_longer, country=facts.acting_state("reply"),
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


def tacit_acceptance_rule(facts: RequestFacts) -> tuple[Rule, date] | None:
    """The rule whose silence made (or will make) the request accepted, and the first day of acceptance,
    ignoring any reply given: (rule, day) or None where silence has no such effect."""
    if facts.kind == RequestKind.INFORMATION:
        return None
    received = _reply_received_on(facts)
    if received is None:
        return None
    tacit = [x for x in _reply_limits_for(_with(facts, received_on=received)) if x.tacit]
    return (tacit[0].rule, tacit[0].due + timedelta(days=1)) if tacit else None


def transfer_limit(facts: RequestFacts, today: date) -> tuple[Rule, date] | None:
    """The limit that binds the transfer (the 6 months, an extension, a detained person's weeks,
    whichever is earliest): (rule, last day), or None while the request is not accepted."""
    got = [d for d in deadlines(facts, today) if d.rule in _TRANSFER_RULES]
    if not got:
        return None
    first = min(got, key=lambda d: d.due)
    return first.rule, first.due


def _with(facts: RequestFacts, **changes) -> RequestFacts:
    return replace(facts, **changes)


def out_of_time(facts: RequestFacts) -> bool:
    """True if the request was sent after its own time limit (never for information requests, nor when
    the anchor dates are unknown)."""
    if facts.kind == RequestKind.INFORMATION or facts.sent_on is None:
        return False
    try:
        limits = _request_limits_for(facts)
    except InvalidValue:
        return False
    return bool(limits) and facts.sent_on > _earliest(limits).due


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
    requesting = facts.acting_state("request")

    def add(limit: _Limit, done_on: date | None, *, moot: bool = False, note: str | None = None) -> None:
        out.append(computed(limit.rule, limit.anchor_key, limit.anchor, limit.due, done_on=done_on, today=today,
                            moot=moot, note_key=note or boundary_note))

    # 1. sending the request (not for information requests)
    if facts.kind != RequestKind.INFORMATION:
        try:
            limits = _request_limits_for(facts)
        except InvalidValue:
            limits = []  # anchor dates unknown (e.g. an incoming request): no sending deadline to show
        for limit in sorted(limits, key=lambda x: x.due):
            # every limit binds: the earliest decides responsibility (39(1)), a detained person's decides
            # the detention (45(4)); each is shown so the officer sees both consequences
            note = "rules.note.sent_out_of_time" if facts.sent_on is not None and facts.sent_on > limit.due else None
            if limit.rule is A_TC_REQUEST_MINOR:
                note = note or "rules.note.minor_best_interests"
            add(limit, facts.sent_on, moot=withdrawn, note=note)
            if regime == Regime.DUBLIN_III:
                break  # Dublin III: the earliest limit governs (a detained person's month is the one shown)

    # 2. the reply
    received = _reply_received_on(facts)
    if received is not None:
        reply_facts = facts if facts.received_on is not None else _with(facts, received_on=received)
        for limit in _reply_limits_for(reply_facts):
            add(limit, facts.replied_on, moot=withdrawn)
    if facts.kind == RequestKind.INFORMATION:
        return out

    # 3. re-examination after a refusal (Reg. 1560/2003 Art. 5(2), in force under both regimes)
    if facts.reply == ReplyOutcome.REJECTED and facts.replied_on is not None:
        req_rule, rep_rule = (
            (D3_REEXAM_REQUEST, D3_REEXAM_REPLY) if regime == Regime.DUBLIN_III else (A_REEXAM_REQUEST, A_REEXAM_REPLY)
        )
        add(_Limit(req_rule, "rules.anchor.refusal_received", facts.replied_on,
                   _count(regime, facts.replied_on, requesting, weeks=REEXAMINATION_REQUEST_WEEKS)),
            facts.reexam_requested_on, moot=withdrawn)
        if facts.reexam_requested_on is not None:
            add(_Limit(rep_rule, "rules.anchor.reexamination_requested", facts.reexam_requested_on,
                       _count(regime, facts.reexam_requested_on, facts.acting_state("reexamination_reply"),
                              weeks=REEXAMINATION_REPLY_WEEKS)),
                facts.reexam_answered_on, moot=withdrawn)

    # 4. after acceptance: transfer decision (AMMR), appeal, transfer, extension notice
    accepted = acceptance_date(facts, today)
    if accepted is None:
        return out
    accepted_on, accepted_key = accepted
    transferred = facts.transfer_done_on is not None
    if regime == Regime.AMMR and facts.direction == Direction.OUTGOING:
        decision_rule = A_TRANSFER_DECISION_DETAINED if facts.detained else A_TRANSFER_DECISION
        add(_Limit(decision_rule, accepted_key, accepted_on,
                   _count(regime, accepted_on, requesting, weeks=AMMR_TRANSFER_DECISION_WEEKS)),
            facts.transfer_decided_on, moot=withdrawn)
        if facts.transfer_decision_notified_on is not None:
            add(_Limit(A_TRANSFER_APPEAL, "rules.anchor.transfer_decision_notified", facts.transfer_decision_notified_on,
                       _count(regime, facts.transfer_decision_notified_on, DEFAULT_COUNTRY,
                              weeks=AMMR_TRANSFER_APPEAL_WEEKS)),
                facts.transfer_appeal_lodged_on, moot=withdrawn or transferred)
    start, start_key = accepted_on, accepted_key
    if facts.appeal_final_on is not None and facts.appeal_final_on > accepted_on:
        start, start_key = facts.appeal_final_on, "rules.anchor.appeal_final"
    if facts.detained:
        add(_detained_transfer_limit(regime, start, start_key, facts.detained_on, requesting),
            facts.transfer_done_on, moot=withdrawn)
    notified = facts.extension_notified_on
    ext = _coerce_extension(facts.extension)
    if regime == Regime.AMMR and ext in _THREE_YEAR_GROUNDS and notified is None:
        ext = None  # no notice yet: the 3 years have not started, the 6 months still run
    add(_transfer_limit(regime, start, ext, start_key, requesting, extension_notified_on=notified,
                        reappeared_on=facts.reappeared_on),
        facts.transfer_done_on, moot=withdrawn)
    if facts.extension is not None:
        notice_rule = D3_EXTENSION_NOTICE if regime == Regime.DUBLIN_III else A_EXTENSION_NOTICE
        add(_Limit(notice_rule, start_key, start, _count(regime, start, requesting, months=AMMR_TRANSFER_MONTHS)),
            notified, moot=withdrawn)
    return out


_TRANSFER_RULES = frozenset({D3_TRANSFER, D3_TRANSFER_IMPRISONMENT, D3_TRANSFER_ABSCONDING, D3_TRANSFER_DETAINED,
                             D3_TRANSFER_DETAINED_LATER, A_TRANSFER, A_TRANSFER_DETAINED, A_TRANSFER_IMPRISONMENT,
                             A_TRANSFER_ABSCONDING, A_TRANSFER_REAPPEARED})


# --- life cycle -------------------------------------------------------------------------------------


class Status(StrEnum):
    DRAFT = "draft"
    SENT = "sent"  # outgoing: sent by us, awaiting the other state's reply
    RECEIVED = "received"  # incoming: received from another state, awaiting Latvia's reply
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
    # incoming requests only: Latvia is the requested (responsible) state, the other state transfers
    TRANSFER_EXPECTED = "transfer_expected"  # the requesting state has announced the transfer to Latvia
    ARRIVED = "arrived"  # the person arrived in Latvia


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
    RECORD_REAPPEARANCE = "record_reappearance"  # AMMR Art. 46(2) second subpara.; the status stays
    COMPLETE_TRANSFER = "complete_transfer"
    EXPIRE = "expire"
    WITHDRAW = "withdraw"
    # incoming requests only
    ASK_INFORMATION = "ask_information"  # Latvia asks the requesting state for more (the request stays open)
    RECEIVE_REEXAMINATION = "receive_reexamination"  # the requesting state asks Latvia to re-examine its refusal
    EXPECT_TRANSFER = "expect_transfer"
    RECORD_ARRIVAL = "record_arrival"


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
    **{(s, A.RECORD_REAPPEARANCE): s for s in (S.ACCEPTED, S.TACITLY_ACCEPTED, S.TRANSFER_DECIDED,
                                                 S.TRANSFER_SCHEDULED, S.TRANSFER_EXTENDED)},
    (S.TRANSFER_EXTENDED, A.DECIDE_TRANSFER): S.TRANSFER_DECIDED,
    (S.TRANSFER_EXTENDED, A.SCHEDULE_TRANSFER): S.TRANSFER_SCHEDULED,
    (S.TRANSFER_EXTENDED, A.EXPIRE): S.EXPIRED,
    (S.TRANSFER_EXTENDED, A.WITHDRAW): S.WITHDRAWN,
}

# An incoming request: another Member State asks Latvia. Latvia replies (accepts, refuses, or lets the
# reply period pass: tacit acceptance), may ask for more information, answers a re-examination request
# (Reg. 1560/2003 Art. 5(2)), and then waits for the requesting state to transfer the person within its
# limit (604/2013 Art. 29; 2024/1351 Art. 46): announced, arrived, or expired (responsibility passes back).
_INCOMING_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.RECEIVED, A.ACCEPT): S.ACCEPTED,
    (S.RECEIVED, A.ACCEPT_TACITLY): S.TACITLY_ACCEPTED,
    (S.RECEIVED, A.REJECT): S.REJECTED,
    (S.RECEIVED, A.ASK_INFORMATION): S.RECEIVED,
    (S.RECEIVED, A.ANSWER): S.ANSWERED,
    (S.RECEIVED, A.WITHDRAW): S.WITHDRAWN,
    (S.REJECTED, A.RECEIVE_REEXAMINATION): S.REEXAMINATION_REQUESTED,
    (S.REJECTED, A.CLOSE): S.CLOSED,
    (S.REEXAMINATION_REQUESTED, A.ACCEPT_ON_REEXAMINATION): S.ACCEPTED,
    (S.REEXAMINATION_REQUESTED, A.REJECT_ON_REEXAMINATION): S.CLOSED,
    (S.REEXAMINATION_REQUESTED, A.WITHDRAW): S.WITHDRAWN,
    **{(s, a): t for s in (S.ACCEPTED, S.TACITLY_ACCEPTED) for a, t in (
        (A.EXPECT_TRANSFER, S.TRANSFER_EXPECTED), (A.RECORD_ARRIVAL, S.ARRIVED),
        (A.EXTEND_TRANSFER, S.TRANSFER_EXTENDED), (A.RECORD_REAPPEARANCE, s), (A.EXPIRE, S.EXPIRED),
        (A.WITHDRAW, S.WITHDRAWN))},
    (S.TRANSFER_EXPECTED, A.RECORD_ARRIVAL): S.ARRIVED,
    (S.TRANSFER_EXPECTED, A.EXTEND_TRANSFER): S.TRANSFER_EXTENDED,
    (S.TRANSFER_EXPECTED, A.EXPIRE): S.EXPIRED,
    (S.TRANSFER_EXPECTED, A.WITHDRAW): S.WITHDRAWN,
    (S.TRANSFER_EXTENDED, A.EXPECT_TRANSFER): S.TRANSFER_EXPECTED,
    (S.TRANSFER_EXTENDED, A.RECORD_ARRIVAL): S.ARRIVED,
    (S.TRANSFER_EXTENDED, A.RECORD_REAPPEARANCE): S.TRANSFER_EXTENDED,
    (S.TRANSFER_EXTENDED, A.EXPIRE): S.EXPIRED,
    (S.TRANSFER_EXTENDED, A.WITHDRAW): S.WITHDRAWN,
}

MACHINE = StateMachine("dublin", _TRANSITIONS, Status.DRAFT)
INCOMING_MACHINE = StateMachine("dublin_incoming", _INCOMING_TRANSITIONS, Status.RECEIVED)
del S, A
INITIAL_STATUS = Status.DRAFT
TERMINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.ANSWERED, Status.REEXAMINATION_LAPSED, Status.CLOSED, Status.TRANSFERRED, Status.EXPIRED, Status.WITHDRAWN,
     Status.ARRIVED}
)


MACHINES = (MACHINE, INCOMING_MACHINE)


def machine_for(direction=None) -> StateMachine:
    """The life cycle of a request in ``direction`` (outgoing when not given)."""
    if direction is not None and Direction(direction) == Direction.INCOMING:
        return INCOMING_MACHINE
    return MACHINE

# An information request is only sent, answered or withdrawn; take charge / take back requests are
# never "answered" (they are accepted or rejected).
_INFORMATION_ACTIONS = frozenset({Action.SEND, Action.ANSWER, Action.WITHDRAW})


def initial_status(direction) -> Status:
    """Outgoing requests start as drafts; an incoming request is registered when received (SENT)."""
    return Status.RECEIVED if Direction(direction) == Direction.INCOMING else Status.DRAFT


def allowed_actions(status, kind, direction=None) -> list[Action]:
    """Actions allowed for a request of ``kind`` in ``status``, in declaration order; ``direction``
    chooses the life cycle (outgoing when not given)."""
    kind = _coerce_kind(kind)
    actions = [Action(a) for a in machine_for(direction).allowed(status)]
    if kind == RequestKind.INFORMATION:
        return [a for a in actions if a in _INFORMATION_ACTIONS]
    return [a for a in actions if a != Action.ANSWER]


def apply_action(status, action, kind, direction=None) -> Status:
    """The status after ``action`` on a request of ``kind``; raises TransitionRefused."""
    from desk.rules.common import TransitionRefused

    kind = _coerce_kind(kind)
    if action not in allowed_actions(status, kind, direction):
        raise TransitionRefused("rules.transition_refused", state=str(status), action=str(action), machine="dublin")
    return Status(machine_for(direction).apply(status, action))
