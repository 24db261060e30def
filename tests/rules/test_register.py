"""The rule register (``desk rules``, issue 12) and the register held to the code.

(a) the register lists exactly ``all_rules()``; (b) every word it shows is in the catalogue; (c) for a broad
sweep of facts of every case kind, every computed deadline whose rule states a period is due exactly when
the register says: ``calendar.add_period(anchor, **period, roll_forward=counting in (ROLL_ACTOR, APL),
country=<the acting state>)``; and every rule is produced by some fact of the sweep (a rule nobody
produces is dead, or the sweep is incomplete).

The sweep is data-driven: facts are built with keyword arguments from the dataclass's own fields, fields
the sweep does not know (a module grew a fact) are varied by their type (bool, date, enum) and named in
any failure, and facts a module refuses (``RuleError``) are counted and named too. Nothing is skipped
silently: a rule without register metadata fails here and is listed by id.
"""
from __future__ import annotations

import dataclasses
import enum
import importlib
import io
import itertools
import json
import types
import typing
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, timedelta

import pytest

import desk.rules
from desk.commands.rules import MODULE_KINDS, REGISTER_KEYS, period_text, register_rows
from desk.i18n import catalogue
from desk.rules import all_rules
from desk.rules.calendar import add_period
from desk.rules.common import Counting, Period, RuleError

D = date
LV = "LV"
ON = D(2026, 12, 1)


# --- (a) the register is all_rules() -----------------------------------------------------------------


def test_the_register_lists_exactly_all_rules():
    every = register_rows(ON, "lv", every_rule=True)
    assert [r.rule_id for r in every] == list(dict.fromkeys(r.rule_id for r in every))  # no rule twice
    assert {r.rule_id for r in every} == set(all_rules())
    applied = register_rows(ON, "en")
    # every rule desk applies on ON: also Dublin III's, whose cases (registered until 30 June 2026) still run
    assert {r.rule_id for r in applied} == {i for i, rule in all_rules().items() if rule.applies_from <= ON}
    assert "dublin3.take_charge.reply" in {r.rule_id for r in applied}
    assert all(r.in_force == all_rules()[r.rule_id].in_force_on(ON) for r in applied)
    before_ammr = {r.rule_id for r in register_rows(date(2026, 6, 30), "en")}
    assert "dublin3.take_charge.reply" in before_ammr and "ammr.take_charge.reply" not in before_ammr


def test_every_case_module_names_its_case_kind():
    assert set(MODULE_KINDS) == set(desk.rules.CASE_MODULES)
    for kind in MODULE_KINDS.values():
        assert f"kind.{kind}" in catalogue()


# --- (b) every word in the catalogue -----------------------------------------------------------------


def _both(key: str) -> bool:
    entry = catalogue().get(key)
    return bool(entry and entry.get("lv", "").strip() and entry.get("en", "").strip())


