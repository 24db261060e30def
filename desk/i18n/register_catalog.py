"""The rule register (``desk rules``): column heads, periods in words, counting, regimes."""
from __future__ import annotations


def _m(lv: str, en: str) -> dict[str, str]:
    return {"lv": lv, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    "rules.register.title_on": _m("Noteikumu reģistrs: spēkā {day}", "Rule register: in force on {day}"),
    "rules.register.title_all": _m("Noteikumu reģistrs: visi noteikumi ar to spēkā esamības datumiem",
                                   "Rule register: every rule with its dates"),
    "rules.register.count": _m("{n} noteikums|{n} noteikumi|{n} noteikumu", "{n} rule|{n} rules"),
    "rules.register.col.rule": _m("Noteikums", "Rule"),
    "rules.register.col.period": _m("Termiņš un skaitīšana", "Period and counting"),
    "rules.register.col.regime": _m("Režīms un spēkā", "Regime and in force"),
    "rules.register.col.article": _m("Pants un sekas", "Article and consequence"),
    "rules.register.col.verified": _m("Pārbaudīts", "Verified"),
    "rules.register.from_anchor": _m("no: {anchor}", "from: {anchor}"),
    "rules.register.applies_from": _m("no {day}", "from {day}"),
    "rules.register.applies_until": _m("līdz {day}", "until {day}"),
    "rules.register.if_missed": _m("Ja nokavē: {consequence}", "If missed: {consequence}"),
    "rules.register.not_in_force": _m("{day} sāktām lietām vairs netiek piemērots",
                                      "not for cases begun on {day}: still runs for earlier ones"),
    "rules.register.period_none": _m("nav noteikta perioda (datums no lietas)",
                                     "no fixed period (a date from the case)"),
    "rules.register.verified.yes": _m("jā", "yes"),
    "rules.register.verified.no": _m("nē", "no"),
    "rules.register.and": _m("un", "and"),
    # periods in words, with Latvian number grammar (desk.i18n.plural_form): 1, 21 diena; 2, 10 dienas
    "rules.period.days": _m("{n} diena|{n} dienas|{n} dienas", "{n} day|{n} days"),
    "rules.period.weeks": _m("{n} nedēļa|{n} nedēļas|{n} nedēļas", "{n} week|{n} weeks"),
    "rules.period.months": _m("{n} mēnesis|{n} mēneši|{n} mēneši", "{n} month|{n} months"),
    "rules.period.years": _m("{n} gads|{n} gadi|{n} gadi", "{n} year|{n} years"),
    # how a period is counted (desk.rules.common.Counting)
    "rules.counting.no_roll": _m(
        "ietver brīvdienas, beigu diena netiek pārcelta",
        "includes weekends and holidays; the last day is never moved",
    ),
    "rules.counting.roll_actor": _m(
        "ietver brīvdienas; beigu diena brīvdienā vai svētku dienā pārceļas uz nākamo darba dienu "
        "dalībvalstī, kurai jārīkojas",
        "includes weekends and holidays; a last day off moves to the next working day of the Member State "
        "that must act",
    ),
    "rules.counting.apl": _m(
        "Administratīvā procesa likuma kārtībā: beigu diena brīvdienā vai svētku dienā pārceļas uz nākamo "
        "darba dienu Latvijā",
        "Administrative Procedure Law: a last day off moves to Latvia's next working day",
    ),
    "rules.counting.none": _m("datums noteikts lietā vai aktā, netiek pārcelts",
                              "a date set by the case or the act; not moved"),
    # regimes (Rule.regime); an unknown code is shown as it is
    "rules.regime.dublin_iii": _m("Dublinas III regula (604/2013)", "Dublin III (604/2013)"),
    "rules.regime.ammr": _m("Regula 2024/1351 (AMMR)", "Regulation 2024/1351 (AMMR)"),
    "rules.regime.apr": _m("Patvēruma procedūru regula 2024/1348", "Asylum Procedure Regulation 2024/1348"),
    "rules.regime.asylum_law": _m("Patvēruma likums un Direktīva 2013/32/ES", "Asylum Law and Directive 2013/32/EU"),
    "rules.regime.immigration_law": _m("Imigrācijas likums", "Immigration Law"),
    "rules.regime.schengen": _m("Šengenas noteikumi un Vīzu kodekss", "Schengen rules and the Visa Code"),
    "rules.regime.return_directive": _m("Atgriešanas direktīva 2008/115/EK", "Return Directive 2008/115/EC"),
    "rules.regime.apl": _m("Administratīvā procesa likums", "Administrative Procedure Law"),
}
