"""Find anyone in a keystroke: persons and cases by number, personal code, document or name.

What a query may contain (words in any order, mixed freely):

* a case number, whole or in part: ``PAT-2026-000042``, ``PAT-2026-0000``, ``2026-0004`` (year and the
  start of the sequence number), ``000042`` or ``42`` (the sequence number: with a leading zero it is
  the start of the six digits, without one the number itself);
* a Latvian personal code with or without the hyphen (``010190-12345``; 7 to 10 digits or ``DDMMYY-``
  find codes that start so);
* an identity document number (letters and digits, spaces and dashes ignored);
* names, regardless of case, diacritics and script, by word prefix and in any order
  (``ivan petr`` finds "Petrovs Ivans"; ``berzins`` finds "Bērziņš"; ``ivanov`` finds "Иванов" and
  ``Иванов`` finds "Ivanov");
* a date of birth (``DD.MM.YYYY`` or ``YYYY-MM-DD``) narrows every hit to persons born that day.

Exact identifiers rank first (1000), then partial identifiers, then names by how well they match
(whole words before prefixes, the surname before given names). The name index is kept by triggers in
the database (migration 0002), so it is consistent with the data inside the same transaction.

Roles: persons are shown to officers with ``Permission.VIEW_PERSONS``; cases only of the kinds the
officer works on (``Actor.case_kinds``); an administrator finds nothing. Every search is written to the
audit trail with its query text ("search"): who looked up what.
"""
from __future__ import annotations

import importlib
import re
from functools import lru_cache
from dataclasses import dataclass
from typing import NamedTuple
from datetime import date
from enum import StrEnum

from sqlalchemy import text

from desk.errors import ValidationError
from desk.keys import keyed_hash
from desk.services import audit
from desk.services.audit import mask_document_number
from desk.services.auth import Actor, Permission, ensure_live
from desk.names import (EXACT, FAMILY, FORM, KEY_PREFIX, PREFIX, SPELLING, match_level, name_variants,
                        name_words, prefix_alternatives, query_alternatives)
from desk.text import fold, mask_personal_code, normalize_document_number, parse_date
from models import CaseKind

MAX_QUERY = 200          # characters of a query that are looked at (and audited)
MAX_LIMIT = 200
SHORT_PREFIX = 3         # query words this short are rarely a whole name: one whole-word pass (_name_passes)
DOB_CANDIDATES = 2000    # persons born on one day looked at when a date narrows a name search
CASES_PER_PERSON = 10    # cases shown under a person found by an exact identifier

SCORE_EXACT = 1000
SCORE_DOCUMENT = 990
SCORE_CODE_PREFIX = 700
SCORE_CASE_PARTIAL = 600
SCORE_DATE_ONLY = 50

_PREFIX_KIND = {k.prefix: k.value for k in CaseKind}
_WHOLE_CASE = re.compile(r"[A-Za-z]{3}-\d{4}-\d{6}")
_WHOLE_CODE = re.compile(r"\d{6}-\d{5}")
_WHOLE_DOCUMENT = re.compile(r"(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{5,30}")  # letters and digits, both
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}\.?|\d{4}-\d{1,2}-\d{1,2}")
_CASE = re.compile(r"(?P<prefix>[A-Z]{3})-(?:(?P<year>\d{1,4})(?:-(?P<seq>\d{0,6}))?)?")
_YEAR_SEQ = re.compile(r"(?P<year>\d{4})-(?P<seq>\d{1,6})")
_CODE_HYPHEN = re.compile(r"(?P<head>\d{6})-(?P<tail>\d{0,5})")
_DIGITS = re.compile(r"\d+")


class HitKind(StrEnum):
    """What a line of the results is."""

    PERSON = "person"
    CASE = "case"


_PERSON = HitKind.PERSON
_CASE_HIT = HitKind.CASE


class SearchHit(NamedTuple):
    """One line of the results: a person, or a case with its person's name. A named tuple, immutable
    as a frozen dataclass is but made in a third of the time: a name search makes one per line shown,
    fifty as the officer types each letter."""

    kind: HitKind
    id: int                      # case id or person id
    number: str | None           # case number (cases only)
    surname: str
    given_names: str
    original_name: str | None
    date_of_birth: date | None
    citizenship: str
    case_kind: str | None        # cases only
    status: str | None           # cases only
    score: int
    personal_code_masked: str
    person_id: int = 0
    personal_code: str | None = None  # only when asked for with reveal_codes=True (audited)

    @property
    def full_name(self) -> str:
        return f"{self.surname} {self.given_names}".strip()


