"""A rule's article in the officer's language.

``render("Reg. 2024/1351 Art. 75(d)", "lv")`` -> "Regulas (ES) 2024/1351 75. panta d) punkts";
``render(..., "en")`` -> "Regulation (EU) 2024/1351, Art. 75(d)". The stored article stays canonical (the
grammar of desk.rules.citation); this turns it into words when a screen or a report draws it.

Latvian follows the usage of the Latvian Official Journal of the EU and of likumi.lv:

* EU acts: article = "pants", paragraph = "punkts", lettered point = "a) punkts" (or "a) apakšpunkts"
  inside a numbered paragraph), subparagraph = "daļa" ("21. panta 1. punkta otrā daļa");
* Latvian laws: section = "pants", paragraph = "daļa" with an ordinal word ("9. panta pirmā daļa"),
  point = "punkts" ("9. panta pirmās daļas 2. punkts");
* acts are named in the genitive before the locator ("Patvēruma likuma 29. pants"), in the nominative
  when cited whole ("Imigrācijas likums").
"""
from __future__ import annotations

from desk.rules.citation import ACTS, CABINET_REG, CJEU, Cite, Ref, family, parse

# code -> Latvian (nominative, genitive) and English name. A trailing comma in the genitive closes a
# name that itself contains a clause ("Konvencijas, ar ko īsteno Šengenas nolīgumu, 18. pants").
NAMES: dict[str, tuple[tuple[str, str], str]] = {
    "reg_604_2013": (("Regula (ES) Nr. 604/2013", "Regulas (ES) Nr. 604/2013"), "Regulation (EU) No 604/2013"),
    "reg_1560_2003": (("Regula (EK) Nr. 1560/2003", "Regulas (EK) Nr. 1560/2003"), "Regulation (EC) No 1560/2003"),
    "reg_2024_1351": (("Regula (ES) 2024/1351", "Regulas (ES) 2024/1351"), "Regulation (EU) 2024/1351"),
    "reg_2024_1348": (("Regula (ES) 2024/1348", "Regulas (ES) 2024/1348"), "Regulation (EU) 2024/1348"),
    "reg_810_2009": (("Regula (EK) Nr. 810/2009", "Regulas (EK) Nr. 810/2009"),
                     "Regulation (EC) No 810/2009 (Visa Code)"),
    "reg_2016_399": (("Regula (ES) 2016/399", "Regulas (ES) 2016/399"),
                     "Regulation (EU) 2016/399 (Schengen Borders Code)"),
    "reg_610_2013": (("Regula (ES) Nr. 610/2013", "Regulas (ES) Nr. 610/2013"), "Regulation (EU) No 610/2013"),
    "schengen_convention": (("Konvencija, ar ko īsteno Šengenas nolīgumu",
                             "Konvencijas, ar ko īsteno Šengenas nolīgumu,"),
                            "Convention implementing the Schengen Agreement"),
    "dir_2013_32": (("Direktīva 2013/32/ES", "Direktīvas 2013/32/ES"), "Directive 2013/32/EU"),
    "dir_2008_115": (("Direktīva 2008/115/EK", "Direktīvas 2008/115/EK"), "Directive 2008/115/EC"),
    "dir_2024_1346": (("Direktīva (ES) 2024/1346", "Direktīvas (ES) 2024/1346"), "Directive (EU) 2024/1346"),
    "asylum_law": (("Patvēruma likums", "Patvēruma likuma"), "Asylum Law"),
    "immigration_law": (("Imigrācijas likums", "Imigrācijas likuma"), "Immigration Law"),
    "apl": (("Administratīvā procesa likums", "Administratīvā procesa likuma"), "Administrative Procedure Law"),
}
assert set(NAMES) == {a.code for a in ACTS}, "every act in desk.rules.citation.ACTS needs its names here"

# feminine ordinals (daļa): nominative; the genitive ends in -ās
_ORDINALS = ("pirmā", "otrā", "trešā", "ceturtā", "piektā", "sestā", "septītā", "astotā", "devītā", "desmitā",
             "vienpadsmitā", "divpadsmitā", "trīspadsmitā", "četrpadsmitā", "piecpadsmitā", "sešpadsmitā",
             "septiņpadsmitā", "astoņpadsmitā", "deviņpadsmitā", "divdesmitā")
_EN_SUBPARAGRAPHS = ("first", "second", "third", "fourth")


def ordinal_lv(n: int, genitive: bool = False) -> str:
    """"pirmā", "otrā"... (genitive "pirmās"); beyond twenty the number with a dot ("21.")."""
    if 1 <= n <= len(_ORDINALS):
        word = _ORDINALS[n - 1]
        return word + "s" if genitive else word
    return f"{n}."


def _join(items: list[str], lang: str) -> str:
    conj = " un " if lang == "lv" else " and "
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + conj + items[-1]


# --- Latvian ------------------------------------------------------------------------------------


def _lv_eu_ref(r: Ref) -> str:
    """One EU reference in Latvian, the last noun in the nominative."""
    art = f"{r.number}. pant"
    if r.paragraph is None and r.point is None and r.subparagraph is None:
        return art + "s"
    words = [art + "a"]
    if r.paragraph is not None:
        if r.point is None and r.subparagraph is None:
            return f"{words[0]} {r.paragraph}. punkts"
        words.append(f"{r.paragraph}. punkta")
    if r.point is not None:
        noun = "apakšpunkt" if r.paragraph is not None else "punkt"
        if r.subparagraph is None:
            return " ".join(words) + f" {r.point}) {noun}s"
        words.append(f"{r.point}) {noun}a")
    return " ".join(words) + f" {ordinal_lv(r.subparagraph)} daļa"


