"""The demo's new texts of the assessment tables in every language (§6.6): the criterion the
institutional table's new edition adds, and the primary specialized set in full (the other sets'
texts are in accreditation/migrations/0004_standard_sets.py and 0019_standards_translations.py)."""

# The new edition's own criterion (added in the demo's version 2 of the institutional set).
ACADEMIC_INTEGRITY = (
    "An academic integrity policy covers students and staff and its breaches are handled consistently.",
    "Политика академической честности распространяется на обучающихся и персонал, нарушения рассматриваются последовательно.",
    "Академиялық адалдық саясаты білім алушылар мен қызметкерлерге қолданылады, бұзушылықтар дәйекті қаралады.",
    "Академиялык ак ниеттүүлүк саясаты окуучуларга жана кызматкерлерге колдонулат, бузуулар ырааттуу каралат.",
)

# The primary specialized set (a programme without graduates yet): standard (en, ru, kk, ky)
# with its criteria (en, ru, kk, ky).
PRIMARY = [
    (
        (
            "Programme design",
            "Проектирование программы",
            "Бағдарламаны жобалау",
            "Программаны долбоорлоо",
        ),
        [
            (
                "The need for the programme is shown by an analysis of the labour market.",
                "Потребность в программе подтверждена анализом рынка труда.",
                "Бағдарламаның қажеттілігі еңбек нарығын талдаумен расталған.",
                "Программанын зарылдыгы эмгек рыногун талдоо менен тастыкталган.",
            ),
            (
                "Intended learning outcomes are defined with employers.",
                "Планируемые результаты обучения определены совместно с работодателями.",
                "Жоспарланған оқыту нәтижелері жұмыс берушілермен бірге айқындалған.",
                "Пландалган окутуунун натыйжалары иш берүүчүлөр менен бирге аныкталган.",
            ),
        ],
    ),
    (
        (
            "Readiness to teach",
            "Готовность к реализации",
            "Іске асыруға дайындық",
            "Ишке ашырууга даярдык",
        ),
        [
            (
                "Teaching staff for the first two years of study are appointed.",
                "Назначены преподаватели на первые два года обучения.",
                "Оқудың алғашқы екі жылына оқытушылар тағайындалған.",
                "Окуунун алгачкы эки жылына окутуучулар дайындалган.",
            ),
            (
                "Learning resources and practice places are secured before admission.",
                "Образовательные ресурсы и места практики обеспечены до начала приёма.",
                "Білім беру ресурстары мен практика орындары қабылдау басталғанға дейін қамтамасыз етілген.",
                "Билим берүү ресурстары жана практика орундары кабыл алуу башталганга чейин камсыз кылынган.",
            ),
        ],
    ),
    (
        (
            "Quality assurance from the first intake",
            "Обеспечение качества с первого набора",
            "Алғашқы қабылдаудан бастап сапаны қамтамасыз ету",
            "Биринчи кабыл алуудан баштап сапатты камсыздоо",
        ),
        [
            (
                "Monitoring of the first intake's progress is planned with indicators.",
                "Мониторинг успеваемости первого набора спланирован с индикаторами.",
                "Алғашқы қабылдау үлгерімінің мониторингі индикаторлармен жоспарланған.",
                "Биринчи кабыл алуунун жетишкендигинин мониторинги индикаторлор менен пландалган.",
            ),
            (
                "Information about the programme and its primary accreditation is published.",
                "Информация о программе и её первичной аккредитации опубликована.",
                "Бағдарлама және оның бастапқы аккредиттеуі туралы ақпарат жарияланған.",
                "Программа жана анын баштапкы аккредитациясы жөнүндө маалымат жарыяланган.",
            ),
        ],
    ),
]
