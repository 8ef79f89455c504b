"""The demo's 30 organizations with their programmes, in four languages."""

from accreditation.models import Organization

U, C, A, M = (
    Organization.Type.UNIVERSITY,
    Organization.Type.COLLEGE,
    Organization.Type.ACADEMY,
    Organization.Type.MEDICAL,
)
HIGHER = ["higher", "postgraduate"]

# Names in Kyrgyz of the Kyrgyz organizations (shown to visitors who read Kyrgyz).
KYRGYZ_NAMES = {
    "Kyrgyz State Technical University": "Кыргыз мамлекеттик техникалык университети",
    "Bishkek State University": "Бишкек мамлекеттик университети",
    "Osh State University": "Ош мамлекеттик университети",
    "Kyrgyz State Medical Academy": "Кыргыз мамлекеттик медициналык академиясы",
    "Kyrgyz National Agrarian University": "Кыргыз улуттук агрардык университети",
    "Bishkek College of Computer Systems": "Бишкек компьютердик системалар колледжи",
}

# English name, Russian name, acronym, type, city, country, levels
ORGANIZATIONS = [
    (
        "Al-Farabi Kazakh National University",
        "Казахский национальный университет имени аль-Фараби",
        "KazNU",
        U,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    (
        "L.N. Gumilyov Eurasian National University",
        "Евразийский национальный университет имени Л.Н. Гумилёва",
        "ENU",
        U,
        "Astana",
        "KZ",
        HIGHER,
    ),
    (
        "Karaganda Medical University",
        "Медицинский университет Караганды",
        "KMU",
        M,
        "Karaganda",
        "KZ",
        HIGHER,
    ),
    ("Almaty College of Communications", "Алматинский колледж связи", "", C, "Almaty", "KZ", ["tvet"]),
    (
        "Kyrgyz State Technical University",
        "Кыргызский государственный технический университет",
        "KSTU",
        U,
        "Bishkek",
        "KG",
        HIGHER,
    ),
    ("Satbayev University", "Satbayev University", "SU", U, "Almaty", "KZ", HIGHER),
    (
        "Kazakh-British Technical University",
        "Казахстанско-Британский технический университет",
        "KBTU",
        U,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    ("Narxoz University", "Университет Нархоз", "", U, "Almaty", "KZ", HIGHER),
    ("Astana Medical University", "Медицинский университет Астана", "AMU", M, "Astana", "KZ", HIGHER),
    (
        "Karaganda Buketov University",
        "Карагандинский университет имени Е.А. Букетова",
        "",
        U,
        "Karaganda",
        "KZ",
        HIGHER,
    ),
    ("Shakarim University of Semey", "Университет имени Шакарима города Семей", "", U, "Semey", "KZ", HIGHER),
    (
        "M. Auezov South Kazakhstan University",
        "Южно-Казахстанский университет имени М. Ауэзова",
        "SKU",
        U,
        "Shymkent",
        "KZ",
        HIGHER,
    ),
    (
        "Kazakh National Agrarian Research University",
        "Казахский национальный аграрный исследовательский университет",
        "KazNARU",
        U,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    (
        "Abai Kazakh National Pedagogical University",
        "Казахский национальный педагогический университет имени Абая",
        "KazNPU",
        U,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    (
        "Pavlodar Pedagogical University",
        "Павлодарский педагогический университет",
        "",
        U,
        "Pavlodar",
        "KZ",
        HIGHER,
    ),
    (
        "Academy of Public Administration",
        "Академия государственного управления",
        "APA",
        A,
        "Astana",
        "KZ",
        ["postgraduate", "additional"],
    ),
    (
        "Kazakh Academy of Sport and Tourism",
        "Казахская академия спорта и туризма",
        "KazAST",
        A,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    ("Astana Polytechnic College", "Астанинский политехнический колледж", "", C, "Astana", "KZ", ["tvet"]),
    (
        "Karaganda Higher Polytechnic College",
        "Карагандинский высший политехнический колледж",
        "",
        C,
        "Karaganda",
        "KZ",
        ["tvet"],
    ),
    ("Shymkent Medical College", "Шымкентский медицинский колледж", "", C, "Shymkent", "KZ", ["tvet"]),
    (
        "Nazarbayev Intellectual School of Almaty",
        "Назарбаев Интеллектуальная школа г. Алматы",
        "NIS",
        Organization.Type.SCHOOL,
        "Almaty",
        "KZ",
        ["secondary"],
    ),
    ("Bishkek State University", "Бишкекский государственный университет", "BSU", U, "Bishkek", "KG", HIGHER),
    ("Osh State University", "Ошский государственный университет", "OshSU", U, "Osh", "KG", HIGHER),
    (
        "Kyrgyz State Medical Academy",
        "Кыргызская государственная медицинская академия",
        "KSMA",
        M,
        "Bishkek",
        "KG",
        HIGHER,
    ),
    (
        "Kyrgyz National Agrarian University",
        "Кыргызский национальный аграрный университет",
        "KNAU",
        U,
        "Bishkek",
        "KG",
        HIGHER,
    ),
    (
        "Bishkek College of Computer Systems",
        "Бишкекский колледж компьютерных систем",
        "",
        C,
        "Bishkek",
        "KG",
        ["tvet"],
    ),
    ("Tashkent Institute of Finance", "Ташкентский финансовый институт", "TFI", A, "Tashkent", "UZ", HIGHER),
    (
        "Samarkand State Medical University",
        "Самаркандский государственный медицинский университет",
        "SamSMU",
        M,
        "Samarkand",
        "UZ",
        HIGHER,
    ),
    (
        "Center for Continuing Professional Education",
        "Центр непрерывного профессионального образования",
        "",
        Organization.Type.OTHER,
        "Astana",
        "KZ",
        ["additional"],
    ),
    ("Turan University", "Университет Туран", "", U, "Almaty", "KZ", HIGHER),
]

PROGRAMMES = {
    U: [
        ("6B01101", "Pedagogy and psychology", "bachelor"),
        ("6B06101", "Information systems", "bachelor"),
        ("7M04101", "Economics", "master"),
        ("8D05301", "Physics", "doctoral"),
    ],
    A: [("6B04101", "Management", "bachelor"), ("7M04102", "Public administration", "master")],
    M: [
        ("6B10101", "General medicine", "bachelor"),
        ("7R01101", "Cardiology", "residency"),
        ("7M10102", "Public health", "master"),
    ],
    C: [
        ("0510000", "Computer engineering", "tvet"),
        ("1304000", "Radio electronics and communications", "tvet"),
    ],
    Organization.Type.SCHOOL: [("SEC-STEM", "General secondary education with a STEM profile", "secondary")],
    Organization.Type.OTHER: [("ADD-QA", "Quality assurance in education (short course)", "additional")],
}

# The programmes' names as the organizations register them, per language (ru, kk, ky); the
# English name is the one given above.
PROGRAMME_NAMES = {
    "Pedagogy and psychology": (
        "Педагогика и психология",
        "Педагогика және психология",
        "Педагогика жана психология",
    ),
    "Information systems": ("Информационные системы", "Ақпараттық жүйелер", "Маалыматтык системалар"),
    "Economics": ("Экономика", "Экономика", "Экономика"),
    "Physics": ("Физика", "Физика", "Физика"),
    "Management": ("Менеджмент", "Менеджмент", "Менеджмент"),
    "Public administration": ("Государственное управление", "Мемлекеттік басқару", "Мамлекеттик башкаруу"),
    "General medicine": ("Общая медицина", "Жалпы медицина", "Жалпы медицина"),
    "Cardiology": ("Кардиология", "Кардиология", "Кардиология"),
    "Public health": (
        "Общественное здравоохранение",
        "Қоғамдық денсаулық сақтау",
        "Коомдук саламаттыкты сактоо",
    ),
    "Computer engineering": ("Вычислительная техника", "Есептеуіш техника", "Эсептөөчү техника"),
    "Radio electronics and communications": (
        "Радиоэлектроника и связь",
        "Радиоэлектроника және байланыс",
        "Радиоэлектроника жана байланыш",
    ),
    "General secondary education with a STEM profile": (
        "Общее среднее образование (профиль STEM)",
        "Жалпы орта білім (STEM бейіні)",
        "Жалпы орто билим (STEM багыты)",
    ),
    "Quality assurance in education (short course)": (
        "Обеспечение качества в образовании (краткий курс)",
        "Білім берудегі сапаны қамтамасыз ету (қысқа курс)",
        "Билим берүүдө сапатты камсыз кылуу (кыска курс)",
    ),
}

# DEQAR's vocabulary for the demo: ETER codes of a few institutions (by acronym; invented for
# the demo), each programme's ISCED-F field (by code) and its workload by level.
ETER_IDS = {"KazNU": "KZ0001", "ENU": "KZ0002", "KSTU": "KG0001", "OshSU": "KG0002"}
ISCED_OF_PROGRAMME = {
    "6B01101": "0111",
    "6B06101": "0613",
    "7M04101": "0311",
    "8D05301": "0533",
    "6B04101": "0413",
    "7M04102": "0413",
    "6B10101": "0912",
    "7R01101": "0912",
    "7M10102": "0912",
    "0510000": "0714",
    "1304000": "0714",
}
ECTS_OF_LEVEL = {"bachelor": 240, "master": 120, "doctoral": 180, "residency": 120}
NQF_OF_LEVEL = {"bachelor": "6", "master": "7", "residency": "7", "doctoral": "8", "tvet": "5"}
