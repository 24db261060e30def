"""The grammar of a rule's ``article``: a citation a lawyer can read, and that desk.i18n.citations
renders in Latvian or English.

Pure Python (stdlib only). A citation is one or more parts joined by ``"; "``; each part is an act,
optionally followed by a space and a locator:

* EU acts (``Reg. 604/2013``, ``Dir. 2008/115/EC``, ...; the table ``ACTS``): ``Art. N[(p)][(x)]
  [first|second|third|fourth subpara.]`` with more references after ``", "`` (``Art. 21(1), 22(7)``,
  ``Art. 75(d)``, ``Art. 39(1) fourth subpara.``). ``(p)`` is a numbered paragraph, ``(x)`` a lettered
  point.
* Latvian laws (``Asylum Law``, ``Immigration Law``, ``APL``): ``s. N[(p)[(q)]]`` (section N, paragraph
  p - "daļa" -, point q) with more references after ``", "``, or a range ``ss. N-M``.
* Cabinet regulations: ``Cabinet Reg. No <n> (<year>)``, optionally ``para. N`` or ``paras. N-M``.
* Judgments of the Court of Justice: ``CJEU C-<n>/<yy>[, C-<n>/<yy>...] [Name]``, optionally
  ``, para. N`` / ``, paras. N-M`` after the name.

``parse`` raises ``ValueError`` naming the part that does not parse. Nothing here says "verify": that is
the rule's ``verified`` flag.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Act:
    code: str  # stable key, used by the renderer's names table
    canonical: str  # how the act is written in a rule's article
    family: str  # "eu" (articles, paragraphs, points, subparagraphs) or "lv" (sections, paragraphs)


# Every act desk cites, in one place. The renderer (desk/i18n/citations.py) names each code in Latvian
# and English; a test holds the two tables to the same codes.
ACTS: tuple[Act, ...] = (
    Act("reg_604_2013", "Reg. 604/2013", "eu"),  # Dublin III
    Act("reg_1560_2003", "Reg. 1560/2003", "eu"),  # Dublin implementing regulation
    Act("reg_2024_1351", "Reg. 2024/1351", "eu"),  # AMMR
    Act("reg_2024_1348", "Reg. 2024/1348", "eu"),  # Asylum Procedure Regulation
    Act("reg_810_2009", "Reg. 810/2009", "eu"),  # Visa Code
    Act("reg_2016_399", "Reg. 2016/399", "eu"),  # Schengen Borders Code
    Act("reg_610_2013", "Reg. 610/2013", "eu"),  # amends the Schengen Borders Code (90 days in any 180)
    Act("schengen_convention", "Schengen Convention", "eu"),
    Act("dir_2013_32", "Dir. 2013/32/EU", "eu"),  # Asylum Procedures Directive
    Act("dir_2008_115", "Dir. 2008/115/EC", "eu"),  # Return Directive
    Act("dir_2024_1346", "Dir. 2024/1346", "eu"),  # Reception Conditions Directive (recast)
    Act("asylum_law", "Asylum Law", "lv"),  # Patvēruma likums
    Act("immigration_law", "Immigration Law", "lv"),  # Imigrācijas likums
    Act("apl", "APL", "lv"),  # Administratīvā procesa likums
)
CABINET_REG = "cabinet_reg"  # Ministru kabineta noteikumi: numbered, dated, written by pattern
CJEU = "cjeu"  # a judgment of the Court of Justice

SUBPARAGRAPHS = ("first", "second", "third", "fourth")


@dataclass(frozen=True)
class Ref:
    """One place inside an act: article (EU) or section (Latvian law) ``number``; ``number_to`` for a
    range of sections; ``paragraph`` (EU "punkts", Latvian "daļa"); ``point`` (EU lettered "a)", Latvian
    numbered "1."); ``subparagraph`` (EU only, 1-4)."""

    number: int
    number_to: int | None = None
    paragraph: int | None = None
    point: str | None = None
    subparagraph: int | None = None


@dataclass(frozen=True)
class Cite:
    """One part of a citation: an act and where in it."""

    act: str  # an ``Act.code``, ``CABINET_REG`` or ``CJEU``
    refs: tuple[Ref, ...] = ()
    reg_number: int | None = None  # Cabinet regulation number
    year: int | None = None  # Cabinet regulation year
    cases: tuple[str, ...] = ()  # CJEU case numbers, "C-670/16"
    case_name: str | None = None
    paras: tuple[int, int | None] | None = None  # a judgment's or Cabinet regulation's paragraph(s)


_BY_CANONICAL = sorted(ACTS, key=lambda a: -len(a.canonical))
_CABINET = re.compile(r"Cabinet Reg\. No (\d+) \((\d{4})\)")
_CASE = r"C-\d{1,4}/\d{2}"
_CJEU = re.compile(rf"CJEU ({_CASE}(?:, {_CASE})*)(?: ([A-Z][^,;]*?))?(?:, (paras?\. .+))?")
_EU_REF = re.compile(
    r"(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?(?: (first|second|third|fourth) subpara\.)?")
_LV_REF = re.compile(r"(\d+)(?:\((\d+)\))?(?:\((\d+)\))?")
_PARAS = re.compile(r"para\. (\d+)|paras\. (\d+)-(\d+)")


def _pieces(locator: str, prefix: str, pattern: re.Pattern, part: str) -> list[tuple]:
    """The groups of each ", "-separated reference after ``prefix`` ("Art. 21(1), 22(7)"; a repeated
    prefix is allowed: "Art. 40(1), Art. 40(8)")."""
    groups = []
    for i, piece in enumerate(locator[len(prefix):].split(", ")):
        if i and piece.startswith(prefix):
            piece = piece[len(prefix):]
        m = pattern.fullmatch(piece)
        if not m:
            raise ValueError(f"citation {part!r}: cannot parse {piece!r}")
        groups.append(m.groups())
    return groups


def _eu_refs(locator: str, part: str) -> tuple[Ref, ...]:
    if not locator.startswith("Art. "):
        raise ValueError(f"citation {part!r}: cannot parse {locator!r} (expected 'Art. N')")
    return tuple(Ref(int(number), paragraph=int(paragraph) if paragraph else None, point=point,
                     subparagraph=SUBPARAGRAPHS.index(sub) + 1 if sub else None)
                 for number, paragraph, point, sub in _pieces(locator, "Art. ", _EU_REF, part))


def _lv_refs(locator: str, part: str) -> tuple[Ref, ...]:
    if m := re.fullmatch(r"ss\. (\d+)-(\d+)", locator):
        first, last = int(m[1]), int(m[2])
        if last <= first:
            raise ValueError(f"citation {part!r}: the range {locator!r} does not go up")
        return (Ref(first, number_to=last),)
    if not locator.startswith("s. "):
        raise ValueError(f"citation {part!r}: cannot parse {locator!r} (expected 's. N' or 'ss. N-M')")
    return tuple(Ref(int(number), paragraph=int(paragraph) if paragraph else None, point=point)
                 for number, paragraph, point in _pieces(locator, "s. ", _LV_REF, part))


def _paras(text: str, part: str) -> tuple[int, int | None]:
    m = _PARAS.fullmatch(text)
    if not m:
        raise ValueError(f"citation {part!r}: cannot parse {text!r} (expected 'para. N' or 'paras. N-M')")
    if m[1]:
        return int(m[1]), None
    if int(m[3]) <= int(m[2]):
        raise ValueError(f"citation {part!r}: the range {text!r} does not go up")
    return int(m[2]), int(m[3])


def _parse_part(part: str) -> Cite:
    if not part or part != part.strip():
        raise ValueError(f"citation part {part!r}: empty or padded with spaces")
    if part.startswith("Cabinet Reg."):
        m = _CABINET.match(part)
        if not m:
            raise ValueError(f"citation {part!r}: expected 'Cabinet Reg. No <n> (<year>)'")
        rest = part[m.end():]
        paras = None
        if rest:
            if not rest.startswith(" "):
                raise ValueError(f"citation {part!r}: cannot parse {rest!r}")
            paras = _paras(rest[1:], part)
        return Cite(CABINET_REG, reg_number=int(m[1]), year=int(m[2]), paras=paras)
    if part.startswith("CJEU"):
        m = _CJEU.fullmatch(part)
        if not m:
            raise ValueError(f"citation {part!r}: expected 'CJEU C-<n>/<yy> <Name>'")
        return Cite(CJEU, cases=tuple(m[1].split(", ")), case_name=m[2] or None,
                    paras=_paras(m[3], part) if m[3] else None)
    for act in _BY_CANONICAL:
        if part == act.canonical:
            return Cite(act.code)
        if part.startswith(act.canonical + " "):
            locator = part[len(act.canonical) + 1:]
            refs = _eu_refs(locator, part) if act.family == "eu" else _lv_refs(locator, part)
            return Cite(act.code, refs=refs)
    raise ValueError(f"citation {part!r}: unknown act (known: {', '.join(a.canonical for a in ACTS)}, "
                     "Cabinet Reg. No <n> (<year>), CJEU C-<n>/<yy>)")


def parse(article: str) -> tuple[Cite, ...]:
    """The parts of ``article``; raises ``ValueError`` naming the first part that does not parse."""
    if not isinstance(article, str) or not article.strip():
        raise ValueError(f"citation {article!r}: empty")
    return tuple(_parse_part(part) for part in article.split("; "))


def family(code: str) -> str:
    """``"eu"`` or ``"lv"`` for an act code; Cabinet regulations are Latvian, judgments EU."""
    if code == CABINET_REG:
        return "lv"
    if code == CJEU:
        return "eu"
    for act in ACTS:
        if act.code == code:
            return act.family
    raise KeyError(code)
