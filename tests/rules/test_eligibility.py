"""Who may be what (issue 14 point 5): desk.rules.eligibility, table-driven, each row naming its article."""
from __future__ import annotations

import pytest

from desk.rules import eligibility as e
from desk.rules.eligibility import Nationality, Refusal

LATVIAN = Nationality("LVA", eu_member=True, dublin_partner=True)
GERMAN = Nationality("DEU", eu_member=True, dublin_partner=True)
NORWEGIAN = Nationality("NOR", eu_member=False, dublin_partner=True)
SWISS = Nationality("CHE", eu_member=False, dublin_partner=True)
UKRAINIAN = Nationality("UKR", eu_member=False, dublin_partner=False)
STATELESS = Nationality("XXA", eu_member=False, dublin_partner=False)

ASYLUM = [
    # (article, nationality, Protocol No 24 ground, refusal)
    ("Geneva Convention Art. 1A(2); Asylum Law s. 1: no asylum from one's own state", LATVIAN, None,
     Refusal.LATVIAN_ASYLUM),
    ("Geneva Convention Art. 1A(2): not even on a Protocol ground", LATVIAN, "unilateral", Refusal.LATVIAN_ASYLUM),
    ("Protocol No 24, sole article: an EU citizen without a ground", GERMAN, None, Refusal.EU_ASYLUM_WITHOUT_GROUND),
    ("Protocol No 24, sole article (a)", GERMAN, "echr_derogation", None),
    ("Protocol No 24, sole article (b)", GERMAN, "art7_initiated", None),
    ("Protocol No 24, sole article (c)", GERMAN, "art7_decided", None),
    ("Protocol No 24, sole article (d)", GERMAN, "unilateral", None),
    ("Protocol No 24, sole article: an unknown ground is no ground", GERMAN, "because", Refusal.EU_ASYLUM_WITHOUT_GROUND),
    ("Protocol No 24 speaks of nationals of Member States only: Norway is not one", NORWEGIAN, "unilateral",
     Refusal.GROUND_NOT_EU),
    ("Directive 2011/95/EU Art. 2(d): a Norwegian is a third-country national for asylum", NORWEGIAN, None, None),
    ("Directive 2011/95/EU Art. 2(d): a third-country national", UKRAINIAN, None, None),
    ("Directive 2011/95/EU Art. 2(d): a stateless person", STATELESS, None, None),
]


@pytest.mark.parametrize("article, nationality, ground, refusal", ASYLUM, ids=[r[0] for r in ASYLUM])
def test_who_may_apply_for_asylum(article, nationality, ground, refusal):
    assert e.asylum_refusal(nationality, ground) == refusal


DUBLIN_AND_RETURN = [
    # (article, nationality, Dublin refusal, return refusal)
    ("Reg. 604/2013 Art. 2(a); Dir. 2008/115/EC Art. 2(3): a Latvian citizen", LATVIAN,
     Refusal.DUBLIN_NOT_THIRD_COUNTRY, Refusal.RETURN_FREE_MOVEMENT),
    ("Reg. 2024/1351 Art. 2(1); Dir. 2008/115/EC Art. 3(1): a Union citizen", GERMAN,
     Refusal.DUBLIN_NOT_THIRD_COUNTRY, Refusal.RETURN_FREE_MOVEMENT),
    ("Reg. 604/2013 Art. 2(a): a state participating by agreement; SBC Art. 2(5)(b): EEA free movement", NORWEGIAN,
     Refusal.DUBLIN_NOT_THIRD_COUNTRY, Refusal.RETURN_FREE_MOVEMENT),
    ("Reg. 2024/1351 Art. 2(1); SBC Art. 2(5)(b): the EC-Swiss agreement", SWISS,
     Refusal.DUBLIN_NOT_THIRD_COUNTRY, Refusal.RETURN_FREE_MOVEMENT),
    ("Reg. 604/2013 Art. 1; Dir. 2008/115/EC Art. 3(1): a third-country national", UKRAINIAN, None, None),
    ("Reg. 604/2013 Art. 1; Dir. 2008/115/EC Art. 3(1): a stateless person", STATELESS, None, None),
]