@pytest.mark.parametrize("module_name", desk.rules.CASE_MODULES)
def test_every_rule_has_its_words_in_the_catalogue(module_name):
    module = importlib.import_module(f"desk.rules.{module_name}")
    missing = []
    for rule in module.RULES.values():
        for what, key in (("title", rule.title_key), ("consequence", rule.consequence_key),
                          ("anchor", rule.anchor_key), ("counting", f"rules.counting.{rule.counting}")):
            if key is not None and not _both(key):
                missing.append(f"{rule.id}: {what} key {key!r}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("module_name", desk.rules.CASE_MODULES)
def test_every_rule_carries_its_register_metadata(module_name):
    """Every rule names what it runs from and its regime; a rule with a period counts it somehow; a rule
    without one says so by Counting (NONE, or the APL for a case-set length)."""
    module = importlib.import_module(f"desk.rules.{module_name}")
    lacking = []
    for rule in module.RULES.values():
        if rule.anchor_key is None:
            lacking.append(f"{rule.id}: no anchor_key")
        if rule.regime is None:
            lacking.append(f"{rule.id}: no regime")
        if rule.period is not None and rule.counting == Counting.NONE:
            lacking.append(f"{rule.id}: a period of {rule.period} with Counting.NONE (how is it counted?)")
        if rule.period is not None and rule.period.as_kwargs() == {"days": 0, "weeks": 0, "months": 0}:
            lacking.append(f"{rule.id}: an empty period")
    assert not lacking, "rules without register metadata:\n" + "\n".join(lacking)


@pytest.mark.parametrize("period, lv, en", [
    (Period(months=2), "2 mēneši", "2 months"),
    (Period(months=1), "1 mēnesis", "1 month"),
    (Period(weeks=1), "1 nedēļa", "1 week"),
    (Period(weeks=3), "3 nedēļas", "3 weeks"),
    (Period(days=21), "21 diena", "21 days"),
    (Period(days=30), "30 dienas", "30 days"),
    (Period(years=1), "1 gads", "1 year"),
    (Period(years=3), "3 gadi", "3 years"),
    (Period(months=18), "18 mēneši", "18 months"),
    (Period(years=1, months=6), "1 gads un 6 mēneši", "1 year and 6 months"),
    (None, "nav noteikta perioda (datums no lietas)", "no fixed period (a date from the case)"),
])
def test_a_period_in_words_with_latvian_number_grammar(period, lv, en):
    assert period_text(period, "lv") == lv
    assert period_text(period, "en") == en


# --- the command ---------------------------------------------------------------------------------------


def _run(argv: list[str]) -> tuple[int, str, str]:
    from desk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_desk_rules_json_has_stable_keys_and_needs_no_store(monkeypatch, tmp_path):
    monkeypatch.setenv("DESK_DATABASE_URL", f"sqlite:///{tmp_path / 'absent' / 'none.db'}")
    code, out, _err = _run(["rules", "--json", "--on", "2026-12-01", "--lang", "en"])
    assert code == 0
    rows = json.loads(out)
    assert rows and all(tuple(r) == REGISTER_KEYS for r in rows)
    assert {r["id"] for r in rows} == {i for i, rule in all_rules().items() if rule.applies_from <= ON}
    permit = next(r for r in rows if r["id"] == "permits.card_reregistration")
    assert permit["period"] == {"days": 0, "weeks": 0, "months": 0, "years": 5}
    assert permit["period_text"] == "5 years" and permit["counting"] == "no_roll"
    assert permit["verified"] is False and permit["applies_until"] is None
    assert not (tmp_path / "absent").exists()


def test_desk_rules_all_lists_every_rule_with_its_dates():
    code, out, _err = _run(["rules", "--json", "--all", "--on", "2026-12-01"])
    rows = json.loads(out)
    assert code == 0 and {r["id"] for r in rows} == set(all_rules())
    assert any(not r["in_force"] for r in rows) == any(not rule.in_force_on(ON) for rule in all_rules().values())


def test_desk_rules_text_is_a_table_in_the_officers_language_that_fits_the_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _err = _run(["rules", "--lang", "lv", "--on", "2026-12-01"])
    assert code == 0
    assert "Noteikumu reģistrs: spēkā 01.12.2026" in out
    assert "Administratīvā procesa" in out and "64. panta" in out  # the article in Latvian (wrapped in its cell)
    assert "visas.validity_end" in out and "1 mēnesis" in out and "5 gadi" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    code, out, _err = _run(["rules", "--lang", "en", "--on", "2026-12-01"])
    assert code == 0 and "Rule register: in force on 01.12.2026" in out and "Immigration Law" in out


@pytest.mark.parametrize("bad", ["2026-13-45", "tomorrow", "1.12.26"])
def test_a_bad_date_is_one_line_and_exit_2(bad):
    code, out, err = _run(["rules", "--on", bad])
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("desk: ")


# --- (c) the register held to the code -------------------------------------------------------------


def _field_types(cls) -> dict[str, set]:
    """Each field's possible types (``X | None`` gives {X, NoneType})."""
    module = importlib.import_module(cls.__module__)
    hints = typing.get_type_hints(cls, vars(module))
    out = {}
    for name, hint in hints.items():
        args = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
        out[name] = set(args)
    return out


def _auto_patches(cls, known: set[str], day: date) -> tuple[list[dict], list[str]]:
    """Variations of the fields the sweep does not name: True/False, a date, every enum member. Fields of
    another type are returned by name (they stay at their defaults; a failure names them)."""
    patches, untouched = [], []
    for f in dataclasses.fields(cls):
        if f.name in known:
            continue
        kinds = _field_types(cls)[f.name] - {type(None)}
        if kinds == {bool}:
            patches.append({f.name: not f.default if isinstance(f.default, bool) else True})
        elif kinds == {date}:
            patches.append({f.name: day})
        elif len(kinds) == 1 and isinstance(next(iter(kinds)), type) and issubclass(next(iter(kinds)), enum.Enum):
            patches += [{f.name: member} for member in next(iter(kinds))]
        else:
            untouched.append(f.name)
    return patches, untouched


class Sweep:
    """Facts of one case module: ``bases`` x the product of ``full`` groups, then each patch of the
    ``single`` groups (and of the fields nobody named) one at a time on each of those."""

    def __init__(self, cls, bases, full=(), single=(), *, auto_day: date):
        self.cls = cls
        known = {k for b in bases for k in b} | {k for g in (*full, *single) for p in g for k in p}
        unknown = set(known) - {f.name for f in dataclasses.fields(cls)}
        self.dropped = sorted(unknown)  # fields the sweep names that the facts no longer have
        auto, self.untouched = _auto_patches(cls, known, auto_day)
        self.bases, self.full, self.single = bases, list(full), [*single, auto]

    def facts(self):
        names = {f.name for f in dataclasses.fields(self.cls)}
        for base in self.bases:
            for combo in itertools.product(*self.full) if self.full else [()]:
                values = dict(base)
                for patch in combo:
                    values.update(patch)
                yield {k: v for k, v in values.items() if k in names}
                for group in self.single:
                    for patch in group:
                        yield {k: v for k, v in {**values, **patch}.items() if k in names}


def _dublin_sweep():
    from desk.rules import dublin as m

    out, bases = [], []
    for regime, registered in ((m.Regime.DUBLIN_III, D(2026, 1, 30)), (m.Regime.DUBLIN_III, D(2025, 11, 15)),
                               (m.Regime.AMMR, D(2026, 8, 1)), (m.Regime.AMMR, D(2026, 9, 18)),
                               (m.Regime.AMMR, D(2026, 7, 1))):
        for direction in m.Direction:
            for kind in m.RequestKind:
                sent = registered + timedelta(days=12)
                bases.append(dict(direction=direction, kind=kind, regime=regime, lodged_on=registered - timedelta(days=2),
                                  registered_on=registered, requested_state="DE", sent_on=sent, received_on=sent))
    r = bases[0]["registered_on"]  # patches use offsets that make sense for every base: dates set per base below

    def rel(days):  # a date relative to the base's registration, filled in per base
        return ("rel", days)

    hit = [{}, {"hit_received_on": rel(9), "hit_kind": m.HitKind.EURODAC},
           {"hit_received_on": rel(9), "hit_kind": m.HitKind.VIS}]
    # detained at registration, or later: before the hit (so the later detention's week governs), or after
    detention = [{}, {"detained": True}, {"detained": True, "detained_on": rel(0)},
                 {"detained": True, "detained_on": rel(3)}, {"detained": True, "detained_on": rel(20)}]
    replies = [{}, {"reply": m.ReplyOutcome.ACCEPTED, "replied_on": rel(19)},
               {"reply": m.ReplyOutcome.REJECTED, "replied_on": rel(19)},
               {"reply": m.ReplyOutcome.REJECTED, "replied_on": rel(19), "reexam_requested_on": rel(30)},
               {"reply": m.ReplyOutcome.REJECTED, "replied_on": rel(19), "reexam_requested_on": rel(30),
                "reexam_reply": m.ReplyOutcome.ACCEPTED, "reexam_answered_on": rel(36)}]
    single = [
        [{"hit_received_on": rel(45), "hit_kind": m.HitKind.EURODAC}],  # a late hit: the Mengesteab cap governs
        [{"urgent_reply_by": rel(20)}, {"urgent_reply_by": rel(20), "urgent_needs_longer": True}],
        [{"new_application_lodged": False}, {"new_application_lodged": False, "knowledge_on": rel(5)}],
        [{"accepted_on": rel(25)}, {"appeal_final_on": rel(60)},
         {"transfer_decided_on": rel(28), "transfer_decision_notified_on": rel(29)},
         {"transfer_done_on": rel(90)}],
        [{"extension": e} for e in m.Extension] + [{"extension": e, "extension_notified_on": rel(100)}
                                                    for e in m.Extension],
        [{"withdrawn_on": rel(15)}, {"sent_on": None, "received_on": None}],
        # AMMR Art. 39(1) fourth subpara.: a child's request until the first decision on the substance
        [{"minor_best_interests": True, "first_decision_on": rel(200)}],
        # AMMR Art. 46(2) second subpara.: accepted, the person back within reach late in the six months
        [{"reply": m.ReplyOutcome.ACCEPTED, "replied_on": rel(19), "reappeared_on": rel(180)},
         {"reply": m.ReplyOutcome.ACCEPTED, "replied_on": rel(19), "reappeared_on": rel(400),
          "extension": m.Extension.ABSCONDING, "extension_notified_on": rel(100)}],
        [{"partner_state": "PL"}],
    ]
    sweep = Sweep(m.RequestFacts, bases, [hit, detention, replies], single, auto_day=r)
    for values in sweep.facts():
        base = values["registered_on"]
        out.append({k: (base + timedelta(days=v[1]) if isinstance(v, tuple) and v and v[0] == "rel" else v)
                    for k, v in values.items()})
    return m, m.RequestFacts, out, sweep


def _asylum_sweep():
    from desk.rules import asylum as m

    bases = [dict(lodged_on=d, registered_on=d + timedelta(days=3)) for d in
             (D(2016, 5, 2), D(2017, 2, 27), D(2019, 3, 1), D(2021, 10, 29), D(2026, 1, 30), D(2026, 6, 11),
              D(2026, 6, 12), D(2026, 7, 31))]
    # under the Asylum Procedure Regulation (lodged from 12 June 2026) an application is made, then
    # registered (Art. 27), then lodged (Art. 28): the same days in that order ("made_on" is dropped
    # while the facts do not have it)
    bases += [dict(made_on=d - timedelta(days=5), registered_on=d - timedelta(days=3), lodged_on=d)
              for d in (D(2026, 6, 12), D(2026, 7, 31), D(2026, 10, 30))]
    progress = [{}, {"accepted_for_examination_on": ("rel", 10)},
                {"accepted_for_examination_on": ("rel", 10), "interview_on": ("rel", 30)},
                {"accepted_for_examination_on": ("rel", 10), "interview_on": ("rel", 30), "decision_on": ("rel", 60),
                 "notified_on": ("rel", 64)}]
    single = [[{"decision_extended_months": n} for n in (1, 2, 3, 6, 9)],
              # APR Art. 35(1)-(3): admissibility and accelerated examinations; 67(7)(a) the short appeal
              [{"procedure": p} for p in m.Procedure]
              + [{"procedure": m.Procedure.ADMISSIBILITY, "decision_extended_months": 2}],
              [{"decision": d, "decision_on": ("rel", 60), "notified_on": ("rel", 64)}
               for d in ("refugee", "alternative", "refused", "left_without_examination")]
              + [{"decision": "refused", "procedure": m.Procedure.ACCELERATED, "decision_on": ("rel", 60),
                  "notified_on": ("rel", 64)}],
              [{"appeal_lodged_on": ("rel", 70)}, {"withdrawn_on": ("rel", 20)}, {"delay_caused_by_applicant": True},
               {"decision_on": ("rel", 400), "notified_on": ("rel", 401)}]]
    sweep = Sweep(m.ApplicationFacts, bases, [progress], single, auto_day=D(2026, 8, 14))
    out = []
    for values in sweep.facts():
        base = values["lodged_on"]
        out.append({k: (base + timedelta(days=v[1]) if isinstance(v, tuple) and v and v[0] == "rel" else v)
                    for k, v in values.items()})
    return m, m.ApplicationFacts, out, sweep


def _returns_sweep():
    from desk.rules import returns as m

    bases = []
    for issued in (D(2026, 6, 1), D(2026, 12, 10), D(2026, 11, 13)):
        notified = issued + timedelta(days=2)
        for days in (7, 14, 30):
            bases.append(dict(kind=m.DecisionKind.VOLUNTARY_DEPARTURE_ORDER, issued_on=issued, notified_on=notified,
                              departure_days=days))
        for years in (1, 3):
            bases.append(dict(kind=m.DecisionKind.FORCED_EXPULSION_DECISION, issued_on=issued, notified_on=notified,
                              ban_years=years))
    full = [[{}, {"contested_on": ("rel", 4), "contest_decided_on": ("rel", 20)}],
            [{}, {"departed_on": ("rel", 25)}, {"ban_years": 2, "departed_on": ("rel", 25)}]]
    single = [[{"appealed_on": ("rel", 24)}, {"annulled_on": ("rel", 5)}, {"notified_on": None}],
              # Art. 7(4): a shorter period (or none) with its ground; Art. 7(2): an extension with its reason
              [{"departure_days": 3, "departure_ground": g} for g in m.DepartureGround]
              + [{"departure_days": 0, "departure_ground": m.DepartureGround.DANGER}],
              [{"departure_extended_days": 10, "departure_extension_reason": r} for r in m.ExtensionReason],
              [{"ban_years": 1, "ban_months": 6, "departed_on": ("rel", 25)}]]
    sweep = Sweep(m.ReturnFacts, bases, full, single, auto_day=D(2026, 12, 14))
    out = []
    for values in sweep.facts():
        base = values["issued_on"]
        out.append({k: (base + timedelta(days=v[1]) if isinstance(v, tuple) and v and v[0] == "rel" else v)
                    for k, v in values.items()})
    return m, m.ReturnFacts, out, sweep


def _permits_sweep():
    from desk.rules import permits as m

    bases = []
    for kind in m.PermitKind:
        for start in (D(2021, 2, 27), D(2026, 5, 30)):
            until = start + timedelta(days=364) if kind == m.PermitKind.TEMPORARY else None
            bases.append(dict(kind=kind, purpose=m.Purpose.EMPLOYMENT, valid_from=start, valid_until=until))
    single = [[{"issued_on": D(2021, 3, 6)}, {"reregistered_on": D(2026, 3, 28)},
               {"renewal_applied_on": D(2026, 11, 2)}, {"annulled_on": D(2026, 7, 1)}, {"valid_from": None}],
              [{"protection": p} for p in m.ProtectionStatus] + [{"purpose": p} for p in m.Purpose]]
    sweep = Sweep(m.PermitFacts, bases, [], single, auto_day=D(2026, 6, 6))
    return m, m.PermitFacts, list(sweep.facts()), sweep


def _visas_sweep():
    from desk.rules import visas as m

    bases = [dict(category=c, valid_from=D(2026, 3, 1), valid_until=D(2026, 5, 29)) for c in m.Category]
    single = [[{"entered_on": D(2026, 3, 7)}, {"entered_on": D(2026, 3, 7), "exited_on": D(2026, 3, 20)},
               {"entered_on": D(2026, 3, 7), "previous_stays": ((D(2025, 11, 1), D(2026, 1, 15)),)},
               {"entered_on": D(2026, 3, 7), "previous_stays": ((D(2025, 12, 1), D(2026, 2, 28)),)},
               {"annulled_on": D(2026, 4, 1)}, {"valid_from": None}]]
    sweep = Sweep(m.VisaFacts, bases, [], single, auto_day=D(2026, 3, 14))
    return m, m.VisaFacts, list(sweep.facts()), sweep


def _invitations_sweep():
    from desk.rules import invitations as m

    bases = [dict(kind=k, inviter_kind=i, invited_persons=1, submitted_on=s)
             for k in m.InvitationKind for i in m.InviterKind for s in (D(2026, 10, 19), D(2026, 4, 30))]
    full = [[{}, {"decision_extended_months": 2}, {"decision_extended_months": 4}],
            [{}, {"decided_on": ("rel", 20), "approved": True}, {"decided_on": ("rel", 20), "approved": False}]]
    single = [[{"used_on": ("rel", 40)}, {"cancelled_on": ("rel", 3)}]]
    sweep = Sweep(m.InvitationFacts, bases, full, single, auto_day=D(2026, 11, 2))
    out = []
    for values in sweep.facts():
        base = values["submitted_on"]
        out.append({k: (base + timedelta(days=v[1]) if isinstance(v, tuple) and v and v[0] == "rel" else v)
                    for k, v in values.items()})
    return m, m.InvitationFacts, out, sweep


SWEEPS = {"dublin": _dublin_sweep, "asylum": _asylum_sweep, "returns": _returns_sweep,
          "permits": _permits_sweep, "visas": _visas_sweep, "invitations": _invitations_sweep}
TODAY = D(2031, 1, 1)  # late enough for every tacit acceptance to have come


def _acting_country(module_name: str, rule_id: str, values: dict) -> str:
    """Whose calendar a ROLL_ACTOR period uses: the state that must act (AMMR Art. 75(d)). Replies and
    confirmations are the requested state's act; requests, notifications, re-examination requests,
    transfer decisions and transfers the requesting state's. Latvia is the requesting state of an
    outgoing request and the requested state of an incoming one; the other state is ``requested_state``."""
    if module_name != "dublin":
        return LV
    other = (values.get("partner_state") or values.get("requested_state") or LV).upper()
    outgoing = str(values.get("direction")) == "outgoing"
    reply = any(w in rule_id.rsplit(".", 1)[-1] for w in ("reply", "confirmation")) or ".reply" in rule_id
    if reply:
        return other if outgoing else LV
    return LV if outgoing else other


_RESULTS: dict[str, tuple] = {}


def _swept(module_name: str):
    """(module, facts built, deadlines per facts, refused facts, sweep), computed once per module."""
    if module_name not in _RESULTS:
        module, cls, all_values, sweep = SWEEPS[module_name]()
        produced, refused = [], []
        for values in all_values:
            try:
                facts = cls(**values)
                produced.append((values, module.deadlines(facts, TODAY)))
            except RuleError as exc:
                refused.append((values, exc.key))
            except TypeError as exc:  # a required field the sweep does not give
                refused.append((values, f"TypeError: {exc}"))
        _RESULTS[module_name] = (module, produced, refused, sweep)
    return _RESULTS[module_name]


def test_the_sweeps_cover_every_case_module():
    assert set(SWEEPS) == set(desk.rules.CASE_MODULES)


@pytest.mark.parametrize("module_name", desk.rules.CASE_MODULES)
def test_every_due_date_is_the_one_the_register_states(module_name):
    _module, produced, _refused, _sweep = _swept(module_name)
    wrong: dict[str, str] = {}
    for values, deadlines in produced:
        for d in deadlines:
            rule = d.rule
            if rule.period is None or rule.id in wrong:
                continue
            roll = rule.counting in (Counting.ROLL_ACTOR, Counting.APL)
            country = _acting_country(module_name, rule.id, values) if rule.counting == Counting.ROLL_ACTOR else LV
            expected = add_period(d.anchor_date, **rule.period.as_kwargs(), roll_forward=roll, country=country)
            if d.due != expected:
                wrong[rule.id] = (f"{rule.id}: due {d.due} but the register says {period_text(rule.period, 'en')} "
                                  f"from {d.anchor_date} ({d.anchor_event_key}), {rule.counting}, {country} "
                                  f"-> {expected}; facts {values}")
    assert not wrong, "due dates that differ from the register:\n" + "\n".join(wrong[k] for k in sorted(wrong))


@pytest.mark.parametrize("module_name", desk.rules.CASE_MODULES)
def test_every_rule_is_produced_by_some_fact(module_name):
    module, produced, refused, sweep = _swept(module_name)
    seen = {d.rule_id for _values, deadlines in produced for d in deadlines}
    never = sorted(set(module.RULES) - seen - set(getattr(module, "DECISION_LIMITS", ())))
    refusals = sorted({key for _values, key in refused})
    assert not never, (
        f"rules no fact of the sweep produces: {never}\n"
        f"facts refused by the module ({len(refused)} of {len(refused) + len(produced)}): {refusals}\n"
        f"fields the sweep names that the facts no longer have: {sweep.dropped}\n"
        f"fields left at their defaults (type not varied automatically): {sweep.untouched}")
    assert produced, "the module refused every fact of the sweep"


def test_decision_limits_are_enforced_where_they_do_not_produce_a_deadline():
    """returns.entry_ban_max (PMLP practice, verified=False) limits the decision: a longer ban is refused."""
    from desk.rules import returns
    from desk.rules.common import InvalidValue

    rule = returns.RULES["returns.entry_ban_max"]
    assert rule.verified is False and rule.period.years == returns.MAX_BAN_YEARS
    returns.validate_decision(returns.DecisionKind.FORCED_EXPULSION_DECISION, departure_days=None,
                              ban_years=returns.MAX_BAN_YEARS)
    with pytest.raises(InvalidValue):
        returns.validate_decision(returns.DecisionKind.FORCED_EXPULSION_DECISION, departure_days=None,
                                  ban_years=returns.MAX_BAN_YEARS, ban_months=1)
