"""Persons' names as Latvia writes them (pure; no database).

In a Latvian document a foreign name is written in its Latvian form: Шевченко is Ševčenko, Иванов is
Ivanovs, Müller is Millers, and Ivanova's husband is Ivanovs. ``fold`` (desk.text) already makes case,
diacritics and script equal ("Bērziņš" = "berzins"); this module adds the *forms* of a name that an
officer may type for the same person, so that every spelling of one name meets in the same keys:

* ``latvian_transliteration``: Cyrillic written the Latvian way (ш→š, ч→č, ж→ž, х→h, ц→c, й→j, я→ja,
  ю→ju, щ→šč, ё→jo, ы→i, ь and ъ left out; е→je at the start of a word or after a vowel), the rules of
  the Cabinet of Ministers Regulation No. 114 of 2 March 2004 on writing foreign personal names in
  Latvian (Annex: Russian, Ukrainian, Belarusian letters).
* ``spelling_key``: one key for the spellings of one sound - English/ICAO transliteration (shch, sh, ch,
  zh, kh, ts, ya, yu, iy), German (sch, tsch, tz, w, ü→i), Polish (sz, cz, rz), Latvian (š, č, ž, j),
  double letters ("Millers" = "Milers", "Anna" = "Ana"), x = ks, ph = f, th = t, ck = k.
* ``masculine_stem``: the key without a Latvian masculine ending added to a foreign name (-s, -š, -is,
  -us: Ivanovs ↔ Ivanov, Boriss ↔ Boris, Jurijs ↔ Yuriy, Dostojevskis ↔ Dostoevskiy).
* ``family_stem``: the masculine stem without a feminine ending (-a, -e, -aja): Ivanova ↔ Ivanovs,
  Bērziņa ↔ Bērziņš, Dzene ↔ Dzenis - relatives, not the same person.

``name_forms`` is the text stored with each person (person.name_forms) and indexed by the search index
next to the folded names, so no query scans the table. ``match_level`` says how a query word matches a
name word, for ranking: exact matches first, then spellings, Latvian forms, prefixes, family.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Cabinet of Ministers Regulation No. 114 (2 March 2004), Annex 2 (Russian, Ukrainian, Belarusian):
# the Latvian letters for Cyrillic ones. е/є/ё/ю/я/ї get a j at the start of a word and after a vowel
# (or after ь/ъ), handled in latvian_transliteration.
_CYRILLIC_LV = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo", "є": "je", "ж": "ž",
    "з": "z", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č",
    "ш": "š", "щ": "šč", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}
_IOTATED = {"е": "je"}  # at the start of a word or after a vowel (Евгений -> Jevgēņijs, Елена -> Jeļena)
_CYR_VOWELS = set("аеёєиіїоуўыэюя")
_APOSTROPHES = "'’ʼ`´ʹ"

# Letters Latvian writes differently from their base letter (Müller -> Millers, Schröder -> Šrēders).
_LATIN_LV = str.maketrans({"ü": "i", "Ü": "i", "ö": "e", "Ö": "e", "ä": "e", "Ä": "e", "ß": "ss"})

_NON_LETTER = re.compile(r"[^a-z]+")
_VOWELS = "aeiou"

# Spellings of one sound, applied in this order (longest first) to the folded word.
_DIGRAPHS = (
    ("shch", "sc"), ("tsch", "c"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "z"), ("kh", "h"),
    ("tz", "c"), ("cz", "c"), ("sz", "s"), ("ph", "f"), ("th", "t"), ("ck", "k"),
    ("dt", "t"), ("x", "ks"), ("q", "k"), ("w", "v"),
)
_TS = re.compile(r"ts(?!$)")
_HUSHING_E = re.compile(r"(?<=[csz])e(?=v(?:s|a|)$)")
_MASCULINE_ENDINGS = ("is", "us", "s")  # Latvian endings added to a foreign masculine name
_FEMININE_ENDINGS = ("aja", "a", "e")   # feminine forms of one family name (Ivanova, Bērziņa, Dzene, -skaja)
MIN_STEM = 3                            # an ending is taken off only when this much of the word is left


def latvian_transliteration(text: str | None) -> str:
    """Cyrillic letters in their Latvian spelling (Шевченко -> Ševčenko); other letters unchanged."""
    if not text:
        return ""
    out: list[str] = []
    previous = ""
    for ch in unicodedata.normalize("NFC", text):
        low = ch.lower()
        lv = _CYRILLIC_LV.get(low)
        if lv is None:
            out.append(ch)
        else:
            if low == "ё" and previous in "жчшщ":
                lv = "o"                                   # Хрущёв -> Hruščovs, Горбачёв -> Gorbačovs
            elif low in _IOTATED and (not previous.isalpha() or previous in _CYR_VOWELS or previous in "ьъ"):
                lv = _IOTATED[low]
            out.append(lv.capitalize() if ch != low and lv else lv)
        previous = low
    return "".join(out)


def name_words(text: str | None) -> list[str]:
    """The words of a name, folded to lower-case ASCII letters (apostrophes join, as in Ol'ga = Olga)."""
    if not text:
        return []
    latin = anyascii(unicodedata.normalize("NFKC", text))
    for mark in _APOSTROPHES:
        latin = latin.replace(mark, "")
    return [w for w in _NON_LETTER.sub(" ", latin.lower()).split() if w]


@lru_cache(maxsize=65536)
def name_variants(text: str | None) -> tuple[str, ...]:
    """The words of a name as written, plus (if different) in its Latvian spelling: anyascii's and the
    Regulation's transliterations of Cyrillic differ (Фёдор: fedor / fjodor)."""
    if not text:
        return ()
    words = name_words(text)
    latvian = name_words(latvian_transliteration(text).translate(_LATIN_LV))
    return tuple(dict.fromkeys(words + latvian))


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """One key for the spellings of one folded word (lower-case ASCII letters)."""
    w = word
    for old, new in _DIGRAPHS:
        if old in w:
            w = w.replace(old, new)
    w = _TS.sub("c", w)                # Kuznetsov = Kuzņecovs; not a final -ts (Šmits, Roberts: -t + -s)
    w = _y_and_j(w)
    w = re.sub(r"(.)\1+", r"\1", w)  # double letters: Millers = Milers
    w = _HUSHING_E.sub("o", w)          # ё after ж/ч/ш/щ: Khrushchev, Hruščovs; Gorbachev, Gorbačovs
    return w


def _y_and_j(w: str) -> str:
    """y, j and i between letters, which transliterations spell differently (Yuliya, Iuliia, Jūlija;
    Natal'ya, Natalia, Natālija; Sergey, Sergei, Sergejs; Rybakov, Ribakovs; Dmitriy, Dmitrii, Dmitrijs)."""
    if not w:
        return w
    if w[0] in "yi" and w[1:2] in ("a", "e", "o", "u"):
        w = "j" + w[1:]                                   # Yuri, Iurii -> juri
    if w[:2] == "je":
        w = "e" + w[2:]                                   # Jeļena, Yelena -> elena
    w = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "j", w)       # Maya -> maja
    w = re.sub(r"(?<=[aeou])[yi]$", "j", w)               # Sergey, Sergei -> sergej; Nikolai -> nikolaj
    w = re.sub(r"i[yij]$", "i", w)                        # Dmitriy, Dmitrii, Dmitrij -> dmitri
    w = re.sub(r"(?<=[^aeiouj])[yj](?=[aeiou])", "i", w)  # Natalya, Natalja -> natalia
    w = re.sub(r"i[yij](?=[aeiou])", "i", w)              # Marija, Mariya, Mariia -> maria
    w = re.sub(r"(?<=[aeiou])je", "e", w)                 # Dostojevskis -> dostoevskis
    w = w.replace("y", "i")                               # Rybakov -> ribakov
    return w