@dataclass(frozen=True)
class CaseNumberPart:
    """A case number or a part of one: kind prefix, year (or its start), start of the six digits."""

    kind: str | None = None
    year: str | None = None       # 1..4 digits; fewer than 4 = years starting so
    seq_low: int | None = None
    seq_high: int | None = None
    exact: str | None = None      # the whole number, when typed whole


@dataclass(frozen=True)
class ParsedQuery:
    names: tuple[str, ...] = ()               # folded name words (letters only)
    born: date | None = None
    codes: tuple[str, ...] = ()               # whole personal codes (11 digits)
    code_prefixes: tuple[str, ...] = ()       # 6..10 digits
    documents: tuple[str, ...] = ()           # normalised document numbers
    case_parts: tuple[CaseNumberPart, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.names or self.born or self.codes or self.code_prefixes or self.documents
                    or self.case_parts)


def _seq_range(digits: str, *, left_aligned: bool) -> tuple[int, int]:
    """The sequence numbers a typed fragment stands for: '0004' -> 400..499 (the start of '000400'),
    '42' -> 42 (the number itself) unless left_aligned."""
    if not left_aligned or len(digits) == 6:
        value = int(digits)
        return value, value
    width = 6 - len(digits)
    low = int(digits) * 10 ** width
    return low, low + 10 ** width - 1


def parse_query(query: str) -> ParsedQuery:
    """Split what the officer typed into identifiers, a date of birth and name words."""
    names: list[str] = []
    codes: list[str] = []
    prefixes: list[str] = []
    documents: list[str] = []
    parts: list[CaseNumberPart] = []
    born: date | None = None
    for raw in (query or "")[:MAX_QUERY].split():
        token = raw.strip(",;").upper()
        if not token:
            continue
        if _DATE.fullmatch(token):
            try:
                born = parse_date(token)
                continue
            except ValidationError:
                pass
        m = _CASE.fullmatch(token)
        if m and m["prefix"] in _PREFIX_KIND:
            kind = _PREFIX_KIND[m["prefix"]]
            year, seq = m["year"], m["seq"]
            if year and len(year) == 4 and seq and len(seq) == 6:
                parts.append(CaseNumberPart(kind, year, int(seq), int(seq), exact=token))
            elif year and len(year) == 4 and seq:
                if not seq.startswith("0"):  # "PAT-2026-42" is most likely case 42 with its zeros left out
                    whole = f"{m['prefix']}-{year}-{int(seq):06d}"
                    parts.append(CaseNumberPart(kind, year, int(seq), int(seq), exact=whole))
                parts.append(CaseNumberPart(kind, year, *_seq_range(seq, left_aligned=True)))
            else:
                parts.append(CaseNumberPart(kind, year or None))
            continue
        m = _YEAR_SEQ.fullmatch(token)
        if m:
            parts.append(CaseNumberPart(None, m["year"], *_seq_range(m["seq"], left_aligned=True)))
            continue
        m = _CODE_HYPHEN.fullmatch(token)
        if m:
            digits = m["head"] + m["tail"]
            (codes if len(digits) == 11 else prefixes).append(digits)
            continue
        if _DIGITS.fullmatch(token):
            if len(token) == 11:
                codes.append(token)
            elif len(token) >= 7:
                prefixes.append(token)
            else:
                low, high = _seq_range(token, left_aligned=token.startswith("0"))
                parts.append(CaseNumberPart(None, None, low, high))
            if len(token) >= 5:
                documents.append(token)
            continue
        document = normalize_document_number(token)
        if len(document) >= 5 and any(ch.isdigit() for ch in document):
            documents.append(document)
            continue
        names.extend(name_words(raw))
    if 1 < len((query or "")[:MAX_QUERY].split()) <= 4:  # "C 1234-567": a document typed with spaces
        whole = normalize_document_number(query[:MAX_QUERY])
        if 5 <= len(whole) <= 30 and any(ch.isdigit() for ch in whole):
            documents.append(whole)
    return ParsedQuery(tuple(dict.fromkeys(names)), born, tuple(codes), tuple(prefixes), tuple(documents),
                       tuple(parts))


# --- ranking of names ---------------------------------------------------------------------------

