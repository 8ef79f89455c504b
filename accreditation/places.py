"""Place names in every language the registry is read in: a visitor typing "Алматы",
"Алмати" or "Almaty" means the same city. Staff enter the city once; the other names are filled
from this gazetteer when the city is one of these (and can be entered by hand for the rest)."""

# (English, Russian, Kazakh, Kyrgyz) and other spellings people type.
CITIES = [
    ("Almaty", "Алматы", "Алматы", "Алматы", ("Alma-Ata", "Алма-Ата", "Алмати")),
    ("Astana", "Астана", "Астана", "Астана", ("Nur-Sultan", "Нур-Султан", "Нұр-Сұлтан")),
    ("Shymkent", "Шымкент", "Шымкент", "Шымкент", ("Chimkent", "Чимкент")),
    ("Karaganda", "Караганда", "Қарағанды", "Караганды", ("Qaraghandy", "Karagandy")),
    ("Aktobe", "Актобе", "Ақтөбе", "Актөбө", ("Aktyubinsk", "Актюбинск")),
    ("Taraz", "Тараз", "Тараз", "Тараз", ("Zhambyl", "Жамбыл")),
    ("Pavlodar", "Павлодар", "Павлодар", "Павлодар", ()),
    ("Oskemen", "Усть-Каменогорск", "Өскемен", "Өскемен", ("Ust-Kamenogorsk",)),
    ("Semey", "Семей", "Семей", "Семей", ("Semipalatinsk", "Семипалатинск")),
    ("Atyrau", "Атырау", "Атырау", "Атырау", ()),
    ("Kostanay", "Костанай", "Қостанай", "Костанай", ("Qostanay",)),
    ("Kyzylorda", "Кызылорда", "Қызылорда", "Кызылорда", ("Qyzylorda",)),
    ("Oral", "Уральск", "Орал", "Орал", ("Uralsk",)),
    ("Petropavl", "Петропавловск", "Петропавл", "Петропавл", ("Petropavlovsk",)),
    ("Aktau", "Актау", "Ақтау", "Актау", ("Aqtau",)),
    ("Turkistan", "Туркестан", "Түркістан", "Түркстан", ("Turkestan",)),
    ("Kokshetau", "Кокшетау", "Көкшетау", "Көкшетау", ()),
    ("Taldykorgan", "Талдыкорган", "Талдықорған", "Талдыкорган", ()),
    ("Ekibastuz", "Экибастуз", "Екібастұз", "Экибастуз", ()),
    ("Temirtau", "Темиртау", "Теміртау", "Темиртау", ()),
    ("Zhezkazgan", "Жезказган", "Жезқазған", "Жезказган", ()),
    ("Bishkek", "Бишкек", "Бішкек", "Бишкек", ("Frunze", "Фрунзе")),
    ("Osh", "Ош", "Ош", "Ош", ()),
    ("Jalal-Abad", "Джалал-Абад", "Жалалабад", "Жалал-Абад", ("Jalalabad", "Жалалабат")),
    ("Karakol", "Каракол", "Қарақол", "Каракол", ("Przhevalsk",)),
    ("Naryn", "Нарын", "Нарын", "Нарын", ()),
    ("Talas", "Талас", "Талас", "Талас", ()),
    ("Batken", "Баткен", "Баткен", "Баткен", ()),
    ("Tokmok", "Токмок", "Тоқмақ", "Токмок", ("Tokmak",)),
    ("Tashkent", "Ташкент", "Ташкент", "Ташкент", ("Toshkent",)),
    ("Dushanbe", "Душанбе", "Душанбе", "Душанбе", ()),
]

LANGUAGES = ("en", "ru", "kk", "ky")


def _key(text: str) -> str:
    return " ".join(str(text or "").replace("ё", "е").replace("Ё", "Е").split()).casefold()


_BY_NAME = {}
for _en, _ru, _kk, _ky, _others in CITIES:
    _entry = {"en": _en, "ru": _ru, "kk": _kk, "ky": _ky, "others": _others}
    for _name in (_en, _ru, _kk, _ky, *_others):
        _BY_NAME.setdefault(_key(_name), _entry)


def known_names(city: str) -> dict | None:
    """The city's name in each language when the gazetteer knows it."""
    entry = _BY_NAME.get(_key(city))
    return None if entry is None else {language: entry[language] for language in LANGUAGES}


def search_key(*names: str) -> str:
    """Every name of the place, normalized, between bars: ``|almaty|алматы|``."""
    keys = {_key(name) for name in names if _key(name)}
    for name in list(names):
        entry = _BY_NAME.get(_key(name))
        if entry:
            keys |= {_key(n) for n in (entry["en"], entry["ru"], entry["kk"], entry["ky"], *entry["others"])}
    return "|" + "|".join(sorted(keys)) + "|" if keys else ""


def lookup_key(typed: str) -> str:
    """What a typed city is looked up by in ``search_key``'s text."""
    return f"|{_key(typed)}|"