@pytest.mark.parametrize("article, nationality, dublin, returns", DUBLIN_AND_RETURN,
                         ids=[r[0] for r in DUBLIN_AND_RETURN])
def test_whom_a_dublin_request_and_a_return_decision_may_concern(article, nationality, dublin, returns):
    assert e.dublin_refusal(nationality) == dublin
    assert e.return_refusal(nationality) == returns


APPLICATION_TYPE = [
    # (article, chosen, applied before, confirmed, registered as, refusal)
    ("Dir. 2013/32/EU Art. 2(q): nothing chosen, applied before: repeat", None, True, False, "repeat", None),
    ("Dir. 2013/32/EU Art. 2(q): nothing chosen, never applied: first", None, False, False, "first", None),
    ("Dir. 2013/32/EU Art. 40: first for a person who applied before needs confirming", "first", True, False,
     "first", Refusal.FIRST_BUT_EARLIER),
    ("Dir. 2013/32/EU Art. 40: confirmed", "first", True, True, "first", None),
    ("Reg. 2024/1348 Art. 55: repeat chosen", "repeat", True, False, "repeat", None),
    ("a repeat application whose first one is not in desk (before desk, on paper)", "repeat", False, False,
     "repeat", None),
]


@pytest.mark.parametrize("article, chosen, earlier, confirmed, registered, refusal", APPLICATION_TYPE,
                         ids=[r[0] for r in APPLICATION_TYPE])
def test_first_or_repeat(article, chosen, earlier, confirmed, registered, refusal):
    assert e.application_type(chosen, earlier, confirmed) == (registered, refusal)


NAMES = [
    # (why, name, problem)
    ("Latvian letters", "Bērziņš", None),
    ("an apostrophe", "O'Brien", None),
    ("a typographic apostrophe", "D’Angelo", None),
    ("a hyphen and a space", "Anna-Marija Ozola", None),
    ("Cyrillic", "Иванов", None),
    ("Arabic", "محمد", None),
    ("Devanagari with its vowel signs (combining marks)", "नमस्ते", None),
    ("a decomposed diacritic (a letter then its mark)", "Be\u0301rzin\u0327s\u030c", None),
    ("Georgian", "გიორგი", None),
    ("markup brackets are not letters", "Test[/bold]", e.NameProblem.NOT_LETTER),
    ("digits", "Anna2", e.NameProblem.NOT_LETTER),
    ("an emoji", "Anna\U0001F600", e.NameProblem.SYMBOL),
    ("a zero-width space", "An\u200bna", e.NameProblem.INVISIBLE),
    ("a soft hyphen (format)", "An\u00adna", e.NameProblem.INVISIBLE),
    ("a bidi override", "Anna\u202e", e.NameProblem.INVISIBLE),
    ("a no-break space is not a space of a name", "Anna\u00a0Ozola", e.NameProblem.INVISIBLE),
    ("a combining mark with no letter", "\u0301Anna", e.NameProblem.LONE_MARK),
    ("only a hyphen", "-", e.NameProblem.NO_LETTER),
]


@pytest.mark.parametrize("why, name, problem", NAMES, ids=[r[0] for r in NAMES])
def test_what_a_name_may_hold(why, name, problem):
    found = e.name_problem(name)
    assert (found[0] if found else None) == problem


def test_every_refusal_has_its_article_and_its_words_in_both_languages():
    from desk.i18n import catalogue

    for refusal in Refusal:
        assert e.ARTICLES[refusal]
        entry = catalogue()[f"eligibility.{refusal}"]
        assert "{article}" in entry["lv"] and "{article}" in entry["en"]
    for problem in e.NameProblem:
        assert f"eligibility.{problem}" in catalogue()
    for ground in e.PROTOCOL24_GROUNDS:
        assert f"casework.choice.protocol24_ground.{ground}" in catalogue()