# points for one query word by the field it matched and how (desk.names.match_level): whole words
# beat Latvian forms and spellings, which beat prefixes; a family form (Ivanova for Ivanovs) and the
# names of a person merged into this one (``alias``) come after the person's own names.
_WEIGHTS = {
    "surname": {EXACT: 30, SPELLING: 28, FORM: 27, PREFIX: 20, FAMILY: 17, KEY_PREFIX: 14},
    "given": {EXACT: 25, SPELLING: 23, FORM: 22, PREFIX: 15, FAMILY: 0, KEY_PREFIX: 11},  # Jana is not Jānis
    "original": {EXACT: 22, SPELLING: 20, FORM: 19, PREFIX: 12, FAMILY: 10, KEY_PREFIX: 9},
    "alias": {EXACT: 20, SPELLING: 18, FORM: 17, PREFIX: 11, FAMILY: 9, KEY_PREFIX: 8},
}


_BY_FIELD = tuple(_WEIGHTS[f] for f in ("surname", "given", "original", "alias"))
_BEST = _WEIGHTS["surname"][EXACT]  # nothing outranks the surname's own word


def name_score(words: tuple[str, ...], surname: str, given: str, original: str, alias: str = "") -> int:
    """How well the query words match a person's folded names: 0 if any word matches nothing,
    else 100..400 (whole words beat Latvian forms and other spellings, which beat prefixes; the surname
    beats given names; fewer extra words win)."""
    return _token_score(words, surname.split(), given.split(), original.split() if original else (),
                        alias.split() if alias else ())


def _token_score(words: tuple[str, ...], surnames, givens, originals, aliases) -> int:
    """``name_score`` of names already split into their words. The name search scores its rows with
    ``_row_score``, the same sum through per-name caches; the two must agree (tests/test_search.py)."""
    total = 0
    for word in words:
        best = _field_weight(word, _BY_FIELD[0], surnames)
        if best != _BEST:  # nothing outranks the surname's own word
            best = max(best, _field_weight(word, _BY_FIELD[1], givens), _field_weight(word, _BY_FIELD[2], originals),
                       _field_weight(word, _BY_FIELD[3], aliases))
        if not best:
            return 0
        total += best
    return _score(total, len(words), len(surnames) + len(givens))


def _field_weight(word: str, weights: dict, tokens) -> int:
    """The points one query word earns in one field: its best match among the field's words (0: none)."""
    best = 0
    for token in tokens:
        level = match_level(word, token)
        if level is not None and weights[level] > best:
            best = weights[level]
    return best


def _score(total: int, words: int, tokens: int) -> int:
    """100..400 from the points the words earned: their mean, less 5 for each extra name word (at most 50)."""
    extra = tokens - words
    return 100 + (total * 10) // words - (min(extra * 5, 50) if extra > 0 else 0)


# --- the search ---------------------------------------------------------------------------------
#
# Plain SQL through ``source.rows(sql, params)`` (a ``Lookup`` on the search screen, or any unit of
# work): an exact lookup by case number or personal code takes SQLite a few tens of microseconds, and
# building and compiling an ORM statement would cost twenty times that. Each lookup is one statement
# that brings back everything its lines show (the person joined to their cases), so the officer's
# answer is one round trip. ``?`` placeholders; the store turns them into the driver's style.

_P = "p.id, p.surname, p.given_names, p.original_name, p.date_of_birth, p.citizenship, p.personal_code"
_C = "c.id, c.number, c.kind, c.status"

# a person with their cases: person columns 0..6, then the case's 7..10 (NULL when the person has none)
_PERSON_WITH_CASES = f"SELECT {_P}, {_C} FROM person p LEFT JOIN case_file c ON c.person_id = p.id"
_PERSON_BY_CODE = f"{_PERSON_WITH_CASES} WHERE p.personal_code = ?"
_PERSON_BY_DOCUMENT = (f"SELECT {_P}, {_C} FROM identity_document d JOIN person p ON p.id = d.person_id "
                       "LEFT JOIN case_file c ON c.person_id = p.id WHERE d.number_norm = ?")