@lru_cache(maxsize=65536)
def masculine_stem(word: str) -> str:
    """The spelling key without a Latvian masculine ending (Ivanovs -> ivanov, Jurijs -> juri)."""
    key = spelling_key(word)
    for ending in _MASCULINE_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= MIN_STEM:
            stem = key[:-len(ending)]
            return _y_and_j(stem) if stem.endswith(("ij", "ii")) else stem
    if key.endswith("ski") and len(key) > MIN_STEM + 3:
        return key[:-1]                                   # Dostoevskiy -> dostoevsk (Dostojevskis)
    return key


@lru_cache(maxsize=65536)
def family_stem(word: str) -> str:
    """The masculine stem without a feminine ending: one key for a family (Ivanova, Ivanovs, Ivanov)."""
    stem = masculine_stem(word)
    for ending in _FEMININE_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_STEM:
            return stem[:-len(ending)]
    return stem


def word_forms(word: str) -> tuple[str, ...]:
    """The keys of one folded word that the index holds besides the word itself."""
    forms = dict.fromkeys((spelling_key(word), masculine_stem(word), family_stem(word)))
    forms.pop(word, None)
    return tuple(forms)


def name_forms(*names: str | None) -> str:
    """The text indexed for a person besides their folded names: every word of every name given (the
    surname, given names, the name in its own script, names the person was merged from) in its
    folded and Latvian spellings and its keys. Space-separated, each word once."""
    out: dict[str, None] = {}
    for name in names:
        for word in name_variants(name):
            out[word] = None
            for form in word_forms(word):
                out[form] = None
    return " ".join(out)


# --- how a query word matches a name word ------------------------------------------------------------

EXACT, SPELLING, FORM, PREFIX, FAMILY, KEY_PREFIX = "exact", "spelling", "form", "prefix", "family", "key_prefix"
LEVELS = (EXACT, SPELLING, FORM, PREFIX, FAMILY, KEY_PREFIX)  # best first


@lru_cache(maxsize=1 << 17)
def match_level(word: str, token: str) -> str | None:
    """How query word ``word`` matches name word ``token`` (both folded), best first; None if not at all.

    exact: the same word; spelling: another transliteration or spelling (Ševčenko / Shevchenko);
    form: a Latvian masculine ending (Ivanovs / Ivanov); prefix: the start of the word; family: the
    feminine or masculine form of one family name (Ivanova / Ivanovs); key_prefix: the start of another
    spelling (Ševč / Shevchenko)."""
    if token == word:
        return EXACT
    if len(word) < MIN_STEM:
        return PREFIX if token.startswith(word) else None
    key, token_key = spelling_key(word), spelling_key(token)
    if key == token_key:
        return SPELLING
    if masculine_stem(word) == masculine_stem(token):
        return FORM
    if token.startswith(word):
        return PREFIX
    if family_stem(word) == family_stem(token):
        return FAMILY
    if token_key.startswith(key):
        return KEY_PREFIX
    return None


def query_alternatives(word: str) -> tuple[str, ...]:
    """The index tokens a whole query word may meet: itself and its keys (the index holds the keys)."""
    if len(word) < MIN_STEM:
        return (word,)
    return tuple(dict.fromkeys((word, spelling_key(word), masculine_stem(word), family_stem(word))))


def prefix_alternatives(word: str) -> tuple[str, ...]:
    """The index prefixes a query word typed in part may start: itself and its spelling key."""
    if len(word) < MIN_STEM:
        return (word,)
    return tuple(dict.fromkeys((word, spelling_key(word))))
