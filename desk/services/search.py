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
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

from sqlalchemy import text
from sqlmodel import select

from desk.errors import ValidationError
from desk.services import audit
from desk.services.auth import Actor, Permission
from desk.text import (fold, mask_personal_code, normalize_document_number, parse_date)
from models import Case, CaseCounter, CaseKind, IdentityDocument, Person

MAX_QUERY = 200          # characters of a query that are looked at (and audited)
MAX_LIMIT = 200
NAME_CANDIDATES = 4      # candidates fetched per result row wanted, before ranking names in Python
DOB_CANDIDATES = 2000    # persons born on one day looked at when a date narrows a name search
CASES_PER_PERSON = 10    # cases shown under a person found by an exact identifier

SCORE_EXACT = 1000
SCORE_DOCUMENT = 990
SCORE_CODE_PREFIX = 700
SCORE_CASE_PARTIAL = 600
SCORE_DATE_ONLY = 50

_PREFIX_KIND = {k.prefix: k.value for k in CaseKind}
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}\.?|\d{4}-\d{1,2}-\d{1,2}")
_CASE = re.compile(r"(?P<prefix>[A-Z]{3})-(?:(?P<year>\d{1,4})(?:-(?P<seq>\d{0,6}))?)?")
_YEAR_SEQ = re.compile(r"(?P<year>\d{4})-(?P<seq>\d{1,6})")
_CODE_HYPHEN = re.compile(r"(?P<head>\d{6})-(?P<tail>\d{0,5})")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class SearchHit:
    """One line of the results: a person, or a case with its person's name."""

    kind: str                    # "case" | "person"
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
        names.extend(w for w in fold(raw).split() if w.isalpha())
    whole = normalize_document_number((query or "")[:MAX_QUERY])  # "C 1234-567": typed with spaces
    if 1 < len((query or "").split()) <= 4 and 5 <= len(whole) <= 30 and any(ch.isdigit() for ch in whole):
        documents.append(whole)
    return ParsedQuery(tuple(dict.fromkeys(names)), born, tuple(codes), tuple(prefixes), tuple(documents),
                       tuple(parts))


# --- ranking of names ---------------------------------------------------------------------------

_WEIGHTS = {  # (field, exact word?) -> points for one query word
    ("surname", True): 30, ("surname", False): 20,
    ("given", True): 25, ("given", False): 15,
    ("original", True): 22, ("original", False): 12,
}


def name_score(words: tuple[str, ...], surname: str, given: str, original: str) -> int:
    """How well the query words match a person's folded names: 0 if any word matches nothing,
    else 100..400 (whole words beat prefixes, the surname beats given names, fewer extra words win)."""
    fields = {"surname": surname.split(), "given": given.split(), "original": original.split()}
    total = 0
    for word in words:
        best = 0
        for field, tokens in fields.items():
            for token in tokens:
                if token == word:
                    best = max(best, _WEIGHTS[(field, True)])
                elif token.startswith(word):
                    best = max(best, _WEIGHTS[(field, False)])
        if not best:
            return 0
        total += best
    extra = max(0, len(fields["surname"]) + len(fields["given"]) - len(words))
    return 100 + (total * 10) // len(words) - min(extra * 5, 50)


# --- the search ---------------------------------------------------------------------------------

def _is_postgres(uow) -> bool:
    return uow.session.get_bind().dialect.name == "postgresql"


_PERSON_COLUMNS = (Person.id, Person.surname, Person.given_names, Person.original_name, Person.date_of_birth,
                   Person.citizenship, Person.personal_code, Person.surname_folded, Person.given_folded)


def _person_hit(row, score: int, reveal: bool) -> SearchHit:
    return SearchHit("person", row.id, None, row.surname, row.given_names, row.original_name, row.date_of_birth,
                     row.citizenship, None, None, score, mask_personal_code(row.personal_code), row.id,
                     row.personal_code if reveal else None)


