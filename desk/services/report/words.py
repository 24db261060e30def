"""The report's codes as words in a language given explicitly: a report is text the domain writes, so
its language is a parameter (the officer's, the CLI's ``--lang``), never the global one."""
from __future__ import annotations

from desk.i18n import has, label_in, t_in
from desk.i18n.citations import shown
from desk.services.labels import action_title_key, status_key
from desk.services.report.figures import KINDS, DeadlineItem


def kind_words(kind: str, lang: str) -> str:
    return label_in(lang, "kind", kind)


def outcome_words(kind: str, outcome: str, lang: str) -> str:
    """A decision's outcome: the report's own word, else the kind's status of that name."""
    text = label_in(lang, "report.outcome", outcome)
    if text != outcome:
        return text
    key = status_key(kind, outcome)
    return t_in(lang, key) if key else outcome


def rule_words(item: DeadlineItem, lang: str) -> str:
    """The deadline's rule by its name (``Atbilde uz pārņemšanas pieprasījumu``), not its id."""
    return t_in(lang, item.title_key) if item.title_key and has(item.title_key) else item.rule_id


def article_words(article: str, lang: str) -> str:
    """The article a deadline comes from, cited as the law is cited in ``lang``."""
    return shown(article, lang)


def state_words(state: str, lang: str) -> str:
    return label_in(lang, "report.state", state)


def action_words(action: str, lang: str) -> str:
    """An audit action as words: ``case.accept`` -> the action's name from the rules' catalogue (the first
    kind that has it; the report counts actions over every kind), other actions from ours."""
    if has(f"report.action.{action}"):
        return t_in(lang, f"report.action.{action}")
    if action.startswith("case."):
        name = action.removeprefix("case.")
        for kind in KINDS:
            key = action_title_key(kind, name)
            if has(key):
                return t_in(lang, key)
    return action