def _lv_law_ref(r: Ref) -> str:
    if r.number_to is not None:
        return f"{r.number}.–{r.number_to}. pants"
    if r.paragraph is None:
        return f"{r.number}. pants"
    if r.point is None:
        return f"{r.number}. panta {ordinal_lv(r.paragraph)} daļa"
    return f"{r.number}. panta {ordinal_lv(r.paragraph, genitive=True)} daļas {r.point}. punkts"


def _lv_refs(refs: tuple[Ref, ...], eu: bool) -> str:
    """References in Latvian; neighbours that differ only in the paragraph share one noun
    ("22. panta 1. un 7. punkts", "64. panta pirmā un otrā daļa"), whole articles too ("7. un 8. pants")."""
    groups: list[list[Ref]] = []
    for r in refs:
        prev = groups[-1][-1] if groups else None
        simple = r.point is None and r.subparagraph is None and r.number_to is None
        if (prev is not None and simple and prev.point is None and prev.subparagraph is None
                and prev.number_to is None):
            same_article = prev.number == r.number and prev.paragraph is not None and r.paragraph is not None
            whole_articles = prev.paragraph is None and r.paragraph is None
            if same_article or whole_articles:
                groups[-1].append(r)
                continue
        groups.append([r])
    out = []
    for g in groups:
        if len(g) == 1:
            out.append(_lv_eu_ref(g[0]) if eu else _lv_law_ref(g[0]))
        elif g[0].paragraph is None:
            out.append(_join([f"{r.number}." for r in g], "lv") + " pants")
        elif eu:
            out.append(f"{g[0].number}. panta " + _join([f"{r.paragraph}." for r in g], "lv") + " punkts")
        else:
            out.append(f"{g[0].number}. panta " + _join([ordinal_lv(r.paragraph) for r in g], "lv") + " daļa")
    return _join(out, "lv")


def _lv_paras(paras: tuple[int, int | None]) -> str:
    first, last = paras
    return f"{first}. punkts" if last is None else f"{first}.–{last}. punkts"


def _lv(c: Cite) -> str:
    if c.act == CABINET_REG:
        if c.paras is None:
            return f"Ministru kabineta {c.year}. gada noteikumi Nr. {c.reg_number}"
        return f"Ministru kabineta {c.year}. gada noteikumu Nr. {c.reg_number} {_lv_paras(c.paras)}"
    if c.act == CJEU:
        cases = _join(list(c.cases), "lv") + (f" {c.case_name}" if c.case_name else "")
        where = "lietā" if len(c.cases) == 1 else "apvienotajās lietās"
        if c.paras is None:
            return f"EST spriedums {where} {cases}"
        return f"EST sprieduma {where} {cases} {_lv_paras(c.paras)}"
    (nominative, genitive), _en = NAMES[c.act]
    if not c.refs:
        return nominative
    return f"{genitive} {_lv_refs(c.refs, family(c.act) == 'eu')}"


# --- English ------------------------------------------------------------------------------------


def _en_ref(r: Ref, eu: bool) -> str:
    if r.number_to is not None:
        return f"{r.number}-{r.number_to}"
    text = str(r.number)
    if r.paragraph is not None:
        text += f"({r.paragraph})"
    if r.point is not None:
        text += f"({r.point})"
    if r.subparagraph is not None:
        text += f", {_EN_SUBPARAGRAPHS[r.subparagraph - 1]} subparagraph"
    return text


def _en_paras(paras: tuple[int, int | None]) -> str:
    first, last = paras
    return f"para. {first}" if last is None else f"paras. {first}-{last}"


def _en(c: Cite) -> str:
    if c.act == CABINET_REG:
        base = f"Cabinet Regulation No {c.reg_number} ({c.year})"
        return base if c.paras is None else f"{base}, {_en_paras(c.paras)}"
    if c.act == CJEU:
        text = "CJEU, " + _join(list(c.cases), "en") + (f" {c.case_name}" if c.case_name else "")
        return text if c.paras is None else f"{text}, {_en_paras(c.paras)}"
    _lv_names, name = NAMES[c.act]
    if not c.refs:
        return name
    eu = family(c.act) == "eu"
    if eu:
        prefix = "Art."
    else:
        prefix = "ss." if len(c.refs) > 1 or c.refs[0].number_to is not None else "s."
    return f"{name}, {prefix} " + _join([_en_ref(r, eu) for r in c.refs], "en")


def render(article: str, lang: str) -> str:
    """``article`` (the canonical grammar of desk.rules.citation) in Latvian (``"lv"``) or English
    (``"en"``); raises ``ValueError`` if it does not parse or the language is unknown."""
    if lang not in ("lv", "en"):
        raise ValueError(f"unknown language {lang!r}")
    parts = parse(article)
    return "; ".join(_lv(c) if lang == "lv" else _en(c) for c in parts)


def shown(article: str | None, lang: str | None = None) -> str:
    """``render`` for display: a stored article written before the grammar (an old row not recomputed
    yet) is shown as it was stored rather than not at all. ``lang`` defaults to the current language."""
    if not article:
        return ""
    from desk.i18n import get_language

    try:
        return render(article, lang or get_language())
    except ValueError:
        return article


def shown_with_flag(article: str | None, verified: bool, lang: str | None = None) -> str:
    """``shown`` for a table cell: a rule not verified says so in words first ("nav pārbaudīts · ..."),
    where a narrow column still shows it."""
    from desk.i18n import DEFAULT_LANGUAGE, catalogue, get_language

    text = shown(article, lang)
    if verified:
        return text
    entry = catalogue()["ui.deadline.not_verified"]
    return f"{entry.get(lang or get_language()) or entry[DEFAULT_LANGUAGE]} · {text}"