def _case_hit(row, score: int, reveal: bool) -> SearchHit:
    return SearchHit("case", row.case_id, row.number, row.surname, row.given_names, row.original_name,
                     row.date_of_birth, row.citizenship, row.kind, row.status, score,
                     mask_personal_code(row.personal_code), row.person_id, row.personal_code if reveal else None)


def _persons_by(uow, condition, limit: int, born: date | None):
    q = select(*_PERSON_COLUMNS).where(condition)
    if born is not None:
        q = q.where(Person.date_of_birth == born)
    return uow.session.execute(q.limit(limit)).all()


@lru_cache(maxsize=64)
def _case_query_for(kinds: tuple[str, ...] | None):
    q = (select(Case.id.label("case_id"), Case.number, Case.kind, Case.status, Case.person_id,
                Person.surname, Person.given_names, Person.original_name, Person.date_of_birth,
                Person.citizenship, Person.personal_code)
         .join(Person, Person.id == Case.person_id))
    return q if kinds is None else q.where(Case.kind.in_(kinds))


def _case_query(kinds=None):
    """The case-with-person select, for these kinds if given (built once per set: it is immutable).

    Where rows are chosen by id or person, the kinds are checked in Python instead: a ``kind IN (...)``
    next to them tempts the SQLite planner into the kind index, which is a scan at a million cases."""
    return _case_query_for(None if kinds is None else tuple(sorted(kinds)))


def _cases_of_persons(uow, person_ids, kinds, limit: int):
    if not person_ids or not kinds:
        return []
    rows = uow.session.execute(_case_query().where(Case.person_id.in_(person_ids))).all()
    return sorted((r for r in rows if r.kind in kinds), key=lambda r: r.case_id, reverse=True)[:limit]


def _cases_by_number(uow, part: CaseNumberPart, kinds, limit: int, born: date | None, counters):
    """Through the unique (kind, year, seq) index: kinds and years come from case_counter (tiny)."""
    kinds = [k for k in kinds if part.kind in (None, k)]
    if not kinds:
        return []
    q = _case_query(kinds)
    if part.exact:
        q = q.where(Case.number == part.exact)
    else:
        pairs = [(k, y) for k, y in counters if k in kinds
                 and (part.year is None or str(y).startswith(part.year))]
        if not pairs:
            return []
        # One index range per (kind, year), each cut to ``limit`` newest, then the newest of all: a sparse
        # fragment ("000042") never makes the database walk the whole table in id order. Plain SQL: the
        # statement has one branch per pair, and building it with the expression language costs more
        # than running it.
        params: dict = {"n": limit}
        seq = ""
        if part.seq_low is not None:
            seq = " AND seq BETWEEN :lo AND :hi"
            params.update(lo=part.seq_low, hi=part.seq_high)
        branches = []
        for i, (k, y) in enumerate(pairs):
            params[f"k{i}"], params[f"y{i}"] = k, y
            branches.append(f"SELECT cid, y, s FROM (SELECT id AS cid, year AS y, seq AS s FROM case_file "
                            f"WHERE kind = :k{i} AND year = :y{i}{seq} ORDER BY seq DESC LIMIT :n) AS b{i}")
        sql = f"SELECT cid FROM ({' UNION ALL '.join(branches)}) AS u ORDER BY y DESC, s DESC LIMIT :n"
        ids = [r[0] for r in uow.session.execute(text(sql), params)]
        if not ids:
            return []
        q = _case_query().where(Case.id.in_(ids))
    if born is not None:
        q = q.where(Person.date_of_birth == born)
    return uow.session.execute(q.order_by(Case.year.desc(), Case.seq.desc()).limit(limit)).all()


def _counters(uow, parts) -> list[tuple[str, int]]:
    """(kind, year) pairs that have numbered cases (case_counter is tiny); not needed for whole numbers."""
    if all(part.exact for part in parts):
        return []
    return [(k, y) for k, y in uow.session.execute(select(CaseCounter.kind, CaseCounter.year)).all()]