_PERSONS_BY_CODE_RANGE = f"SELECT {_P} FROM person p WHERE p.personal_code BETWEEN ? AND ?"
_PERSONS_BORN = f"SELECT {_P} FROM person p WHERE p.date_of_birth = ? AND p.merged_into IS NULL"
_PN = _P + ", p.also_known_as"  # name candidates: column 7 is the names of persons merged into this one
_BORN = " AND p.date_of_birth = ?"
# a case with its person: person columns 0..6 as above, then the case's 7..10
_CASE_BY_NUMBER = f"SELECT {_P}, {_C} FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.number = ?"
_NAMES = {  # persons whose folded names match a full-text query, with their columns
    "sqlite": f"SELECT {_PN} FROM person p WHERE p.id IN "
              "(SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT ?)",
    "postgresql": f"SELECT {_PN} FROM person p WHERE p.id IN "
                  "(SELECT person_id FROM person_search WHERE names @@ to_tsquery('simple', ?) LIMIT ?)",
}
# PostgreSQL's surname passes ask the surname's own column (migration 0020); SQLite's query names the column
_NAMES_IN_SURNAME = {
    "sqlite": _NAMES["sqlite"],
    "postgresql": _NAMES["postgresql"].replace("WHERE names @@", "WHERE surname @@"),
}


_new_hit = tuple.__new__  # every field given in order: the class's own __new__ only adds keyword handling
_from_iso = date.fromisoformat


def _person_hit(row, score: int, reveal: bool) -> SearchHit:
    """A person's line; built for every row a name search shows (fifty as the officer types), so the date
    and the masked code are made here rather than by a call each."""
    pid, surname, given, original, born, citizenship, code = row[:7]
    if born.__class__ is str:  # SQLite hands a DATE back as its ISO text, PostgreSQL as a date
        born = _from_iso(born)
    masked = code[:6] + "-*****" if code and len(code) == 11 else mask_personal_code(code)  # stored: 11 digits
    return _new_hit(SearchHit, (_PERSON, pid, None, surname, given, original, born, citizenship, None,
                                None, score, masked, pid, code if reveal else None))


def _case_hit(row, score: int, reveal: bool) -> SearchHit:
    """A case's line: its person's (``_person_hit``: row columns 0..6) with the case's id, number, kind and
    status (7..10)."""
    person = _person_hit(row, score, reveal)
    return _new_hit(SearchHit, (_CASE_HIT, row[7], row[8], *person[3:8], row[9], row[10], *person[10:]))


def _with_born(sql: str, params: tuple, born: date | None) -> tuple[str, tuple]:
    return (sql + _BORN, params + (born,)) if born is not None else (sql, params)


def _newest_cases(rows, kinds) -> list:
    """The case half of person-with-cases rows, of the kinds the officer works on, newest first."""
    cases = {r[7]: r for r in rows if r[7] is not None and r[9] in kinds}
    return sorted(cases.values(), key=lambda r: r[7], reverse=True)


def _cases_by_number(source, part: CaseNumberPart, kinds, limit: int, born: date | None, counters):
    """Through the unique number, or the unique (kind, year, seq) index: kinds and years come from
    case_counter (tiny). Kinds are checked in Python where rows are chosen by number: a ``kind IN``
    next to it tempts the SQLite planner into the kind index, which is a scan at a million cases."""
    kinds = [k for k in kinds if part.kind in (None, k)]
    if not kinds:
        return []
    if part.exact:
        return _case_by_whole_number(source, part.exact, kinds, born)
    pairs = [(k, y) for k, y in counters if k in kinds and (part.year is None or str(y).startswith(part.year))]
    if not pairs:
        return []
    # One index range per (kind, year), each cut to ``limit`` newest, then the newest of all: a sparse
    # fragment ("000042") never makes the database walk the whole table in id order.
    seq, seq_params = "", ()
    if part.seq_low is not None:
        seq, seq_params = " AND seq BETWEEN ? AND ?", (part.seq_low, part.seq_high)
    branches, params = [], []
    for i, (k, y) in enumerate(pairs):
        branches.append(f"SELECT cid, y, s FROM (SELECT id AS cid, year AS y, seq AS s FROM case_file "
                        f"WHERE kind = ? AND year = ?{seq} ORDER BY seq DESC LIMIT ?) AS b{i}")
        params += [k, y, *seq_params, limit]
    sql = (f"SELECT {_P}, {_C} FROM (SELECT cid, y, s FROM ({' UNION ALL '.join(branches)}) AS u "
           "ORDER BY y DESC, s DESC LIMIT ?) AS n JOIN case_file c ON c.id = n.cid "
           "JOIN person p ON p.id = c.person_id")
    sql, params = _with_born(sql, (*params, limit), born)
    return source.rows(sql + " ORDER BY c.year DESC, c.seq DESC", params)


