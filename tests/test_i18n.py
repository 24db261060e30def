"""Every word on screen exists in Latvian and English (issue 2, item 8)."""
import re
from datetime import date
import string
from pathlib import Path

import pytest

from desk.i18n import catalogue, set_language, t

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = sorted(catalogue().items())


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key, entry", ENTRIES, ids=[k for k, _ in ENTRIES])
def test_every_message_has_both_languages_with_the_same_placeholders(key, entry):
    assert set(entry) == {"lv", "en"}, key
    assert entry["lv"].strip() and entry["en"].strip(), key
    assert _fields(entry["lv"]) == _fields(entry["en"]), key


KEY_CALL = re.compile(r"""\b(?:t|_t|tr|tn)\(\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")
ERROR_KEY = re.compile(r"""(?:Error|Denied|Found|Invalid|Refused|NotAllowed|Conflict)\(\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")
KEY_ATTR = re.compile(r"""(?:key|label_key|title_key|help_key)\s*=\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")


def _source_keys() -> set[tuple[str, str]]:
    found = set()
    for folder in ("desk", "screens", "seed"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name.endswith("_catalog.py"):
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in (KEY_CALL, ERROR_KEY, KEY_ATTR):
                for key in pattern.findall(text):
                    found.add((str(path.relative_to(ROOT)), key))
    return found


def test_every_key_the_code_names_is_in_the_catalogue():
    missing = sorted(f"{path}: {key}" for path, key in _source_keys() if key not in catalogue())
    assert not missing, "keys missing from the catalogue:\n" + "\n".join(missing)


def test_latvian_is_the_default_and_english_one_setting_away():
    assert t("auth.bad_credentials") == "Nepareizs lietotājvārds vai parole."
    set_language("en")
    assert t("auth.bad_credentials") == "Wrong username or password."


def test_latvian_text_really_is_latvian():
    diacritics = set("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")
    with_marks = sum(1 for _, e in ENTRIES if diacritics & set(e["lv"]))
    assert with_marks > len(ENTRIES) // 3


PLURALS = [(k, e) for k, e in ENTRIES if "|" in e["lv"] or "|" in e["en"]]


@pytest.mark.parametrize("key, entry", PLURALS, ids=[k for k, _ in PLURALS])
def test_a_count_message_has_three_latvian_forms_and_two_english(key, entry):
    lv, en = entry["lv"].split("|"), entry["en"].split("|")
    assert (len(lv), len(en)) == (3, 2), key
    assert all(_fields(f) == _fields(lv[0]) for f in lv + en), key


@pytest.mark.parametrize("n, lv, en", [
    (1, "Nodota 1 lieta.", "1 case reassigned."),
    (2, "Nodotas 2 lietas.", "2 cases reassigned."),
    (0, "Nodotas 0 lietu.", "0 cases reassigned."),
    (10, "Nodotas 10 lietu.", "10 cases reassigned."),
    (11, "Nodotas 11 lietu.", "11 cases reassigned."),
    (21, "Nodota 21 lieta.", "21 cases reassigned."),
    (22, "Nodotas 22 lietas.", "22 cases reassigned."),
    (111, "Nodotas 111 lietu.", "111 cases reassigned."),
])
def test_counts_take_the_right_grammatical_form(n, lv, en):
    from desk.i18n import tn

    assert tn("ui.home.reassigned", n) == lv
    set_language("en")
    assert tn("ui.home.reassigned", n) == en


@pytest.mark.parametrize("current", ["lv", "en"])
def test_t_in_and_label_in_give_the_language_asked_whatever_the_current_one(current):
    """The domain's own texts (a report) name their language; the global one does not leak in."""
    from desk.i18n import label_in, t_in

    set_language(current)
    assert t_in("lv", "auth.bad_credentials") == "Nepareizs lietotājvārds vai parole."
    assert t_in("en", "auth.bad_credentials") == "Wrong username or password."
    assert t_in("en", "report.section.next_working_day", day="23.11.2026").endswith("(23.11.2026)")
    assert label_in("lv", "kind", "visa") == "Vīza" and label_in("en", "kind", "visa") == "Visa"
    assert label_in("en", "kind", "no_such_kind") == "no_such_kind" and label_in("en", "kind", None) == ""
    assert t("auth.bad_credentials") == t_in(current, "auth.bad_credentials")
    with pytest.raises(ValueError):
        t_in("de", "auth.bad_credentials")


def test_one_catalogue_key_per_enum_member_derived_from_the_member():
    """Statuses, actions and deadline states are drawn by ``label(member)``; the stored codes the screens
    hold (a case's status) reach the very same keys (issue 13 point 4)."""
    from desk.rules import dublin
    from desk.rules.common import DeadlineState
    from desk.services.kinds import KINDS, rules_module
    from desk.services.labels import action_title_key, label, label_key, status_label

    assert label_key(dublin.Status.SENT) == "status.dublin.sent"
    assert label_key(DeadlineState.MISSED) == "deadline_state.missed"
    missing = []
    for kind in KINDS:
        module = rules_module(kind)
        for member in (*module.Status, *module.Action):
            if label_key(member) not in catalogue():
                missing.append(label_key(member))
        assert all(status_label(kind, s.value) == label(s) for s in module.Status), kind
        assert all(action_title_key(kind, a.value) == label_key(a) for a in module.Action), kind
    from desk.services.views import DueState, WorklistOrder

    missing += [label_key(s) for s in (*DeadlineState, *DueState, *WorklistOrder) if label_key(s) not in catalogue()]
    assert not missing, missing


def test_no_shadow_key_stands_behind_a_status_action_or_state():
    """The second spellings of a status or an action (``casework.status.<kind>...``) were never reached
    once the rules' own key existed; they are gone, and none comes back."""
    shadows = ("casework.status.", "casework.action.", "rules.status.", "rules.action.", "ui.state.")
    assert not [key for key in catalogue() if key.startswith(shadows)]


def _named_in_code(key: str, source: str) -> bool:
    """The key itself, or a prefix of it the code completes ("kind." + code, f"status.{module}.{value}")."""
    if key in source:
        return True
    parts = key.split(".")
    for n in range(1, len(parts)):
        prefix = re.escape(".".join(parts[:n]))
        if re.search(rf"""["']{prefix}\.?(\{{|["'])""", source):
            return True
    last = parts[-1]
    return any(f"{key[:len(key) - len(last) + i + 1]}{{" in source for i, ch in enumerate(last) if ch == "_")


def test_no_catalogue_key_that_nothing_can_reach():
    """A key no code names, literally or as the prefix it completes, nor derives from an enum member
    (labels.label_key), is a word nobody will ever see: delete it (issue 13 point 4)."""
    from desk.rules.common import DeadlineState
    from desk.services.kinds import KINDS, rules_module
    from desk.services.labels import label_key

    source = "\n".join(path.read_text(encoding="utf-8") for folder in ("desk", "screens", "seed")
                       for path in (ROOT / folder).rglob("*.py") if not path.name.endswith("_catalog.py"))
    from desk.services.views import DueState, WorklistOrder

    derived = {label_key(s) for s in (*DeadlineState, *DueState, *WorklistOrder)}
    for kind in KINDS:
        module = rules_module(kind)
        derived |= {label_key(m) for m in (*module.Status, *module.Action)}
    unreached = sorted(k for k in catalogue() if k not in derived and not _named_in_code(k, source))
    assert not unreached, unreached


def test_a_day_in_a_message_reads_dd_mm_yyyy_and_what_was_typed_stays_as_typed():
    """Issue 14 point 11: dates in messages as officers write them; a typed text is quoted as typed."""
    from desk.rules.common import InvalidValue
    from desk.rules.permits import validate_validity

    set_language("en")
    with pytest.raises(InvalidValue) as refused:
        validate_validity("temporary", date(2026, 12, 1), date(2026, 11, 1))
    text = t(refused.value.key, **refused.value.params)
    assert "01.12.2026" in text and "01.11.2026" in text and "2026-12-01" not in text
    assert "2026-02-30" in t("error.bad_date", value="2026-02-30")
