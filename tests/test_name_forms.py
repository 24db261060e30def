"""Persons' names as Latvia writes them (issue 19): the name-form rules of desk.names, one row per pair
naming the rule it exercises, and the same pairs through the search on SQLite and PostgreSQL (the index
holds the forms; the query is never a scan)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from desk.names import (EXACT, FAMILY, FORM, LEVELS, PREFIX, SPELLING, latvian_transliteration, match_level,
                        name_forms, name_variants, name_words)
from desk.services.search import rebuild_index, search
from desk.text import fold
from models import Person

# (typed by the officer, registered as, rule exercised, best level expected)
PAIRS = [
    # Latvian transliteration of Cyrillic (Cabinet Regulation No. 114, Annex 2)
    ("Ševčenko", "Шевченко", "ш→š, ч→č", EXACT),
    ("Ševčenko", "Shevchenko", "sh/ch = š/č", SPELLING),
    ("Žukovs", "Жуков", "ж→ž, masculine -s", FORM),
    ("Zhukov", "Žukovs", "zh = ž, masculine -s", FORM),
    ("Hruščovs", "Хрущёв", "х→h, щ→šč, ё after щ→o", FORM),
    ("Hruščovs", "Khrushchev", "kh = h, shch = šč, -chev = -čovs", FORM),
    ("Cvetajeva", "Цветаева", "ц→c, е after a vowel→je", EXACT),
    ("Tsvetaeva", "Cvetajeva", "ts = c", SPELLING),
    ("Jurijs", "Юрий", "ю→ju, й→j, masculine -s", FORM),
    ("Jurijs", "Iurii", "ICAO iu/ii = ju/ij", FORM),
    ("Jurijs", "Yuriy", "yu/iy = ju/ij", FORM),
    ("Tatjana", "Татьяна", "ь left out, я→ja", EXACT),
    ("Tatjana", "Tatiana", "ja = ia", SPELLING),
    ("Natālija", "Наталья", "ья → ija, diacritics", SPELLING),
    ("Natālija", "Natalia", "ija = ia, ā = a", SPELLING),
    ("Jeļena", "Елена", "е at the start→je, ļ = l", EXACT),
    ("Jeļena", "Yelena", "ye = je", SPELLING),
    ("Jeļena", "Elena", "je = e at the start", SPELLING),
    ("Jevgeņijs", "Евгений", "е→je, ий→ijs", FORM),
    ("Olga", "Ольга", "ь left out (anyascii writes Ol'ga)", EXACT),
    ("Fjodorovs", "Фёдоров", "ё→jo, masculine -s", FORM),
    ("Ribakovs", "Рыбаков", "ы→i", FORM),
    ("Ščerbakovs", "Щербаков", "щ→šč", FORM),
    ("Kuzņecovs", "Kuznetsov", "ts = c, ņ = n", FORM),
    ("Zaicevs", "Zaitsev", "ts = c", FORM),
    ("Sergejs", "Sergei", "ei = ej, masculine -s", FORM),
    ("Sergejs", "Сергей", "ей→ej", FORM),
    ("Aleksejs", "Alexey", "x = ks, ey = ej", FORM),
    ("Nikolajs", "Nikolai", "ai = aj", FORM),
    ("Mihails", "Михаил", "х→h", FORM),
    ("Marija", "Mariia", "ija = iia", SPELLING),
    ("Jūlija", "Юлия", "ю→ju, ия→ija", EXACT),
    ("Anastasija", "Anastasiia", "ija = iia", SPELLING),
    ("Kovaļčuks", "Kovalchuk", "ch = č, ļ = l, masculine -s", FORM),
    # Latvian masculine endings added to a foreign name
    ("Ivanovs", "Ivanov", "masculine -s", FORM),
    ("Ivanovs", "Иванов", "masculine -s, Cyrillic", FORM),
    ("Aleksandrs", "Aleksandr", "masculine -s", FORM),
    ("Oļegs", "Олег", "masculine -s, ļ = l", FORM),
    ("Boriss", "Boris", "masculine -s after s (double letter)", SPELLING),
    ("Roberts", "Robert", "masculine -s after t (not ts = c)", FORM),
    ("Markuss", "Markus", "-us kept, double s", SPELLING),
    ("Dostojevskis", "Dostoevskiy", "masculine -is for -iy, oje = oe", FORM),
    ("Šahins", "Şahin", "masculine -s, ş = š", FORM),
    # German, Polish and other Latin spellings
    ("Millers", "Müller", "ü→i, double letters, masculine -s", FORM),
    ("Šmits", "Schmidt", "sch = š, dt = t, masculine -s", FORM),
    ("Šulcs", "Schultz", "sch = š, tz = c", FORM),
    ("Anna", "Ana", "double letters", SPELLING),
    ("Bērziņš", "BERZINS", "diacritics and case", EXACT),
    # family names: feminine and masculine forms (relatives, ranked after the person's own forms)
    ("Ivanova", "Ivanovs", "feminine -a of a masculine -s", FAMILY),
    ("Ivanovs", "Ivanova", "masculine -s of a feminine -a", FAMILY),
    ("Bērziņa", "Bērziņš", "feminine -a of -š", FAMILY),
    ("Ozola", "Ozols", "feminine -a of -s", FAMILY),
    ("Dzene", "Dzenis", "feminine -e of -is", FAMILY),
    ("Kowalska", "Kowalski", "Polish feminine -ska", FAMILY),
    ("Ševč", "Shevchenko", "a prefix in Latvian spelling", "key_prefix"),
]

# pairs that are different names and must not meet
APART = [
    ("Ivanovs", "Petrovs", "different names"),
    ("Bērziņš", "Kalniņš", "different names, same ending"),
    ("Olga", "Olgerts", "different names, same start"),
]


def _best(typed: str, registered: str) -> str | None:
    words = name_words(typed)
    tokens = name_variants(registered)
    levels = {match_level(words[0], t) for t in tokens} - {None}
    return next((level for level in LEVELS if level in levels), None)


def test_the_table_is_big_enough():
    assert len(PAIRS) >= 40 and len({rule for _, _, rule, _ in PAIRS}) >= 30


@pytest.mark.parametrize("typed, registered, rule, level", PAIRS, ids=[f"{a}~{b}" for a, b, _, _ in PAIRS])
def test_name_form_rules(typed, registered, rule, level):
    assert _best(typed, registered) == level, rule


@pytest.mark.parametrize("typed, registered, rule", APART)
def test_different_names_stay_apart(typed, registered, rule):
    assert _best(typed, registered) in (None, PREFIX), rule


def test_latvian_transliteration_of_cyrillic():
    assert latvian_transliteration("Шевченко Тарас") == "Ševčenko Taras"
    assert latvian_transliteration("Юрий Щербаков") == "Jurij Ščerbakov"
    assert latvian_transliteration("Елена Фёдорова") == "Jelena Fjodorova"
    assert latvian_transliteration("Хрущёв") == "Hruščov"
    assert latvian_transliteration("Наталья") == "Natalja"
    assert latvian_transliteration("Müller") == "Müller"  # Latin letters are left alone


def test_name_forms_hold_keys_not_the_whole_name_again():
    forms = name_forms("Ivanova", "Olga", "Иванова Ольга").split()
    assert "ivanov" in forms and "olga" in forms and len(forms) == len(set(forms))


def add(uow, surname, given, original=None, born=None):
    p = Person(surname=surname, given_names=given, original_name=original, surname_folded=fold(surname),
               given_folded=fold(given), date_of_birth=born, citizenship="RUS")
    uow.session.add(p)
    uow.session.flush()
    return p.id


def found(store, actor, query):
    with store.uow() as uow:
        return [h.id for h in search(uow, actor, query, limit=50) if h.kind == "person"]


def test_every_pair_is_found_through_the_index(store, actors):
    """Each registered name as a person (in Latin, or Cyrillic as the name in its own script); each typed
    form finds them. All rows checked, failures listed together."""
    ids = {}
    with store.uow() as uow:
        for typed, registered, rule, _ in PAIRS:
            if registered in ids:
                continue
            cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in registered)
            latin = registered if not cyrillic else "X" + str(len(ids))  # the Latin field says nothing
            ids[registered] = add(uow, latin, "Test", original=registered if cyrillic else None)
    missed = [(typed, registered, rule) for typed, registered, rule, _ in PAIRS
              if ids[registered] not in found(store, actors["reception"], typed)]
    assert not missed


def test_exact_matches_rank_first_then_forms_then_family(store, actors):
    with store.uow() as uow:
        own = add(uow, "Ivanovs", "Olegs")
        russian = add(uow, "Ivanov", "Oleg", "Иванов Олег")
        wife = add(uow, "Ivanova", "Olga")
        other = add(uow, "Petrovs", "Olegs")
    assert found(store, actors["reception"], "Ivanovs") == [own, russian, wife]
    assert found(store, actors["reception"], "Ivanov") == [russian, own, wife]
    assert found(store, actors["reception"], "Иванова")[0] == wife
    assert other not in found(store, actors["reception"], "Ivanovs")


def test_the_index_holds_the_forms_and_follows_renames(store, actors):
    with store.uow() as uow:
        pid = add(uow, "Müller", "Hans")
    assert pid in found(store, actors["reception"], "Millers")
    with store.uow() as uow:
        person = uow.session.get(Person, pid)
        person.surname, person.surname_folded = "Schmidt", "schmidt"
    assert pid not in found(store, actors["reception"], "Millers")
    assert pid in found(store, actors["reception"], "Šmits")


def test_reindex_computes_forms_for_rows_written_without_them(store, actors):
    """A raw INSERT (a restore, another tool) carries no forms; ``desk reindex`` computes them."""
    with store.uow() as uow:
        uow.session.execute(text(
            "INSERT INTO person (surname, given_names, surname_folded, given_folded, sex, citizenship, created_at, "
            "version, name_forms, also_known_as) VALUES ('Müller', 'Hans', 'muller', 'hans', 'M', 'RUS', "
            "'2026-11-20 10:00:00', 1, '', '')"))
    assert not found(store, actors["reception"], "Millers")
    with store.uow() as uow:
        rebuild_index(uow)
    assert len(found(store, actors["reception"], "Millers")) == 1


def test_family_forms_count_for_surnames_only():
    from desk.services.search import name_score

    assert name_score(("ivanova",), "ivanovs", "olegs", "") > 0
    assert name_score(("jana",), "ozola", "janis", "") == 0


def test_a_migrated_store_gets_its_forms(sqlite_url):
    """A store at 0007 with persons, upgraded: 0008 computes the forms and rebuilds the index."""
    from alembic import command
    from sqlalchemy import create_engine

    from desk.store import _alembic_config, open_store
    from desk.services import auth

    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0007")
        conn.execute(text("INSERT INTO country (code, name_en, name_lv, dublin_partner) VALUES ('RUS', 'Russia', 'Krievija', 0)"))
        conn.execute(text(
            "INSERT INTO person (surname, given_names, original_name, surname_folded, given_folded, sex, citizenship, "
            "created_at, version) VALUES ('Shevchenko', 'Taras', 'Шевченко Тарас', 'shevchenko', 'taras', 'M', "
            "'RUS', '2026-11-20 10:00:00', 1)"))
    engine.dispose()
    store = open_store(sqlite_url)
    with store.uow() as uow:  # a logged-in officer: the services refuse an Actor built by hand
        uow.session.execute(text("INSERT INTO office (code, name_lv, name_en, town) VALUES "
                                 "('RIG-CEN', 'Rīga', 'Riga', 'Rīga')"))
        auth.create_officer(uow, None, username="t", full_name="T", office_code="RIG-CEN", roles="reception",
                            password="long-enough-1", bootstrap=True)
    with store.uow() as uow:
        actor = auth.login(uow, "t", "long-enough-1")
    with store.reader() as uow:
        assert [h.surname for h in search(uow, actor, "Ševčenko", audit=False)] == ["Shevchenko"]