def _case_by_whole_number(source, number: str, kinds, born: date | None = None) -> list:
    """The case of a whole number (one row at most: the number is unique), if of the officer's kinds."""
    sql, params = _with_born(_CASE_BY_NUMBER, (number,), born)
    return [r for r in source.rows(sql, params) if r[9] in kinds]


def _counters(source, parts) -> list[tuple[str, int]]:
    """(kind, year) pairs that have numbered cases (case_counter is tiny); not needed for whole numbers."""
    if all(part.exact for part in parts):
        return []
    return [(k, y) for k, y in source.rows("SELECT kind, year FROM case_counter")]


def _fts_query(dialect: str, words: tuple[str, ...], prefix: bool, *, column: str | None = None,
               as_typed: bool = False) -> str:
    """Every word (as a whole word, or a prefix) or one of its Latvian forms (desk.names: the index
    holds the forms of every name): "ivanovs" is ``(ivanovs | ivanov)``; ``as_typed``: the words alone.
    ``column``: in that column of SQLite's index only (on PostgreSQL the column is the statement's:
    ``_NAMES_IN_SURNAME``)."""
    terms = []
    for w in words:
        forms = (w,) if as_typed else prefix_alternatives(w) if prefix else query_alternatives(w)
        if dialect == "postgresql":
            alts = [f"{f}:*" if prefix else f for f in forms]
            terms.append(alts[0] if len(alts) == 1 else "(" + " | ".join(alts) + ")")
        else:
            alts = [f'"{f}"*' if prefix else f'"{f}"' for f in forms]
            terms.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    query = (" & " if dialect == "postgresql" else " AND ").join(terms)
    return f"{{{column}}} : ({query})" if column is not None and dialect == "sqlite" else query


@lru_cache(maxsize=1 << 16)
def _name_tokens(name: str | None, folded: bool = False) -> tuple[str, ...]:
    """The words of a name in its Latvian spelling as well (Müller: muller miller; Фёдор: fedor fjodor), as
    ``_token_score`` takes them; ``folded``: with the words of its folded form too (``desk.text.fold``, as
    stored for a person's surname and given names: O'Brien is also "o brien"). A name recurs on many rows
    and is split once."""
    variants = name_variants(name)
    if not folded:
        return variants
    return tuple(dict.fromkeys((*fold(name).split(), *variants)))


@lru_cache(maxsize=1 << 17)
def _name_weight(word: str, field: int, name: str) -> tuple[int, int]:
    """``_field_weight`` of one stored name (a row's surname, given names, original name or aliases) and the
    number of its words: a name recurs on many rows and a word is asked again as the officer types, so each
    pair is worked out once."""
    tokens = _name_tokens(name, field < 2)
    return _field_weight(word, _BY_FIELD[field], tokens), len(tokens)


def _row_score(words: tuple[str, ...], row) -> int:
    """``name_score`` of a name candidate's row (``_PN``: surname 1, given names 2, original 3, aliases 7).
    Called for every row a name search shows, fifty as the officer types each letter: one cached call per
    word and field."""
    surname, given, original, alias = row[1], row[2], row[3], row[7]
    total = 0
    for word in words:
        best, surnames = _name_weight(word, 0, surname)
        weight, givens = _name_weight(word, 1, given)
        if weight > best:
            best = weight
        if best != _BEST:
            if original and (weight := _name_weight(word, 2, original)[0]) > best:
                best = weight
            if alias and (weight := _name_weight(word, 3, alias)[0]) > best:
                best = weight
        if not best:
            return 0
        total += best
    return _score(total, len(words), surnames + givens)


def _name_passes(dialect: str, words: tuple[str, ...]) -> list[tuple[str, bool]]:
    """The full-text queries a name search asks in turn, each as (query, in the surname only), in order of
    merit and each broader than the ones before it: whole words before prefixes, and a single word in the
    surname before anywhere - the surname outranks given names (_WEIGHTS); both indexes have a surname
    column (PostgreSQL's since migration 0020). The Latvian forms and keys of all of a person's names share
    one column (``forms``), so a form is asked for anywhere: "ivanovs" is the surname Ivanovs first, then
    (ivanovs | ivanov) in any name. Ranking the first ``limit`` rows the passes bring then gives what
    ranking many more would: a later pass adds rows that score lower."""
    def ask(prefix: bool, *, surname: bool = False, as_typed: bool = False) -> tuple[str, bool]:
        return _fts_query(dialect, words, prefix, column="surname" if surname else None, as_typed=as_typed), surname

    if len(words) != 1:  # two words are rarely both in the surname
        return [ask(False), ask(True)]
    if len(words[0]) <= SHORT_PREFIX:  # a few letters: a whole-word match is rare, found in one pass
        return [ask(False), ask(True, surname=True), ask(True)]
    return [ask(False, surname=True, as_typed=True), ask(False), ask(True, surname=True), ask(True)]


