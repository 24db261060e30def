"""Every key the rules use exists in desk/i18n/rules_catalog.py, in Latvian and English."""
from __future__ import annotations

import importlib
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

import desk.rules
from desk.i18n.rules_catalog import MESSAGES
from desk.rules import all_rules

RULES_DIR = Path(desk.rules.__file__).parent
LATVIAN_LETTERS = set("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")


def _case_modules():
    return [importlib.import_module(f"desk.rules.{name}") for name in desk.rules.CASE_MODULES]


def _referenced_keys() -> set[str]:
    keys: set[str] = set()
    for rule in all_rules().values():
        keys.add(rule.title_key)
        if rule.consequence_key:
            keys.add(rule.consequence_key)
    for module in _case_modules():
        short = module.__name__.rsplit(".", 1)[1]
        keys |= {f"status.{short}.{s.value}" for s in module.Status}
        keys |= {f"action.{short}.{a.value}" for a in module.Action}
    # every complete "rules...." literal in the source: anchors, notes, errors, consequences
    for path in RULES_DIR.glob("*.py"):
        for key in re.findall(r"[\"'](rules\.[a-z0-9_.]+)[\"']", path.read_text(encoding="utf-8")):
            if not key.endswith("."):
                keys.add(key)
    return keys


@pytest.mark.parametrize("key", sorted(_referenced_keys()))
def test_key_is_in_the_catalogue_in_both_languages(key):
    assert key in MESSAGES, f"{key} missing from desk/i18n/rules_catalog.py"
    entry = MESSAGES[key]
    assert entry.get("lv", "").strip() and entry.get("en", "").strip()


def test_placeholders_agree_between_languages():
    for key, entry in MESSAGES.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("lv", "en")]
        assert fields[0] == fields[1], key


def test_latvian_text_is_written_with_diacritics():
    latvian = "".join(entry["lv"] for entry in MESSAGES.values())
    assert len(LATVIAN_LETTERS & set(latvian)) >= 9


def test_every_case_module_exposes_the_shared_shape():
    for module in _case_modules():
        machines = getattr(module, "MACHINES", (module.MACHINE,))  # dublin: outgoing and incoming
        assert module.MACHINE.initial == module.INITIAL_STATUS
        assert set().union(*(m.states for m in machines)) == {s.value for s in module.Status}
        assert set().union(*(m.actions for m in machines)) == {a.value for a in module.Action}
        assert module.TERMINAL_STATUSES == set().union(*(m.terminal_states() for m in machines))
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", s.value) for s in module.Status)
        assert all(rule_id == rule.id for rule_id, rule in module.RULES.items())
        assert callable(module.deadlines)


def test_rules_import_neither_textual_nor_the_database_nor_the_rest_of_desk():
    code = (
        "import sys, importlib\n"
        "import desk.rules\n"
        "for m in desk.rules.CASE_MODULES: importlib.import_module('desk.rules.' + m)\n"
        "import desk.rules.calendar\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'sqlmodel', 'sqlalchemy')\n"
        "       or (m.startswith('desk.') and not m.startswith('desk.rules'))]\n"
        "print(','.join(sorted(bad)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
