"""Who may be what: which persons a case kind may concern, and what a person's name may hold (pure; stdlib only).

A case kind of desk is defined by the law for some persons only. The services hand this module what the
reference data says about the person's citizenship (``Nationality``: the country's code, whether it is a
Member State of the EU, whether it takes part in the Dublin system / the free movement of persons by an
agreement with the Union - ``models.reference.Country``), and it answers with a ``Refusal`` (a code, the
article it comes from) or None. The words are in the catalogue (``eligibility.<code>``), the article is
shown with them, so every refusal says why.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

LATVIA = "LVA"
STATELESS, UNKNOWN = "XXA", "XXX"  # ICAO Doc 9303 codes: third-country nationals for every rule below


@dataclass(frozen=True)
class Nationality:
    """What the reference data knows of a citizenship (``Country.eu_member``, ``Country.dublin_partner``)."""

    code: str
    eu_member: bool  # a Member State of the European Union (TEU Art. 49-52)
    dublin_partner: bool  # the EU Member States and the four states associated by agreement: Iceland,
    #   Norway, Switzerland and Liechtenstein ("a State which participates in this Regulation by virtue of an
    #   agreement with the European Union": Reg. 604/2013 Art. 2(a); Reg. 2024/1351 Art. 2(1))

    @property
    def latvian(self) -> bool:
        return self.code == LATVIA

    @property
    def union_citizen(self) -> bool:
        # TFEU Art. 20(1): "Every person holding the nationality of a Member State shall be a citizen of the Union."
        return self.eu_member or self.latvian

    @property
    def free_movement(self) -> bool:
        # Schengen Borders Code (Reg. 2016/399) Art. 2(5): persons enjoying the right of free movement under
        # Union law are (a) Union citizens and their family members, (b) third-country nationals who under
        # agreements between the Union and third countries enjoy rights equivalent to those of Union citizens:
        # the EEA Agreement (Iceland, Liechtenstein, Norway) and the EC-Swiss Agreement on the free movement
        # of persons (1999). The states associated to Dublin are exactly these four.
        return self.union_citizen or self.dublin_partner


class Refusal(StrEnum):
    """Why a registration is refused (catalogue key ``eligibility.<value>``)."""

    LATVIAN_ASYLUM = "latvian_asylum"
    EU_ASYLUM_WITHOUT_GROUND = "eu_asylum_without_ground"
    GROUND_NOT_EU = "protocol_ground_not_eu"
    DUBLIN_NOT_THIRD_COUNTRY = "dublin_not_third_country"
    RETURN_FREE_MOVEMENT = "return_free_movement"
    FIRST_BUT_EARLIER = "first_but_earlier"


# The article each refusal comes from (shown with the message; the rule register's style of citation).
ARTICLES: dict[Refusal, str] = {
    # 1951 Refugee Convention Art. 1A(2): a refugee is a person "outside the country of his nationality";
    # Directive 2011/95/EU Art. 2(d), (f): refugee status and subsidiary protection are for
    # "a third-country national or a stateless person"; the Asylum Law (Patvēruma likums) s. 1 defines an
    # asylum seeker the same way.
    Refusal.LATVIAN_ASYLUM: "Geneva Convention 1951 Art. 1A(2); Directive 2011/95/EU Art. 2(d); Asylum Law s. 1",
    # Protocol (No 24) on asylum for nationals of Member States of the European Union, sole article:
    # "Member States shall be regarded as constituting safe countries of origin in respect of each other
    # for all legal and practical purposes in relation to asylum matters. Accordingly, any application for
    # asylum made by a national of a Member State may be taken into consideration or declared admissible for
    # processing by another Member State only in the following cases: (a) ... (d) ..." (PROTOCOL24_GROUNDS)
    Refusal.EU_ASYLUM_WITHOUT_GROUND: "Protocol No 24 TEU/TFEU, sole article",
    Refusal.GROUND_NOT_EU: "Protocol No 24 TEU/TFEU, sole article",
    # Reg. 604/2013 Art. 2(a); Reg. 2024/1351 Art. 2(1): "'third-country national' means any person who is
    # not a citizen of the Union within the meaning of Article 20(1) TFEU and who is not a national of a
    # State which participates in this Regulation by virtue of an agreement with the European Union";
    # Art. 1 of both: the criteria and mechanisms for an application "lodged ... by a third-country
    # national or a stateless person".
    Refusal.DUBLIN_NOT_THIRD_COUNTRY: "Reg. 604/2013 Art. 2(a); Reg. 2024/1351 Art. 2(1)",
    # Dir. 2008/115/EC Art. 2(3): "This Directive shall not apply to persons enjoying the Community right
    # of free movement as defined in Article 2(5) of the Schengen Borders Code." Art. 3(1): a
    # "'third-country national' means any person who is not a citizen of the Union ... and who is not a
    # person enjoying the Community right of free movement"; Art. 3(2): "illegal stay" is the presence of
    # a third-country national. (Ending a Union citizen's stay is Directive 2004/38/EC, another procedure.)
    Refusal.RETURN_FREE_MOVEMENT: "Directive 2008/115/EC Art. 2(3), 3(1)-(2)",
    # Directive 2013/32/EU Art. 2(q), 40; Reg. 2024/1348 Art. 55: a subsequent (repeat) application is a
    # further application made after a final decision on a previous one, and is examined first for new
    # elements. Registering it as "first" skips that examination: the officer must confirm it.
    Refusal.FIRST_BUT_EARLIER: "Directive 2013/32/EU Art. 2(q), 40; Reg. 2024/1348 Art. 55",
}

# Protocol No 24, sole article, the four cases in which a Member State national's application is examined:
PROTOCOL24_GROUNDS: dict[str, str] = {
    # (a) "if the Member State of which the applicant is a national proceeds ..., availing itself of the
    # provisions of Article 15 of the [ECHR], to take measures derogating in its territory from its
    # obligations under that Convention"
    "echr_derogation": "Protocol No 24, sole article, (a)",
    # (b) "if the procedure referred to in Article 7(1) of the Treaty on European Union has been initiated
    # and until the Council, or, where appropriate, the European Council, takes a decision in respect
    # thereof with regard to the Member State of which the applicant is a national"
    "art7_initiated": "Protocol No 24, sole article, (b)",
    # (c) "if the Council has adopted a decision in accordance with Article 7(1) [TEU] in respect of the
    # Member State of which the applicant is a national or if the European Council has adopted a decision
    # in accordance with Article 7(2) of that Treaty in respect of the Member State ..."
    "art7_decided": "Protocol No 24, sole article, (c)",
    # (d) "if a Member State should so decide unilaterally in respect of the application of a national of
    # another Member State; in that case the Council shall be immediately informed; the application shall be
    # dealt with on the basis of the presumption that it is manifestly unfounded ..."
    "unilateral": "Protocol No 24, sole article, (d)",
}


def asylum_refusal(nationality: Nationality | None, protocol24_ground: str | None = None) -> Refusal | None:
    """May an application for asylum by this person be examined in Latvia?"""
    if nationality is None:
        return None
    if nationality.latvian:
        return Refusal.LATVIAN_ASYLUM  # nobody seeks protection from the state of his own nationality
    if nationality.union_citizen:
        return None if protocol24_ground in PROTOCOL24_GROUNDS else Refusal.EU_ASYLUM_WITHOUT_GROUND
    if protocol24_ground:
        return Refusal.GROUND_NOT_EU  # the Protocol speaks of nationals of Member States only
    return None


def dublin_refusal(nationality: Nationality | None) -> Refusal | None:
    """May a Dublin request concern this person? Only third-country nationals and stateless persons."""
    if nationality is not None and (nationality.union_citizen or nationality.dublin_partner):
        return Refusal.DUBLIN_NOT_THIRD_COUNTRY
    return None


def return_refusal(nationality: Nationality | None) -> Refusal | None:
    """May a return decision under the Return Directive concern this person?"""
    if nationality is not None and nationality.free_movement:
        return Refusal.RETURN_FREE_MOVEMENT
    return None


FIRST, REPEAT = "first", "repeat"


def application_type(requested: str | None, has_earlier: bool, confirmed: bool = False) -> tuple[str, Refusal | None]:
    """The type an asylum application is registered as: what the officer chose, or (nothing chosen)
    "repeat" when the person applied before and "first" otherwise; "first" for a person who applied
    before only when the officer confirms it."""
    chosen = requested or (REPEAT if has_earlier else FIRST)
    if chosen == FIRST and has_earlier and not confirmed:
        return chosen, Refusal.FIRST_BUT_EARLIER
    return chosen, None


# --- names --------------------------------------------------------------------------------------------

# What a person's name may hold: letters of any script (Unicode categories L*), the combining marks
# letters need (M*: Devanagari vowel signs, Arabic harakat, a decomposed diacritic), spaces, hyphens and
# apostrophes (ICAO Doc 9303 Part 3: the name in "national characters" in the visual zone; Cabinet
# Regulation No. 114 (2004) writes foreign names in Latvian letters). Nothing else: no digits, no
# punctuation or brackets, no symbols or emoji (S*), no control, format or invisible characters (C*, Z*
# other than the space) - a zero-width joiner or a bidi override makes two names look the same.
NAME_HYPHENS = frozenset("-\u2010\u2011")  # hyphen-minus, hyphen, non-breaking hyphen
NAME_APOSTROPHES = frozenset("'\u2019\u02bc\u02bb`")  # ' ’ ʼ ʻ ` (ʼ and ʻ are letters, Lm, anyway)


class NameProblem(StrEnum):
    NOT_LETTER = "name_not_letter"  # a digit, punctuation, a bracket
    SYMBOL = "name_symbol"  # emoji and other symbols
    INVISIBLE = "name_invisible"  # control, format and other invisible characters
    LONE_MARK = "name_lone_mark"  # a combining mark with no letter before it
    NO_LETTER = "name_no_letter"


def name_problem(text: str) -> tuple[NameProblem, str] | None:
    """The first thing a name may not hold, with the character (None: the name is fine)."""
    previous = ""
    letters = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] == "L":
            letters += 1
        elif cat[0] == "M":
            if not previous or unicodedata.category(previous)[0] not in "LM":
                return NameProblem.LONE_MARK, ch
        elif ch == " " or ch in NAME_HYPHENS or ch in NAME_APOSTROPHES:
            pass
        elif cat[0] == "S":
            return NameProblem.SYMBOL, ch
        elif cat[0] in "CZ":
            return NameProblem.INVISIBLE, ch
        else:
            return NameProblem.NOT_LETTER, ch
        previous = ch
    if text and not letters:
        return NameProblem.NO_LETTER, ""
    return None


def shown_character(ch: str) -> str:
    """A character as a message shows it: visible ones in quotes with their code, invisible ones by code."""
    if not ch:
        return ""
    code = f"U+{ord(ch):04X}"
    return code if unicodedata.category(ch)[0] in "CZM" else f"\u201c{ch}\u201d ({code})"