def _fts_ids(uow, words: tuple[str, ...], prefix: bool, limit: int) -> list[int]:
    if _is_postgres(uow):
        tsq = " & ".join(f"{w}:*" if prefix else w for w in words)
        sql = "SELECT person_id FROM person_search WHERE names @@ to_tsquery('simple', :q) LIMIT :n"
    else:
        tsq = " AND ".join(f'"{w}"*' if prefix else f'"{w}"' for w in words)
        sql = "SELECT rowid FROM person_fts WHERE person_fts MATCH :q LIMIT :n"
    return [r[0] for r in uow.session.execute(text(sql), {"q": tsq, "n": limit})]


def _names(uow, words: tuple[str, ...], limit: int, born: date | None):
    """Persons whose names match every word (as a word prefix), best first, with their scores."""
    if born is not None:  # a date is the sharpest filter: the persons born that day, matched in Python
        rows = _persons_by(uow, Person.date_of_birth == born, DOB_CANDIDATES, None)
    else:
        want = limit * NAME_CANDIDATES
        ids = _fts_ids(uow, words, prefix=False, limit=want)  # whole words first ...
        if len(ids) < want:  # ... then prefixes
            ids += [i for i in _fts_ids(uow, words, prefix=True, limit=want) if i not in set(ids)]
        rows = _persons_by(uow, Person.id.in_(ids[:want]), want, None) if ids else []
    scored = []
    for row in rows:
        score = name_score(words, row.surname_folded, row.given_folded, fold(row.original_name))
        if score:
            scored.append((score, row))
    return scored


def search(uow, actor: Actor, query: str, *, limit: int = 20, audit: bool = True,
           reveal_codes: bool = False) -> list[SearchHit]:
    """Persons and cases matching ``query`` that ``actor`` may see, best first, at most ``limit``.

    ``audit`` writes one "search" entry with the query text and the number of hits (the screen and
    ``desk find`` always audit). ``reveal_codes`` puts whole personal codes in the hits (``desk find
    --show-codes``); it is recorded in the same entry.
    """
    query = (query or "").strip()[:MAX_QUERY]
    limit = max(1, min(int(limit), MAX_LIMIT))
    uow.session.flush()  # the caller's unsaved changes are searchable in its own transaction
    hits = _search(uow, actor, parse_query(query), limit, reveal_codes) if query else []
    if audit:
        _audit_search(uow, actor, query, hits, reveal_codes)
    return hits


def record_lookup(uow, actor: Actor, query: str, hits: list[SearchHit]) -> None:
    """Write the audited "search" entry for a lookup whose results were already shown (the search
    screen shows results as the officer types, then records the query once typing settles)."""
    _audit_search(uow, actor, query, hits, False)


def _audit_search(uow, actor, query: str, hits, reveal_codes: bool) -> None:
    detail = {"query": query, "hits": len(hits)}
    if reveal_codes:
        detail["codes_shown"] = True
    audit.record(uow, actor, "search", **detail)


