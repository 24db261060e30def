"""``desk rules [--lang lv|en] [--json] [--on DATE] [--all]``: the rule register.

One table of every rule desk applies that is in force on DATE (default today in Europe/Riga), or with
``--all`` every rule with its dates: id, case kind, what it limits, the period in words, what it runs
from, how it is counted, the regime, applies from/until, the article in the officer's language, what
happens if it is missed, and whether it is verified. A lawyer reviews the whole law of desk from it.

Needs no store: the register is read from desk.rules (``all_rules()``), the words from the catalogue.
``--json`` prints a list of objects with stable keys (``REGISTER_KEYS``).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date

from desk.commands.common import add_command

# the keys of one --json object, in order; documented in the README ("The rule register")
REGISTER_KEYS = (
    "id", "module", "case_kind", "case_kind_text", "title_key", "title", "period", "period_text",
    "anchor_key", "anchor", "counting", "counting_text", "regime", "regime_text", "applies_from",
    "applies_until", "in_force", "article", "article_text", "consequence_key", "consequence", "verified",
)
# desk.rules case module -> the case kind it serves (the ``kind.<x>`` labels)
MODULE_KINDS = {"dublin": "dublin", "asylum": "asylum", "permits": "permit", "visas": "visa",
                "invitations": "invitation", "returns": "return"}


def register(sub) -> None:
    p = add_command(sub, "rules", rules_command,
                    "the rule register: every time limit desk applies, with its period, counting and article")
    p.add_argument("--json", action="store_true", help="a JSON list of objects with stable keys")
    p.add_argument("--on", metavar="DATE", help="the rules in force on this day (YYYY-MM-DD or DD.MM.YYYY; "
                   "default today in Europe/Riga)")
    p.add_argument("--all", dest="every_rule", action="store_true",
                   help="every rule, in force or not, with the dates it applies")


# --- words in a given language --------------------------------------------------------------------


def _t(lang: str, key: str, **params) -> str:
    from desk.i18n import DEFAULT_LANGUAGE, catalogue

    entry = catalogue().get(key)
    if entry is None:
        return f"[{key}]"
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def _tn(lang: str, key: str, n: int) -> str:
    from desk.i18n import plural_form

    forms = _t(lang, key).split("|")
    return forms[min(plural_form(n, lang), len(forms) - 1)].format(n=n)


def period_text(period, lang: str) -> str:
    """"2 mēneši", "1 gads un 6 mēneši", "2 weeks"; the catalogue's "no fixed period" when None."""
    if period is None:
        return _t(lang, "rules.register.period_none")
    parts = [_tn(lang, f"rules.period.{unit}", n)
             for unit, n in (("years", period.years), ("months", period.months), ("weeks", period.weeks),
                             ("days", period.days)) if n]
    if not parts:
        return _tn(lang, "rules.period.days", 0)
    conj = f" {_t(lang, 'rules.register.and')} "
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + conj + parts[-1]


def _label(lang: str, prefix: str, code: str | None) -> str:
    from desk.i18n import has

    if not code:
        return ""
    return _t(lang, f"{prefix}.{code}") if has(f"{prefix}.{code}") else code


# --- the register ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    """One rule as the register shows it: codes and dates as stored, words in ``lang``."""

    rule_id: str
    module: str
    case_kind: str
    case_kind_text: str
    title_key: str
    title: str
    period: dict | None
    period_text: str
    anchor_key: str | None
    anchor: str
    counting: str
    counting_text: str
    regime: str | None
    regime_text: str
    applies_from: date
    applies_until: date | None
    in_force: bool
    article: str
    article_text: str
    consequence_key: str | None
    consequence: str
    verified: bool

    def as_json(self) -> dict:
        return {
            "id": self.rule_id, "module": self.module, "case_kind": self.case_kind,
            "case_kind_text": self.case_kind_text, "title_key": self.title_key, "title": self.title,
            "period": self.period, "period_text": self.period_text, "anchor_key": self.anchor_key,
            "anchor": self.anchor, "counting": self.counting, "counting_text": self.counting_text,
            "regime": self.regime, "regime_text": self.regime_text,
            "applies_from": self.applies_from.isoformat(),
            "applies_until": self.applies_until.isoformat() if self.applies_until else None,
            "in_force": self.in_force, "article": self.article, "article_text": self.article_text,
            "consequence_key": self.consequence_key, "consequence": self.consequence, "verified": self.verified,
        }