def _names(source, words: tuple[str, ...], limit: int, born: date | None):
    """Persons whose names match every word (as a word prefix), with their scores."""
    if born is not None:  # a date is the sharpest filter: the persons born that day, matched in Python
        rows = source.rows(_PERSONS_BORN.replace(_P, _PN, 1) + " LIMIT ?", (born, DOB_CANDIDATES))
    else:
        sql, in_surname = _NAMES[source.dialect], _NAMES_IN_SURNAME[source.dialect]
        # the passes are asked for the ``limit`` shown: each pass is narrower than the next (in merit
        # order), so the first ``limit`` rows found are the best
        rows: list = []
        seen: set = set()
        for query, surname_only in _name_passes(source.dialect, words):
            if len(rows) >= limit:
                break
            # every row found so far matches this broader pass too and may come back first: ask for
            # ``limit`` and keep the new ones
            for r in source.rows(in_surname if surname_only else sql, (query, limit)):
                if r[0] not in seen:
                    seen.add(r[0])
                    rows.append(r)
                    if len(rows) == limit:
                        break
    scored = []
    for row in rows:
        score = _row_score(words, row)
        if score:
            scored.append((score, row))
    return scored


def search(uow, actor: Actor, query: str, *, limit: int = 20, audit: bool = True,
           reveal_codes: bool = False) -> list[SearchHit]:
    """Persons and cases matching ``query`` that ``actor`` may see, best first, at most ``limit``.

    ``uow`` is a unit of work (its own unsaved changes are found) or, for a lookup that is not
    audited, a ``store.lookup()``. ``audit`` writes one "search" entry with the query text and the
    number of hits (``desk find`` audits at once; the screen records the query once typing settles,
    with ``record_lookup``). ``reveal_codes`` puts whole personal codes in the hits (``desk find
    --show-codes``); it is recorded in the same entry.
    """
    if audit and getattr(uow, "session", None) is None:
        raise TypeError("an audited search needs a unit of work, not a lookup")
    ensure_live(uow, actor)
    query = (query or "").strip()[:MAX_QUERY]
    limit = max(1, min(int(limit), MAX_LIMIT))
    hits = _whole_identifier(uow, actor, query, limit, reveal_codes) if query else []
    if hits is None:
        hits = _search(uow, actor, parse_query(query), limit, reveal_codes)
    if audit:
        _audit_search(uow, actor, query, hits, reveal_codes)
    return hits


def record_lookup(uow, actor: Actor, query: str, hits: list[SearchHit]) -> None:
    """Write the audited "search" entry for a lookup whose results were already shown (the search
    screen shows results as the officer types, then records the query once typing settles)."""
    ensure_live(uow, actor)
    _audit_search(uow, actor, query, hits, False)


def _mask_token(raw: str) -> str:
    token = raw.strip(",;").upper()
    if not token or _DATE.fullmatch(token):
        return raw
    m = _YEAR_SEQ.fullmatch(token)
    if m and m["year"].startswith("20"):
        return raw  # a case number without its prefix (2026-000123)
    m = _CASE.fullmatch(token)
    if m and m["prefix"] in _PREFIX_KIND:
        return raw  # a case number names a case, not a person
    m = _CODE_HYPHEN.fullmatch(token)
    if m:
        return f"{m['head']}-*****"  # a personal code (or its start): the birth-date half, as on paper
    if _DIGITS.fullmatch(token):
        if len(token) == 11:
            return mask_personal_code(token)
        return token if len(token) < 5 else mask_document_number(token)  # short: a case's sequence number
    document = normalize_document_number(token)
    if len(document) >= 5 and any(ch.isdigit() for ch in document):
        return mask_document_number(document)
    return raw  # a name word: the hits are persons by id; the query is the officer's own words


def mask_query(query: str) -> str:
    """What the trail keeps of a search: personal codes and document numbers masked (as the audit does
    everywhere, desk.services.audit.scrub), case numbers, dates and name words as typed."""
    return " ".join(_mask_token(raw) for raw in (query or "").split())


