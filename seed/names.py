"""Name data for the demo and scale generators: realistic pools by origin, each with the Latin form as
printed in a passport (ICAO Doc 9303 transliteration) and, where the name has a script of its own, the
original (Cyrillic, Arabic, Georgian, Vietnamese with its diacritics).

A pool knows its typical citizenships (ISO 3166 alpha-3 codes present in ``seed.reference.countries()``,
plus XXA for stateless persons). Surnames that change with sex (Bērziņš / Bērziņa, Ivanov / Ivanova) are
stored as (male, female) pairs; ``make_name`` picks the right one.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

# (male Latin, female Latin, male original, female original); original None = same as Latin
Surname = tuple[str, str, str | None, str | None]
Given = tuple[str, str | None]  # (Latin, original)


@dataclass(frozen=True)
class NamePool:
    key: str
    citizenships: tuple[tuple[str, int], ...]  # (alpha-3, weight)
    surnames: tuple[Surname, ...]
    male: tuple[Given, ...]
    female: tuple[Given, ...]
    original_order_surname_first: bool = False  # Vietnamese: family name first


def _same(*names: str) -> tuple[Surname, ...]:
    return tuple((n, n, None, None) for n in names)


def _latin(*names: str) -> tuple[Given, ...]:
    return tuple((n, None) for n in names)


LATVIAN = NamePool(
    "latvian", (("LVA", 100),),
    (("Bērziņš", "Bērziņa", None, None), ("Kalniņš", "Kalniņa", None, None), ("Ozols", "Ozola", None, None),
     ("Jansons", "Jansone", None, None), ("Liepiņš", "Liepiņa", None, None), ("Krūmiņš", "Krūmiņa", None, None),
     ("Zariņš", "Zariņa", None, None), ("Kļaviņš", "Kļaviņa", None, None), ("Vītols", "Vītola", None, None),
     ("Pētersons", "Pētersone", None, None), ("Eglītis", "Eglīte", None, None), ("Balodis", "Balode", None, None),
     ("Lācis", "Lāce", None, None), ("Kārkliņš", "Kārkliņa", None, None), ("Ozoliņš", "Ozoliņa", None, None),
     ("Siliņš", "Siliņa", None, None), ("Vanags", "Vanaga", None, None), ("Grīnbergs", "Grīnberga", None, None),
     ("Strazdiņš", "Strazdiņa", None, None), ("Zvaigzne", "Zvaigzne", None, None), ("Leja", "Leja", None, None),
     ("Freimanis", "Freimane", None, None), ("Šteins", "Šteina", None, None), ("Dūmiņš", "Dūmiņa", None, None)),
    _latin("Jānis", "Pēteris", "Andris", "Mārtiņš", "Kārlis", "Edgars", "Roberts", "Artūrs", "Gints", "Raimonds",
           "Valdis", "Aivars", "Uldis", "Dāvis", "Krišjānis", "Ēriks", "Gatis", "Oskars", "Juris", "Māris"),
    _latin("Anna", "Līga", "Ilze", "Inese", "Kristīne", "Laura", "Agnese", "Dace", "Sandra", "Elīna", "Zane",
           "Marta", "Evija", "Ieva", "Māra", "Sanita", "Baiba", "Gunta", "Dzintra", "Ērika"),
)

RUSSIAN = NamePool(
    "russian", (("RUS", 80), ("XXA", 12), ("LVA", 8)),
    (("Ivanov", "Ivanova", "Иванов", "Иванова"), ("Petrov", "Petrova", "Петров", "Петрова"),
     ("Smirnov", "Smirnova", "Смирнов", "Смирнова"), ("Kuznetsov", "Kuznetsova", "Кузнецов", "Кузнецова"),
     ("Popov", "Popova", "Попов", "Попова"), ("Sokolov", "Sokolova", "Соколов", "Соколова"),
     ("Volkov", "Volkova", "Волков", "Волкова"), ("Morozov", "Morozova", "Морозов", "Морозова"),
     ("Novikov", "Novikova", "Новиков", "Новикова"), ("Fedorov", "Fedorova", "Фёдоров", "Фёдорова"),
     ("Lebedev", "Lebedeva", "Лебедев", "Лебедева"), ("Kozlov", "Kozlova", "Козлов", "Козлова"),
     ("Vasilev", "Vasileva", "Васильев", "Васильева"), ("Zaitsev", "Zaitseva", "Зайцев", "Зайцева")),
    (("Aleksandr", "Александр"), ("Sergei", "Сергей"), ("Dmitrii", "Дмитрий"), ("Andrei", "Андрей"),
     ("Ivan", "Иван"), ("Mikhail", "Михаил"), ("Nikolai", "Николай"), ("Vladimir", "Владимир"),
     ("Aleksei", "Алексей"), ("Iurii", "Юрий")),
    (("Elena", "Елена"), ("Olga", "Ольга"), ("Tatiana", "Татьяна"), ("Natalia", "Наталья"), ("Irina", "Ирина"),
     ("Anastasiia", "Анастасия"), ("Svetlana", "Светлана"), ("Mariia", "Мария"), ("Ekaterina", "Екатерина"),
     ("Iuliia", "Юлия")),
)

UKRAINIAN = NamePool(
    "ukrainian", (("UKR", 100),),
    (("Shevchenko", "Shevchenko", "Шевченко", "Шевченко"), ("Kovalenko", "Kovalenko", "Коваленко", "Коваленко"),
     ("Bondarenko", "Bondarenko", "Бондаренко", "Бондаренко"), ("Tkachenko", "Tkachenko", "Ткаченко", "Ткаченко"),
     ("Kravchenko", "Kravchenko", "Кравченко", "Кравченко"), ("Melnyk", "Melnyk", "Мельник", "Мельник"),
     ("Boiko", "Boiko", "Бойко", "Бойко"), ("Kovalchuk", "Kovalchuk", "Ковальчук", "Ковальчук"),
     ("Oliinyk", "Oliinyk", "Олійник", "Олійник"), ("Moroz", "Moroz", "Мороз", "Мороз"),
     ("Savchenko", "Savchenko", "Савченко", "Савченко"), ("Rudenko", "Rudenko", "Руденко", "Руденко")),
    (("Oleksandr", "Олександр"), ("Andrii", "Андрій"), ("Dmytro", "Дмитро"), ("Serhii", "Сергій"),
     ("Volodymyr", "Володимир"), ("Mykola", "Микола"), ("Yurii", "Юрій"), ("Taras", "Тарас"),
     ("Bohdan", "Богдан"), ("Vasyl", "Василь")),
    (("Olena", "Олена"), ("Iryna", "Ірина"), ("Nataliia", "Наталія"), ("Oksana", "Оксана"),
     ("Tetiana", "Тетяна"), ("Yuliia", "Юлія"), ("Halyna", "Галина"), ("Kateryna", "Катерина"),
     ("Liudmyla", "Людмила"), ("Sofiia", "Софія")),
)

BELARUSIAN = NamePool(
    "belarusian", (("BLR", 90), ("XXA", 10)),
    (("Kavaliou", "Kavaliova", "Кавалёў", "Кавалёва"), ("Navumenka", "Navumenka", "Навуменка", "Навуменка"),
     ("Karpovich", "Karpovich", "Карповіч", "Карповіч"), ("Shautsou", "Shautsova", "Шаўцоў", "Шаўцова"),
     ("Lukashevich", "Lukashevich", "Лукашэвіч", "Лукашэвіч"), ("Zhuk", "Zhuk", "Жук", "Жук"),
     ("Kazlou", "Kazlova", "Казлоў", "Казлова")),
    (("Aliaksandr", "Аляксандр"), ("Siarhei", "Сяргей"), ("Andrei", "Андрэй"), ("Dzmitry", "Дзмітрый"),
     ("Uladzimir", "Уладзімір"), ("Mikalai", "Мікалай")),
    (("Volha", "Вольга"), ("Hanna", "Ганна"), ("Tatsiana", "Таццяна"), ("Iryna", "Ірына"),
     ("Natallia", "Наталля"), ("Alena", "Алена")),
)

ARABIC = NamePool(
    "arabic", (("SYR", 60), ("IRQ", 30), ("XXA", 10)),
    (("Al-Ahmad", "Al-Ahmad", "الأحمد", "الأحمد"), ("Al-Hussein", "Al-Hussein", "الحسين", "الحسين"),
     ("Al-Khalil", "Al-Khalil", "الخليل", "الخليل"), ("Haddad", "Haddad", "حداد", "حداد"),
     ("Al-Najjar", "Al-Najjar", "النجار", "النجار"), ("Al-Ali", "Al-Ali", "العلي", "العلي"),
     ("Hassan", "Hassan", "حسن", "حسن"), ("Ibrahim", "Ibrahim", "إبراهيم", "إبراهيم"),
     ("Al-Jabouri", "Al-Jabouri", "الجبوري", "الجبوري"), ("Al-Saadi", "Al-Saadi", "الساعدي", "الساعدي"),
     ("Al-Masri", "Al-Masri", "المصري", "المصري"), ("Khoury", "Khoury", "خوري", "خوري")),
    (("Mohammed", "محمد"), ("Ahmad", "أحمد"), ("Ali", "علي"), ("Omar", "عمر"), ("Khaled", "خالد"),
     ("Hussein", "حسين"), ("Yousef", "يوسف"), ("Mustafa", "مصطفى"), ("Karim", "كريم"), ("Samir", "سمير")),
    (("Fatima", "فاطمة"), ("Aisha", "عائشة"), ("Maryam", "مريم"), ("Noor", "نور"), ("Zainab", "زينب"),
     ("Huda", "هدى"), ("Rania", "رانيا"), ("Layla", "ليلى"), ("Amal", "أمل"), ("Salma", "سلمى")),
)

AFGHAN = NamePool(
    "afghan", (("AFG", 95), ("XXA", 5)),
    (("Ahmadzai", "Ahmadzai", "احمدزی", "احمدزی"), ("Popal", "Popal", "پوپل", "پوپل"),
     ("Karimi", "Karimi", "کریمی", "کریمی"), ("Rahimi", "Rahimi", "رحیمی", "رحیمی"),
     ("Hashimi", "Hashimi", "هاشمی", "هاشمی"), ("Sultani", "Sultani", "سلطانی", "سلطانی"),
     ("Noori", "Noori", "نوری", "نوری"), ("Safi", "Safi", "صافی", "صافی")),
    (("Mohammad", "محمد"), ("Abdul Rahman", "عبدالرحمن"), ("Farid", "فرید"), ("Naveed", "نوید"),
     ("Ahmad Shah", "احمدشاه"), ("Hamid", "حمید"), ("Jawad", "جواد")),
    (("Fatima", "فاطمه"), ("Zahra", "زهرا"), ("Parwana", "پروانه"), ("Shabnam", "شبنم"), ("Mariam", "مریم"),
     ("Soraya", "ثریا")),
)

GEORGIAN = NamePool(
    "georgian", (("GEO", 100),),
    (("Beridze", "Beridze", "ბერიძე", "ბერიძე"), ("Kapanadze", "Kapanadze", "კაპანაძე", "კაპანაძე"),
     ("Gelashvili", "Gelashvili", "გელაშვილი", "გელაშვილი"), ("Maisuradze", "Maisuradze", "მაისურაძე", "მაისურაძე"),
     ("Lomidze", "Lomidze", "ლომიძე", "ლომიძე")),
    (("Giorgi", "გიორგი"), ("Davit", "დავით"), ("Levan", "ლევან"), ("Irakli", "ირაკლი")),
    (("Nino", "ნინო"), ("Tamar", "თამარ"), ("Ana", "ანა"), ("Mariam", "მარიამ")),
)

VIETNAMESE = NamePool(
    "vietnamese", (("VNM", 100),),
    (("Nguyen", "Nguyen", "Nguyễn", "Nguyễn"), ("Tran", "Tran", "Trần", "Trần"), ("Le", "Le", "Lê", "Lê"),
     ("Pham", "Pham", "Phạm", "Phạm"), ("Hoang", "Hoang", "Hoàng", "Hoàng"), ("Vu", "Vu", "Vũ", "Vũ"),
     ("Dang", "Dang", "Đặng", "Đặng")),
    (("Van An", "Văn An"), ("Minh Tuan", "Minh Tuấn"), ("Duc Anh", "Đức Anh"), ("Quang Huy", "Quang Huy"),
     ("Van Hung", "Văn Hùng")),
    (("Thi Lan", "Thị Lan"), ("Thu Trang", "Thu Trang"), ("Ngoc Anh", "Ngọc Anh"), ("Thi Hoa", "Thị Hoa"),
     ("Thi Mai", "Thị Mai")),
    original_order_surname_first=True,
)

INDIAN = NamePool(
    "indian", (("IND", 100),),
    _same("Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Nair", "Iyer", "Das", "Mehta"),
    _latin("Rahul", "Amit", "Vikram", "Arjun", "Sanjay", "Rohan", "Karan", "Suresh"),
    _latin("Priya", "Anjali", "Deepika", "Kavya", "Neha", "Pooja", "Sunita", "Lakshmi"),
)

UZBEK = NamePool(
    "uzbek", (("UZB", 100),),
    (("Karimov", "Karimova", None, None), ("Rakhimov", "Rakhimova", None, None), ("Yusupov", "Yusupova", None, None),
     ("Abdullaev", "Abdullaeva", None, None), ("Ismoilov", "Ismoilova", None, None),
     ("Tursunov", "Tursunova", None, None), ("Usmonov", "Usmonova", None, None)),
    _latin("Bekzod", "Sardor", "Jasur", "Otabek", "Dilshod", "Aziz", "Rustam"),
    _latin("Dilnoza", "Gulnora", "Madina", "Nodira", "Shahzoda", "Malika"),
)

NIGERIAN = NamePool(
    "nigerian", (("NGA", 100),),
    _same("Okafor", "Adeyemi", "Okonkwo", "Eze", "Bello", "Abubakar", "Ogunleye", "Nwosu"),
    _latin("Chinedu", "Emeka", "Oluwaseun", "Ibrahim", "Tunde", "Obinna", "Yusuf"),
    _latin("Ngozi", "Chioma", "Funmilayo", "Aisha", "Blessing", "Adaeze", "Amina"),
)

TURKISH = NamePool(
    "turkish", (("TUR", 100),),
    _same("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın"),
    _latin("Mehmet", "Mustafa", "Ahmet", "Emre", "Burak", "Can"),
    _latin("Ayşe", "Fatma", "Elif", "Zeynep", "Emine", "Merve"),
)

EU = NamePool(  # EU citizens who register their residence (registration certificates)
    "eu", (("LTU", 35), ("EST", 15), ("POL", 25), ("DEU", 25)),
    (("Kazlauskas", "Kazlauskienė", None, None), ("Petrauskas", "Petrauskienė", None, None),
     ("Tamm", "Tamm", None, None), ("Saar", "Saar", None, None), ("Kowalski", "Kowalska", None, None),
     ("Nowak", "Nowak", None, None), ("Müller", "Müller", None, None), ("Schmidt", "Schmidt", None, None)),
    _latin("Tomas", "Mantas", "Jaan", "Piotr", "Tomasz", "Lukas", "Jonas", "Markus"),
    _latin("Rūta", "Eglė", "Kadri", "Anna", "Katarzyna", "Julia", "Laura", "Sophie"),
)

POOLS: dict[str, NamePool] = {p.key: p for p in (
    LATVIAN, RUSSIAN, UKRAINIAN, BELARUSIAN, ARABIC, AFGHAN, GEORGIAN, VIETNAMESE, INDIAN, UZBEK, NIGERIAN,
    TURKISH, EU,
)}

# Which origins each kind of work mostly concerns (weights): PMLP's clients by case kind.
MIX: dict[str, tuple[tuple[str, int], ...]] = {
    "asylum": (("arabic", 30), ("afghan", 25), ("russian", 10), ("belarusian", 10), ("georgian", 8),
               ("nigerian", 7), ("vietnamese", 5), ("turkish", 5)),
    "dublin": (("arabic", 35), ("afghan", 30), ("georgian", 10), ("nigerian", 10), ("turkish", 10),
               ("vietnamese", 5)),
    "permit": (("ukrainian", 30), ("russian", 18), ("uzbek", 12), ("indian", 12), ("belarusian", 8), ("eu", 8),
               ("vietnamese", 4), ("turkish", 4), ("georgian", 2), ("nigerian", 2)),
    "visa": (("ukrainian", 20), ("russian", 20), ("indian", 20), ("uzbek", 15), ("turkish", 10), ("nigerian", 10),
             ("vietnamese", 5)),
    "invitation": (("ukrainian", 30), ("russian", 15), ("uzbek", 15), ("indian", 15), ("belarusian", 10),
                   ("turkish", 5), ("vietnamese", 5), ("nigerian", 5)),
    "return": (("ukrainian", 15), ("russian", 15), ("uzbek", 15), ("georgian", 10), ("vietnamese", 10),
               ("indian", 10), ("arabic", 10), ("afghan", 5), ("nigerian", 5), ("turkish", 5)),
    "resident": (("latvian", 80), ("russian", 20)),  # inviters and people living here
}


@dataclass(frozen=True)
class GeneratedName:
    surname: str
    given_names: str
    original_name: str | None
    sex: str  # M or F
    citizenship: str  # alpha-3 (XXA stateless)
    pool: str


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = _table(pairs)
    return rng.choices(values, cum_weights=weights, k=1)[0]


@lru_cache(maxsize=None)
def _table(pairs) -> tuple[tuple[str, ...], tuple[int, ...]]:
    values, cum, total = [], [], 0
    for value, weight in pairs:
        total += weight
        values.append(value)
        cum.append(total)
    return tuple(values), tuple(cum)


def pick_pool(rng: random.Random, mix: str) -> NamePool:
    return POOLS[_weighted(rng, MIX[mix])]


def make_name(rng: random.Random, pool: NamePool | str, sex: str | None = None) -> GeneratedName:
    """One plausible name from ``pool``; about one person in six has a second given name."""
    if isinstance(pool, str):
        pool = POOLS[pool]
    sex = sex or ("M" if rng.random() < 0.55 else "F")
    male_s, female_s, male_o, female_o = rng.choice(pool.surnames)
    surname, surname_orig = (male_s, male_o) if sex == "M" else (female_s, female_o)
    givens = pool.male if sex == "M" else pool.female
    first = rng.choice(givens)
    chosen = [first]
    if pool.key in ("latvian", "eu", "indian") and rng.random() < 0.16:
        second = rng.choice(givens)
        if second != first:
            chosen.append(second)
    given = " ".join(g[0] for g in chosen)
    original = None
    if surname_orig is not None or any(g[1] for g in chosen):
        given_orig = " ".join(g[1] or g[0] for g in chosen)
        s_orig = surname_orig or surname
        original = f"{s_orig} {given_orig}" if pool.original_order_surname_first else f"{given_orig} {s_orig}"
    return GeneratedName(surname, given, original, sex, _weighted(rng, pool.citizenships), pool.key)


def serial_name(i: int) -> str:
    """A distinct name word for the i-th generated person of a benchmark or a stress test, letters only
    (a name holds no digits: desk.rules.eligibility.name_problem): 0 -> "Aa", 1 -> "Ab", 26 -> "Ba"."""
    out = ""
    while True:
        i, r = divmod(i, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if i == 0:
            break
    return out.rjust(2, "a").capitalize()


def all_citizenships() -> frozenset[str]:
    return frozenset(code for p in POOLS.values() for code, _w in p.citizenships)