def register_rows(day: date, lang: str, *, every_rule: bool = False) -> list[RegisterRow]:
    """The rules desk applies on ``day`` (all of them with ``every_rule``), module by module in the order
    each module declares them (the order of the procedure).

    A rule's ``applies_until`` names the last case it is for (Dublin III: applications registered until
    30 June 2026; the Asylum Law: lodged until 11 June 2026), not the day it stops being applied: those
    cases are still open and their deadlines still run. So a rule is listed from its ``applies_from`` on;
    ``in_force`` says whether it serves a case that begins on ``day``."""
    import importlib
    from dataclasses import asdict

    import desk.rules
    from desk.i18n.citations import shown

    rows: list[RegisterRow] = []
    for name in desk.rules.CASE_MODULES:
        module = importlib.import_module(f"desk.rules.{name}")
        kind = MODULE_KINDS.get(name, name)
        for rule in module.RULES.values():
            in_force = rule.in_force_on(day)
            if not (rule.applies_from <= day or every_rule):
                continue
            rows.append(RegisterRow(
                rule_id=rule.id, module=name, case_kind=kind, case_kind_text=_label(lang, "kind", kind),
                title_key=rule.title_key, title=_t(lang, rule.title_key),
                period=asdict(rule.period) if rule.period is not None else None,
                period_text=period_text(rule.period, lang),
                anchor_key=rule.anchor_key, anchor=_t(lang, rule.anchor_key) if rule.anchor_key else "",
                counting=str(rule.counting), counting_text=_t(lang, f"rules.counting.{rule.counting}"),
                regime=rule.regime, regime_text=_label(lang, "rules.regime", rule.regime),
                applies_from=rule.applies_from, applies_until=rule.applies_until, in_force=in_force,
                article=rule.article, article_text=shown(rule.article, lang),
                consequence_key=rule.consequence_key,
                consequence=_t(lang, rule.consequence_key) if rule.consequence_key else "",
                verified=rule.verified,
            ))
    return rows


def _day(d: date | None) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


def register_table(rows: list[RegisterRow], day: date, lang: str, *, every_rule: bool = False):
    """The register as a rich Table: five columns whose cells wrap, so that it fits the terminal."""
    from rich.table import Table
    from rich.text import Text

    title = (_t(lang, "rules.register.title_all") if every_rule
             else _t(lang, "rules.register.title_on", day=_day(day)))
    table = Table(title=f"{title} ({_tn(lang, 'rules.register.count', len(rows))})", show_lines=True,
                  expand=True, title_justify="left")
    table.add_column(_t(lang, "rules.register.col.rule"), ratio=3, overflow="fold")
    table.add_column(_t(lang, "rules.register.col.period"), ratio=3)
    table.add_column(_t(lang, "rules.register.col.regime"), ratio=2, overflow="fold")
    table.add_column(_t(lang, "rules.register.col.article"), ratio=4)
    verified_head = _t(lang, "rules.register.col.verified")
    table.add_column(verified_head, width=len(verified_head), no_wrap=True)
    for r in rows:
        rule = Text(r.rule_id, style="bold")
        rule.append(f"\n{r.case_kind_text}\n{r.title}", style="")
        period = [r.period_text]
        if r.anchor:
            period.append(_t(lang, "rules.register.from_anchor", anchor=r.anchor))
        if r.period is not None or r.counting != "none":  # "no fixed period" already says it is not counted
            period.append(r.counting_text)
        regime = [r.regime_text] if r.regime_text else []
        regime.append(_t(lang, "rules.register.applies_from", day=_day(r.applies_from)))
        if r.applies_until:
            regime.append(_t(lang, "rules.register.applies_until", day=_day(r.applies_until)))
        if not r.in_force:
            regime.append(_t(lang, "rules.register.not_in_force", day=_day(day)))
        article = r.article_text
        if r.consequence:
            article += "\n" + _t(lang, "rules.register.if_missed", consequence=r.consequence)
        verified = _t(lang, "rules.register.verified.yes" if r.verified else "rules.register.verified.no")
        # stored text is data, never markup: every cell is a Text
        table.add_row(rule, Text("\n".join(period)), Text("\n".join(regime)), Text(article),
                      Text(verified, style="" if r.verified else "bold"))
    return table


def rules_command(args) -> int:
    from desk.clock import today
    from desk.i18n import get_language
    from desk.text import parse_date

    lang = getattr(args, "lang", None) or get_language()
    day = parse_date(args.on) if args.on else today()  # a bad date: ValidationError, one line, exit 2
    rows = register_rows(day, lang, every_rule=args.every_rule)
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console

    Console(file=sys.stdout, highlight=False, soft_wrap=False).print(
        register_table(rows, day, lang, every_rule=args.every_rule))
    return 0