def _audit_search(uow, actor, query: str, hits, reveal_codes: bool) -> None:
    masked = mask_query(query)
    detail = {"query": masked, "hits": len(hits)}
    if masked != " ".join(query.split()):  # the same search gives the same tag: it can be found, not read
        detail["query_tag"] = keyed_hash("search.query", query.strip())
    if reveal_codes:
        detail["codes_shown"] = True
    audit.record(uow, actor, "search", **detail)


def _add_person_with_cases(source, sql: str, value: str, score: int, born, kinds, limit: int, reveal: bool,
                           add) -> None:
    """A person found by an exact identifier, and under them their newest cases the officer may see."""
    sql, params = _with_born(sql, (value,), born)
    rows = source.rows(sql, params)
    persons = dict(list({r[0]: r for r in rows}.items())[:limit])  # the first ``limit`` persons found
    for row in persons.values():
        add(_person_hit(row, score, reveal))
    shown: dict[int, int] = {}  # person id -> cases shown under them
    for row in _newest_cases(rows, kinds):
        if row[0] in persons and shown.get(row[0], 0) < CASES_PER_PERSON:
            shown[row[0]] = shown.get(row[0], 0) + 1
            add(_case_hit(row, score - 1, reveal))


def _whole_identifier(source, actor: Actor, query: str, limit: int, reveal: bool) -> list[SearchHit] | None:
    """The counter's commonest lookups - a whole case number, a personal code with its hyphen, a document
    number of letters and digits - answered by one statement without the general parsing; None for any
    other query.

    The answer is the general path's (a test holds the two to the same results): at the million-person
    scale the statement takes SQLite some 30 microseconds, and the general path's Python would
    otherwise cost twice that again."""
    if _WHOLE_CASE.fullmatch(query):
        number = query.upper()
        kind = _PREFIX_KIND.get(number[:3])
        if kind is None:
            return None
        kinds = actor.case_kinds
        if kind not in kinds:
            return []
        reveal = reveal and actor.can(Permission.VIEW_PERSONS)  # the number's parts are not needed
        return [_case_hit(row, SCORE_EXACT, reveal) for row in _case_by_whole_number(source, number, kinds)]
    if _WHOLE_CODE.fullmatch(query):
        sql, value, score = _PERSON_BY_CODE, query[:6] + query[7:], SCORE_EXACT
    elif _WHOLE_DOCUMENT.fullmatch(query):
        sql, value, score = _PERSON_BY_DOCUMENT, query.upper(), SCORE_DOCUMENT
    else:
        return None
    if not actor.can(Permission.VIEW_PERSONS):
        return []
    found: dict[tuple[str, int], SearchHit] = {}
    _add_person_with_cases(source, sql, value, score, None, actor.case_kinds, limit, reveal, _adder(found))
    return _ranked(found, limit)


def _person_order(scored_row) -> tuple:
    """A scored person row's place among persons: ``_ranked``'s order (best score, then by name, the
    newest record first)."""
    score, row = scored_row
    return -score, (row[1] or "").lower(), (row[2] or "").lower(), -row[0]


def _adder(found: dict):
    """add(hit): keep the best-scored hit per person or case."""
    def add(hit: SearchHit) -> None:
        key = (hit.kind, hit.id)
        if key not in found or found[key].score < hit.score:
            found[key] = hit
    return add


def _ranked(found: dict, limit: int) -> list[SearchHit]:
    """Best score first; then persons before cases, persons by name, cases newest first."""
    if len(found) < 2:
        return list(found.values())
    newest_first = sorted(found.values(), key=lambda h: (h.number or "", h.id), reverse=True)
    ranked = sorted(newest_first, key=lambda h: (-h.score, h.kind is not HitKind.PERSON,
                                                 (h.surname.lower(), h.given_names.lower()) if h.kind is HitKind.PERSON
                                                 else ("", "")))
    return ranked[:limit]