def _search(uow, actor: Actor, parsed: ParsedQuery, limit: int, reveal: bool) -> list[SearchHit]:
    if parsed.empty:
        return []
    see_persons = actor.can(Permission.VIEW_PERSONS)
    kinds = frozenset(actor.case_kinds)
    if not see_persons and not kinds:  # administrators: officers, not case data
        return []
    reveal = reveal and see_persons
    born = parsed.born
    found: dict[tuple[str, int], SearchHit] = {}

    def add(hit: SearchHit) -> None:
        key = (hit.kind, hit.id)
        if key not in found or found[key].score < hit.score:
            found[key] = hit

    # personal codes and documents: the person and (under them) their cases
    if see_persons:
        exact_people: dict[int, int] = {}
        for code in parsed.codes:
            for row in _persons_by(uow, Person.personal_code == code, limit, born):
                add(_person_hit(row, SCORE_EXACT, reveal))
                exact_people[row.id] = SCORE_EXACT
        for prefix in parsed.code_prefixes:
            pad = 11 - len(prefix)
            cond = Person.personal_code.between(prefix + "0" * pad, prefix + "9" * pad)
            for row in _persons_by(uow, cond, limit, born):
                add(_person_hit(row, SCORE_CODE_PREFIX, reveal))
        if parsed.documents:
            owners = select(IdentityDocument.person_id).where(
                IdentityDocument.number_norm.in_(parsed.documents))
            for row in _persons_by(uow, Person.id.in_(owners), limit, born):
                add(_person_hit(row, SCORE_DOCUMENT, reveal))
                exact_people.setdefault(row.id, SCORE_DOCUMENT)
        for row in _cases_of_persons(uow, list(exact_people), kinds, CASES_PER_PERSON * len(exact_people)):
            add(_case_hit(row, exact_people[row.person_id] - 1, reveal))

    # case numbers
    if parsed.case_parts and kinds:
        counters = _counters(uow, parsed.case_parts)
        for part in parsed.case_parts:
            score = SCORE_EXACT if part.exact else SCORE_CASE_PARTIAL
            for row in _cases_by_number(uow, part, kinds, limit, born, counters):
                add(_case_hit(row, score, reveal))

    # names (and a date of birth alone)
    if see_persons and parsed.names:
        for score, row in _names(uow, parsed.names, limit, born):
            add(_person_hit(row, score, reveal))
    elif see_persons and born is not None and not (parsed.codes or parsed.code_prefixes or parsed.documents
                                                    or parsed.case_parts):
        for row in _persons_by(uow, Person.date_of_birth == born, limit, None):
            add(_person_hit(row, SCORE_DATE_ONLY, reveal))

    newest_first = sorted(found.values(), key=lambda h: (h.number or "", h.id), reverse=True)
    ranked = sorted(newest_first, key=lambda h: (-h.score, h.kind != "person",
                                                 (h.surname.lower(), h.given_names.lower()) if h.kind == "person"
                                                 else ("", "")))
    return ranked[:limit]


def find_case_numbers(uow, actor: Actor, fragment: str, *, limit: int = 10) -> list[SearchHit]:
    """Cases whose number matches ``fragment`` (the command palette); not audited (numbers only),
    the case opened from the palette is audited by the case screen."""
    parsed = parse_query(fragment)
    kinds = frozenset(actor.case_kinds)
    if not parsed.case_parts or not kinds:
        return []
    counters = _counters(uow, parsed.case_parts)
    found: dict[int, SearchHit] = {}
    for part in parsed.case_parts:
        for row in _cases_by_number(uow, part, kinds, limit, None, counters):
            hit = _case_hit(row, SCORE_EXACT if part.exact else SCORE_CASE_PARTIAL, False)
            found.setdefault(hit.id, hit)
    return sorted(found.values(), key=lambda h: (-h.score, h.number))[:limit]


# --- maintenance --------------------------------------------------------------------------------

def _migration():
    """The 0002 migration holds the index's SQL (triggers and rebuild share one definition)."""
    return importlib.import_module("desk.migrations.versions.0002_search_index")


def rebuild_index(uow) -> int:
    """Rebuild the name index from the person table (``desk reindex``); returns the persons indexed.

    The folding table is refreshed from anyascii first, so an upgraded anyascii takes effect."""
    session = uow.session
    session.flush()
    m = _migration()
    session.execute(text("DELETE FROM fold_char"))
    session.execute(text("INSERT INTO fold_char (ch, latin) VALUES (:ch, :latin)"), m.fold_rows())
    if _is_postgres(uow):
        session.execute(text("DELETE FROM person_search"))
        session.execute(text(m.PG_REBUILD))
        return session.execute(text("SELECT count(*) FROM person_search")).scalar_one()
    session.execute(text("DELETE FROM person_fts"))
    session.execute(text(m.SQLITE_REBUILD))
    return session.execute(text("SELECT count(*) FROM person_fts")).scalar_one()