def _search(source, actor: Actor, parsed: ParsedQuery, limit: int, reveal: bool) -> list[SearchHit]:
    if parsed.empty:
        return []
    see_persons = actor.can(Permission.VIEW_PERSONS)
    kinds = frozenset(actor.case_kinds)
    if not see_persons and not kinds:  # administrators: officers, not case data
        return []
    reveal = reveal and see_persons
    born = parsed.born
    found: dict[tuple[str, int], SearchHit] = {}
    add = _adder(found)

    # personal codes and documents: the person and (under them) their cases, in one statement each
    if see_persons:
        for code in parsed.codes:
            _add_person_with_cases(source, _PERSON_BY_CODE, code, SCORE_EXACT, born, kinds, limit, reveal, add)
        for document in parsed.documents:
            _add_person_with_cases(source, _PERSON_BY_DOCUMENT, document, SCORE_DOCUMENT, born, kinds, limit,
                                   reveal, add)
        for prefix in parsed.code_prefixes:
            pad = 11 - len(prefix)
            sql, params = _with_born(_PERSONS_BY_CODE_RANGE, (prefix + "0" * pad, prefix + "9" * pad), born)
            for row in source.rows(sql + " LIMIT ?", params + (limit,)):
                add(_person_hit(row, SCORE_CODE_PREFIX, reveal))

    # case numbers
    if parsed.case_parts and kinds:
        counters = _counters(source, parsed.case_parts)
        for part in parsed.case_parts:
            score = SCORE_EXACT if part.exact else SCORE_CASE_PARTIAL
            for row in _cases_by_number(source, part, kinds, limit, born, counters):
                add(_case_hit(row, score, reveal))

    # names (and a date of birth alone)
    if see_persons and parsed.names:
        scored = _names(source, parsed.names, limit, born)
        # only the best ``limit`` become hits (in _ranked's order for persons): a short prefix brings back
        # many candidates, and the officer is shown ``limit`` of them
        if not found:  # names alone, the officer typing: ranked once, in _ranked's order for persons
            scored.sort(key=_person_order)
            return [_person_hit(row, score, reveal) for score, row in scored[:limit]]
        if len(scored) > limit:  # a date's candidates (DOB_CANDIDATES)
            scored.sort(key=_person_order)
        for score, row in scored[:limit]:
            add(_person_hit(row, score, reveal))
    elif see_persons and born is not None and not (parsed.codes or parsed.code_prefixes or parsed.documents
                                                    or parsed.case_parts):
        for row in source.rows(_PERSONS_BORN + " LIMIT ?", (born, limit)):
            add(_person_hit(row, SCORE_DATE_ONLY, reveal))

    return _ranked(found, limit)


def find_case_numbers(source, actor: Actor, fragment: str, *, limit: int = 10) -> list[SearchHit]:
    """Cases whose number matches ``fragment`` (the command palette); not audited (numbers only),
    the case opened from the palette is audited by the case screen. ``source``: a unit of work or
    a ``store.lookup()``."""
    ensure_live(source, actor)
    parsed = parse_query(fragment)
    kinds = frozenset(actor.case_kinds)
    if not parsed.case_parts or not kinds:
        return []
    counters = _counters(source, parsed.case_parts)
    found: dict[int, SearchHit] = {}
    for part in parsed.case_parts:
        for row in _cases_by_number(source, part, kinds, limit, None, counters):
            hit = _case_hit(row, SCORE_EXACT if part.exact else SCORE_CASE_PARTIAL, False)
            found.setdefault(hit.id, hit)
    return sorted(found.values(), key=lambda h: (-h.score, h.number))[:limit]


# --- maintenance --------------------------------------------------------------------------------

def _migration():
    """The newest migration of the index holds its SQL (triggers and rebuild share one definition): 0008's
    on SQLite, 0020's on PostgreSQL."""
    return importlib.import_module("desk.migrations.versions.0020_surname_index")


def rebuild_index(uow) -> int:
    """Rebuild the name index from the person table (``desk reindex``); returns the persons indexed.

    The folding table is refreshed from anyascii first and every person's name forms are computed
    again (desk.names), so an upgraded anyascii or new name rules take effect."""
    session = uow.session
    session.flush()
    m = _migration()
    m.fill_name_forms(session.connection())
    session.execute(text("DELETE FROM fold_char"))
    session.execute(text("INSERT INTO fold_char (ch, latin) VALUES (:ch, :latin)"), m.fold_rows())
    if uow.dialect == "postgresql":
        session.execute(text("DELETE FROM person_search"))
        session.execute(text(m.PG_REBUILD))
        return session.execute(text("SELECT count(*) FROM person_search")).scalar_one()
    session.execute(text("DELETE FROM person_fts"))
    session.execute(text(m.SQLITE_REBUILD))
    return session.execute(text("SELECT count(*) FROM person_fts")).scalar_one()
