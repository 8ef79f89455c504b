"""The manual's five questionnaires (§4.2, §7.2.1), as data: what ``survey_seed()`` creates.

Each text is ``T(english, russian, kazakh, kyrgyz)``. Question keys are stable slugs: a later
version of a form keeps them, so answers compare across years. Options are ``(value, T(...))``.
Change the wording here only for a new install; a running portal changes a form by publishing a
new version in the builder.
"""

LIKERT = "likert"
SINGLE = "single"
MULTIPLE = "multiple"
TEXT = "text"
NPS = "nps"


def T(en: str, ru: str, kk: str, ky: str) -> dict[str, str]:
    return {"en": en, "ru": ru, "kk": kk, "ky": ky}


def Q(key: str, kind: str, text: dict, options=(), required: bool = True) -> dict:
    return {"key": key, "kind": kind, "text": text, "options": list(options), "required": required}


YES_MAYBE_NO = [
    ("yes", T("Yes", "Да", "Иә", "Ооба")),
    ("maybe", T("Perhaps", "Возможно", "Мүмкін", "Балким")),
    ("no", T("No", "Нет", "Жоқ", "Жок")),
]

EO_SATISFACTION = {
    "code": "eo-satisfaction",
    "audience": "organization",
    "anonymous": False,
    "title": T(
        "Satisfaction of the education organization after accreditation",
        "Удовлетворённость организации образования по итогам аккредитации",
        "Аккредиттеу қорытындысы бойынша білім беру ұйымының қанағаттануы",
        "Аккредитациянын жыйынтыгы боюнча билим берүү уюмунун канааттануусу",
    ),
    "description": T(
        "IAAR asks every organization it has accredited how the procedure went. Your answers help "
        "us improve our work; they take about ten minutes.",
        "НААР просит каждую аккредитованную организацию оценить, как прошла процедура. Ваши ответы "
        "помогают нам совершенствовать работу; заполнение займёт около десяти минут.",
        "НААР аккредиттелген әрбір ұйымнан рәсімнің қалай өткенін бағалауды сұрайды. Сіздің "
        "жауаптарыңыз жұмысымызды жетілдіруге көмектеседі; толтыру шамамен он минут алады.",
        "НААР аккредитациядан өткөн ар бир уюмдан жол-жобонун кандай өткөнүн баалоону суранат. "
        "Сиздин жоопторуңуз ишибизди жакшыртууга жардам берет; толтуруу болжол менен он мүнөт алат.",
    ),
    "sections": [
        {
            "title": T(
                "Preparation and the application",
                "Подготовка и подача заявки",
                "Дайындық және өтінім беру",
                "Даярдык жана арыз берүү",
            ),
            "questions": [
                Q(
                    "info-clarity",
                    LIKERT,
                    T(
                        "The information IAAR gave about the accreditation procedure was clear and complete.",
                        "Информация НААР о процедуре аккредитации была понятной и полной.",
                        "НААР берген аккредиттеу рәсімі туралы ақпарат түсінікті әрі толық болды.",
                        "НААР берген аккредитация жол-жобосу тууралуу маалымат түшүнүктүү жана толук болду.",
                    ),
                ),
                Q(
                    "coordinator-support",
                    LIKERT,
                    T(
                        "The coordinator answered our questions promptly and helpfully.",
                        "Координатор отвечал на наши вопросы быстро и по существу.",
                        "Үйлестіруші сұрақтарымызға жедел әрі нақты жауап берді.",
                        "Координатор суроолорубузга тез жана так жооп берди.",
                    ),
                ),
                Q(
                    "self-assessment-guidance",
                    LIKERT,
                    T(
                        "The guidance for writing the self-assessment report was useful.",
                        "Методические рекомендации по подготовке отчёта по самооценке были полезными.",
                        "Өзін-өзі бағалау есебін дайындау жөніндегі әдістемелік ұсынымдар пайдалы болды.",
                        "Өзүн-өзү баалоо отчетун даярдоо боюнча усулдук сунуштар пайдалуу болду.",
                    ),
                ),
            ],
        },
        {
            "title": T(
                "The external expert commission's visit",
                "Визит внешней экспертной комиссии",
                "Сыртқы сараптамалық комиссияның сапары",
                "Тышкы эксперттик комиссиянын сапары",
            ),
            "questions": [
                Q(
                    "visit-organization",
                    LIKERT,
                    T(
                        "The visit was well organized and kept to its programme.",
                        "Визит был хорошо организован и прошёл в соответствии с программой.",
                        "Сапар жақсы ұйымдастырылып, бағдарламаға сәйкес өтті.",
                        "Сапар жакшы уюштурулуп, программага ылайык өттү.",
                    ),
                ),
                Q(
                    "experts-competence",
                    LIKERT,
                    T(
                        "The experts were competent in our field.",
                        "Эксперты были компетентны в нашей области.",
                        "Сарапшылар біздің салада құзыретті болды.",
                        "Эксперттер биздин тармакта компетенттүү болушту.",
                    ),
                ),
                Q(
                    "experts-ethics",
                    LIKERT,
                    T(
                        "The experts behaved ethically and impartially.",
                        "Эксперты вели себя этично и беспристрастно.",
                        "Сарапшылар әдепті және бейтарап болды.",
                        "Эксперттер этикалуу жана калыс мамиле кылышты.",
                    ),
                ),
                Q(
                    "visit-format",
                    SINGLE,
                    T(
                        "How was the visit held?",
                        "В каком формате проходил визит?",
                        "Сапар қандай форматта өтті?",
                        "Сапар кандай форматта өттү?",
                    ),
                    options=[
                        ("onsite", T("On site", "Очно", "Күндізгі (орнында)", "Күндүзгү (жеринде)")),
                        ("online", T("Online", "Онлайн", "Онлайн", "Онлайн")),
                        ("hybrid", T("Hybrid", "Гибридно", "Аралас", "Аралаш")),
                    ],
                ),
            ],
        },
        {
            "title": T(
                "Results and your overall opinion",
                "Результаты и общее мнение",
                "Нәтижелер және жалпы пікір",
                "Жыйынтыктар жана жалпы пикир",
            ),
            "questions": [
                Q(
                    "report-usefulness",
                    LIKERT,
                    T(
                        "The recommendations of the EEC report are useful for our development.",
                        "Рекомендации отчёта ВЭК полезны для нашего развития.",
                        "СПК есебінің ұсынымдары біздің дамуымыз үшін пайдалы.",
                        "ТЭК отчетунун сунуштары биздин өнүгүүбүз үчүн пайдалуу.",
                    ),
                ),
                Q(
                    "benefits",
                    MULTIPLE,
                    T(
                        "What has accreditation brought your organization?",
                        "Что дала аккредитация вашей организации?",
                        "Аккредиттеу сіздің ұйымыңызға не берді?",
                        "Аккредитация сиздин уюмуңузга эмне берди?",
                    ),
                    options=[
                        (
                            "quality-culture",
                            T(
                                "A stronger internal quality culture",
                                "Укрепление внутренней культуры качества",
                                "Ішкі сапа мәдениетінің нығаюы",
                                "Ички сапат маданиятынын бекемделиши",
                            ),
                        ),
                        (
                            "recognition",
                            T(
                                "National and international recognition",
                                "Национальное и международное признание",
                                "Ұлттық және халықаралық мойындалу",
                                "Улуттук жана эл аралык таанылуу",
                            ),
                        ),
                        (
                            "programme-improvements",
                            T(
                                "Concrete improvements to the programmes",
                                "Конкретные улучшения образовательных программ",
                                "Білім беру бағдарламаларының нақты жақсаруы",
                                "Билим берүү программаларынын конкреттүү жакшырышы",
                            ),
                        ),
                        (
                            "trust",
                            T(
                                "The trust of students and employers",
                                "Доверие студентов и работодателей",
                                "Білім алушылар мен жұмыс берушілердің сенімі",
                                "Студенттердин жана иш берүүчүлөрдүн ишеними",
                            ),
                        ),
                        ("other", T("Something else", "Другое", "Басқа", "Башка")),
                    ],
                ),
                Q(
                    "recommend",
                    NPS,
                    T(
                        "How likely are you to recommend IAAR to another education organization?",
                        "Насколько вероятно, что вы порекомендуете НААР другой организации образования?",
                        "НААР-ды басқа білім беру ұйымына ұсыну ықтималдығыңыз қандай?",
                        "НААРды башка билим берүү уюмуна сунуштоо ыктымалдыгыңыз канчалык?",
                    ),
                ),
                Q(
                    "suggestions",
                    TEXT,
                    T(
                        "What should IAAR improve?",
                        "Что НААР следует улучшить?",
                        "НААР нені жақсартуы керек?",
                        "НААР эмнени жакшыртышы керек?",
                    ),
                    required=False,
                ),
            ],
        },
    ],
}

EXPERT_FEEDBACK = {
    "code": "expert-feedback",
    "audience": "expert",
    "anonymous": False,
    "title": T(
        "Expert feedback after the EEC visit",
        "Обратная связь эксперта по итогам визита ВЭК",
        "СПК сапарының қорытындысы бойынша сарапшының кері байланысы",
        "ТЭК сапарынын жыйынтыгы боюнча эксперттин пикири",
    ),
    "description": T(
        "Tell us how the commission's work was prepared and supported, so the next one goes better.",
        "Расскажите, как была подготовлена и обеспечена работа комиссии, чтобы следующая прошла лучше.",
        "Келесі комиссияның жұмысы жақсырақ өтуі үшін бұл комиссияның жұмысы қалай дайындалып, "
        "қамтамасыз етілгенін айтып беріңіз.",
        "Кийинки комиссиянын иши жакшыраак өтүшү үчүн бул комиссиянын иши кантип даярдалып, "
        "камсыз кылынганын айтып бериңиз.",
    ),
    "sections": [
        {
            "title": T("Preparation", "Подготовка", "Дайындық", "Даярдык"),
            "questions": [
                Q(
                    "briefing",
                    LIKERT,
                    T(
                        "The briefing before the visit prepared me well.",
                        "Инструктаж перед визитом хорошо меня подготовил.",
                        "Сапар алдындағы нұсқаулық мені жақсы дайындады.",
                        "Сапардын алдындагы нускама мени жакшы даярдады.",
                    ),
                ),
                Q(
                    "documents-on-time",
                    LIKERT,
                    T(
                        "I received the self-assessment report and the visit programme in good time.",
                        "Я своевременно получил(а) отчёт по самооценке и программу визита.",
                        "Өзін-өзі бағалау есебі мен сапар бағдарламасын уақытылы алдым.",
                        "Өзүн-өзү баалоо отчетун жана сапардын программасын өз убагында алдым.",
                    ),
                ),
                Q(
                    "training-needs",
                    MULTIPLE,
                    T(
                        "Which training would help you in future commissions?",
                        "Какое обучение помогло бы вам в работе следующих комиссий?",
                        "Болашақ комиссиялардағы жұмысыңызға қандай оқыту көмектесер еді?",
                        "Келечектеги комиссиялардагы ишиңизге кандай окутуу жардам бермек?",
                    ),
                    options=[
                        (
                            "standards",
                            T(
                                "IAAR standards and criteria",
                                "Стандарты и критерии НААР",
                                "НААР стандарттары мен критерийлері",
                                "НААРдын стандарттары жана критерийлери",
                            ),
                        ),
                        (
                            "interviews",
                            T(
                                "Interview techniques",
                                "Техника проведения интервью",
                                "Сұхбат жүргізу әдістері",
                                "Маек жүргүзүү ыкмалары",
                            ),
                        ),
                        (
                            "report-writing",
                            T(
                                "Writing the report",
                                "Написание отчёта",
                                "Есеп жазу",
                                "Отчет жазуу",
                            ),
                        ),
                        (
                            "online-visits",
                            T(
                                "Online and hybrid visits",
                                "Онлайн и гибридные визиты",
                                "Онлайн және аралас сапарлар",
                                "Онлайн жана аралаш сапарлар",
                            ),
                        ),
                        (
                            "ethics",
                            T(
                                "Ethics and conflicts of interest",
                                "Этика и конфликт интересов",
                                "Әдеп және мүдделер қақтығысы",
                                "Этика жана кызыкчылыктардын кагылышы",
                            ),
                        ),
                    ],
                    required=False,
                ),
            ],
        },
        {
            "title": T(
                "The visit and the commission",
                "Визит и работа комиссии",
                "Сапар және комиссияның жұмысы",
                "Сапар жана комиссиянын иши",
            ),
            "questions": [
                Q(
                    "workload",
                    SINGLE,
                    T(
                        "The workload during the visit was…",
                        "Нагрузка во время визита была…",
                        "Сапар кезіндегі жүктеме…",
                        "Сапар учурундагы жүктөм…",
                    ),
                    options=[
                        ("too-light", T("Too light", "Слишком малой", "Тым аз болды", "Өтө аз болду")),
                        ("right", T("About right", "Оптимальной", "Оңтайлы болды", "Ылайыктуу болду")),
                        ("too-heavy", T("Too heavy", "Слишком большой", "Тым көп болды", "Өтө көп болду")),
                    ],
                ),
                Q(
                    "teamwork",
                    LIKERT,
                    T(
                        "The commission worked well together under its chair.",
                        "Комиссия слаженно работала под руководством председателя.",
                        "Комиссия төрағаның басшылығымен үйлесімді жұмыс істеді.",
                        "Комиссия төрагасынын жетекчилиги астында ынтымактуу иштеди.",
                    ),
                ),
                Q(
                    "coordinator-help",
                    LIKERT,
                    T(
                        "The IAAR coordinator supported the commission well.",
                        "Координатор НААР оказывал комиссии хорошую поддержку.",
                        "НААР үйлестірушісі комиссияға жақсы қолдау көрсетті.",
                        "НААРдын координатору комиссияга жакшы колдоо көрсөттү.",
                    ),
                ),
                Q(
                    "logistics",
                    LIKERT,
                    T(
                        "Travel, accommodation and the working rooms were satisfactory.",
                        "Проезд, проживание и рабочие помещения были удовлетворительными.",
                        "Жол жүру, тұру және жұмыс орындары қанағаттанарлық болды.",
                        "Жол жүрүү, жашоо жана жумуш бөлмөлөрү канааттандырарлык болду.",
                    ),
                ),
            ],
        },
        {
            "title": T("Overall", "В целом", "Жалпы алғанда", "Жалпысынан"),
            "questions": [
                Q(
                    "recommend",
                    NPS,
                    T(
                        "How likely are you to recommend IAAR to a colleague as an agency to work with?",
                        "Насколько вероятно, что вы порекомендуете коллеге сотрудничать с НААР?",
                        "Әріптесіңізге НААР-мен жұмыс істеуді ұсыну ықтималдығыңыз қандай?",
                        "Кесиптешиңизге НААР менен кызматташууну сунуштоо ыктымалдыгыңыз канчалык?",
                    ),
                ),
                Q(
                    "serve-again",
                    SINGLE,
                    T(
                        "Would you serve on an IAAR commission again?",
                        "Готовы ли вы снова работать в комиссии НААР?",
                        "НААР комиссиясында қайта жұмыс істеуге дайынсыз ба?",
                        "НААРдын комиссиясында кайра иштөөгө даярсызбы?",
                    ),
                    options=YES_MAYBE_NO,
                ),
                Q(
                    "comments",
                    TEXT,
                    T(
                        "Anything else you would like to tell us?",
                        "Что ещё вы хотели бы нам сообщить?",
                        "Бізге тағы не айтқыңыз келеді?",
                        "Бизге дагы эмне айткыңыз келет?",
                    ),
                    required=False,
                ),
            ],
        },
    ],
}

EEC_EVALUATION = {
    "code": "eec-evaluation",
    "audience": "coordinator",
    "anonymous": False,
    "title": T(
        "Coordinator's evaluation of an EEC expert",
        "Оценка работы эксперта ВЭК координатором",
        "СПК сарапшысының жұмысын үйлестірушінің бағалауы",
        "ТЭК экспертинин ишин координатордун баалоосу",
    ),
    "description": T(
        "The coordinator rates each member of the commission after the visit. The ratings are kept "
        "in the expert's record and used when commissions are formed.",
        "Координатор после визита оценивает каждого члена комиссии. Оценки хранятся в досье эксперта "
        "и учитываются при формировании комиссий.",
        "Сапардан кейін үйлестіруші комиссияның әр мүшесін бағалайды. Бағалар сарапшының деректерінде "
        "сақталып, комиссияларды жасақтау кезінде ескеріледі.",
        "Сапардан кийин координатор комиссиянын ар бир мүчөсүн баалайт. Баалар эксперттин маалыматында "
        "сакталып, комиссияларды түзүүдө эске алынат.",
    ),
    "sections": [
        {
            "title": T(
                "Professional competence",
                "Профессиональная компетентность",
                "Кәсіби құзыреттілік",
                "Кесиптик компетенттүүлүк",
            ),
            "questions": [
                Q(
                    "knows-standards",
                    LIKERT,
                    T(
                        "Knows IAAR's standards and applies them correctly.",
                        "Знает стандарты НААР и правильно их применяет.",
                        "НААР стандарттарын біледі және оларды дұрыс қолданады.",
                        "НААРдын стандарттарын билет жана аларды туура колдонот.",
                    ),
                ),
                Q(
                    "field-expertise",
                    LIKERT,
                    T(
                        "Brings real expertise in the field of the programmes assessed.",
                        "Обладает реальной экспертизой в области оцениваемых программ.",
                        "Бағаланатын бағдарламалар саласында нақты тәжірибесі бар.",
                        "Бааланып жаткан программалардын тармагында чыныгы тажрыйбасы бар.",
                    ),
                ),
                Q(
                    "interviews",
                    LIKERT,
                    T(
                        "Conducts interviews in a professional, focused manner.",
                        "Проводит интервью профессионально и по существу.",
                        "Сұхбатты кәсіби түрде және нақты жүргізеді.",
                        "Маекти кесипкөйлүк менен жана так жүргүзөт.",
                    ),
                ),
            ],
        },
        {
            "title": T(
                "Conduct and teamwork",
                "Поведение и работа в команде",
                "Мінез-құлық және командалық жұмыс",
                "Жүрүм-турум жана командалык иш",
            ),
            "questions": [
                Q(
                    "ethics",
                    LIKERT,
                    T(
                        "Acts ethically and impartially and keeps confidentiality.",
                        "Действует этично и беспристрастно, соблюдает конфиденциальность.",
                        "Әдепті және бейтарап әрекет етеді, құпиялылықты сақтайды.",
                        "Этикалуу жана калыс аракеттенет, купуялуулукту сактайт.",
                    ),
                ),
                Q(
                    "teamwork",
                    LIKERT,
                    T(
                        "Works well with the chair and the other members.",
                        "Хорошо взаимодействует с председателем и другими членами комиссии.",
                        "Төрағамен және комиссияның басқа мүшелерімен жақсы әрекеттеседі.",
                        "Төрага жана комиссиянын башка мүчөлөрү менен жакшы иштешет.",
                    ),
                ),
                Q(
                    "report-part",
                    LIKERT,
                    T(
                        "Delivers their part of the report on time and of good quality.",
                        "Своевременно и качественно готовит свою часть отчёта.",
                        "Есептің өз бөлігін уақытылы әрі сапалы дайындайды.",
                        "Отчеттун өз бөлүгүн өз убагында жана сапаттуу даярдайт.",
                    ),
                ),
            ],
        },
        {
            "title": T("Conclusion", "Заключение", "Қорытынды", "Корутунду"),
            "questions": [
                Q(
                    "invite-again",
                    SINGLE,
                    T(
                        "Should IAAR invite this expert again?",
                        "Следует ли НААР снова приглашать этого эксперта?",
                        "НААР бұл сарапшыны қайта шақыруы керек пе?",
                        "НААР бул экспертти кайра чакырышы керекпи?",
                    ),
                    options=[
                        ("yes", T("Yes", "Да", "Иә", "Ооба")),
                        (
                            "after-training",
                            T(
                                "Yes, after further training",
                                "Да, после дополнительного обучения",
                                "Иә, қосымша оқытудан кейін",
                                "Ооба, кошумча окутуудан кийин",
                            ),
                        ),
                        ("no", T("No", "Нет", "Жоқ", "Жок")),
                    ],
                ),
                Q(
                    "suitable-roles",
                    MULTIPLE,
                    T(
                        "Which roles suit this expert in future commissions?",
                        "Какие роли подходят эксперту в будущих комиссиях?",
                        "Болашақ комиссияларда сарапшыға қандай рөлдер лайық?",
                        "Келечектеги комиссияларда экспертке кандай ролдор ылайык?",
                    ),
                    options=[
                        ("chair", T("Chair", "Председатель", "Төраға", "Төрага")),
                        ("member", T("Member", "Член комиссии", "Комиссия мүшесі", "Комиссиянын мүчөсү")),
                        (
                            "mentor",
                            T(
                                "Mentor of new experts",
                                "Наставник новых экспертов",
                                "Жаңа сарапшылардың тәлімгері",
                                "Жаңы эксперттердин насаатчысы",
                            ),
                        ),
                    ],
                ),
                Q(
                    "comments",
                    TEXT,
                    T(
                        "Comments on the expert's work",
                        "Комментарии о работе эксперта",
                        "Сарапшының жұмысы туралы пікірлер",
                        "Эксперттин иши тууралуу пикирлер",
                    ),
                    required=False,
                ),
            ],
        },
    ],
}

STUDENT = {
    "code": "student",
    "audience": "student",
    "anonymous": True,
    "title": T(
        "Student questionnaire during the EEC visit",
        "Анкета студентов во время визита ВЭК",
        "СПК сапары кезіндегі білім алушылар сауалнамасы",
        "ТЭК сапары учурундагы студенттердин сурамжылоосу",
    ),
    "description": T(
        "The external expert commission would like to know what you think of your studies. The "
        "questionnaire is anonymous: nobody, neither IAAR nor your university, can see who answered.",
        "Внешняя экспертная комиссия хочет узнать ваше мнение об обучении. Анкета анонимная: никто — "
        "ни НААР, ни ваш университет — не может узнать, кто отвечал.",
        "Сыртқы сараптамалық комиссия оқуыңыз туралы пікіріңізді білгісі келеді. Сауалнама анонимді: "
        "ешкім — НААР да, университетіңіз де — кімнің жауап бергенін біле алмайды.",
        "Тышкы эксперттик комиссия окууңуз тууралуу пикириңизди билгиси келет. Сурамжылоо анонимдүү: "
        "эч ким — НААР да, университетиңиз да — ким жооп бергенин биле албайт.",
    ),
    "sections": [
        {
            "title": T("About you", "О вас", "Сіз туралы", "Сиз жөнүндө"),
            "questions": [
                Q(
                    "study-level",
                    SINGLE,
                    T(
                        "What do you study?",
                        "Где вы обучаетесь?",
                        "Қай деңгейде оқисыз?",
                        "Кайсы деңгээлде окуйсуз?",
                    ),
                    options=[
                        (
                            "bachelor-1-2",
                            T(
                                "Bachelor's, 1st–2nd year",
                                "Бакалавриат, 1–2 курс",
                                "Бакалавриат, 1–2 курс",
                                "Бакалавриат, 1–2-курс",
                            ),
                        ),
                        (
                            "bachelor-3-4",
                            T(
                                "Bachelor's, 3rd year or later",
                                "Бакалавриат, 3 курс и старше",
                                "Бакалавриат, 3 курс және одан жоғары",
                                "Бакалавриат, 3-курс жана андан жогору",
                            ),
                        ),
                        ("master", T("Master's", "Магистратура", "Магистратура", "Магистратура")),
                        ("doctoral", T("Doctoral", "Докторантура", "Докторантура", "Докторантура")),
                    ],
                ),
            ],
        },
        {
            "title": T(
                "Teaching and learning",
                "Преподавание и обучение",
                "Оқыту және білім алу",
                "Окутуу жана билим алуу",
            ),
            "questions": [
                Q(
                    "teaching-quality",
                    LIKERT,
                    T(
                        "The quality of teaching in my programme is high.",
                        "Качество преподавания в моей программе высокое.",
                        "Менің бағдарламамдағы оқыту сапасы жоғары.",
                        "Менин программамдагы окутуунун сапаты жогору.",
                    ),
                ),
                Q(
                    "assessment-fair",
                    LIKERT,
                    T(
                        "My work is assessed fairly and by clear rules.",
                        "Мою работу оценивают справедливо и по понятным правилам.",
                        "Жұмысым әділ және түсінікті ережелер бойынша бағаланады.",
                        "Менин ишим адилеттүү жана түшүнүктүү эрежелер боюнча бааланат.",
                    ),
                ),
                Q(
                    "resources",
                    LIKERT,
                    T(
                        "The library, laboratories and online resources meet my needs.",
                        "Библиотека, лаборатории и онлайн-ресурсы отвечают моим потребностям.",
                        "Кітапхана, зертханалар және онлайн ресурстар қажеттіліктеріме сай келеді.",
                        "Китепкана, лабораториялар жана онлайн ресурстар муктаждыктарыма жооп берет.",
                    ),
                ),
                Q(
                    "voice-heard",
                    LIKERT,
                    T(
                        "The university listens to students' opinions and acts on them.",
                        "Университет прислушивается к мнению студентов и учитывает его.",
                        "Университет білім алушылардың пікіріне құлақ асып, оны ескереді.",
                        "Университет студенттердин пикирин угуп, аны эске алат.",
                    ),
                ),
            ],
        },
        {
            "title": T(
                "Support and overall satisfaction",
                "Поддержка и общая удовлетворённость",
                "Қолдау және жалпы қанағаттану",
                "Колдоо жана жалпы канааттануу",
            ),
            "questions": [
                Q(
                    "services-used",
                    MULTIPLE,
                    T(
                        "Which services of the university have you used?",
                        "Какими услугами университета вы пользовались?",
                        "Университеттің қандай қызметтерін пайдаландыңыз?",
                        "Университеттин кайсы кызматтарын колдондуңуз?",
                    ),
                    options=[
                        (
                            "advising",
                            T("Academic advising", "Эдвайзинг", "Эдвайзинг", "Эдвайзинг"),
                        ),
                        (
                            "career",
                            T(
                                "Career centre",
                                "Центр карьеры",
                                "Мансап орталығы",
                                "Карьера борбору",
                            ),
                        ),
                        (
                            "counselling",
                            T(
                                "Psychological support",
                                "Психологическая поддержка",
                                "Психологиялық қолдау",
                                "Психологиялык колдоо",
                            ),
                        ),
                        ("dormitory", T("Dormitory", "Общежитие", "Жатақхана", "Жатакана")),
                        (
                            "clubs",
                            T(
                                "Sports and student clubs",
                                "Спортивные и студенческие клубы",
                                "Спорт және студенттік клубтар",
                                "Спорттук жана студенттик клубдар",
                            ),
                        ),
                    ],
                    required=False,
                ),
                Q(
                    "satisfaction",
                    LIKERT,
                    T(
                        "Overall, I am satisfied with my studies.",
                        "В целом я доволен(льна) своим обучением.",
                        "Жалпы алғанда, оқуыма көңілім толады.",
                        "Жалпысынан, окуума канааттанам.",
                    ),
                ),
                Q(
                    "improve",
                    TEXT,
                    T(
                        "What should your university improve?",
                        "Что вашему университету следует улучшить?",
                        "Университетіңіз нені жақсартуы керек?",
                        "Университетиңиз эмнени жакшыртышы керек?",
                    ),
                    required=False,
                ),
            ],
        },
    ],
}

TEACHING_STAFF = {
    "code": "teaching-staff",
    "audience": "teaching_staff",
    "anonymous": True,
    "title": T(
        "Teaching staff questionnaire during the EEC visit",
        "Анкета преподавателей во время визита ВЭК",
        "СПК сапары кезіндегі оқытушылар сауалнамасы",
        "ТЭК сапары учурундагы окутуучулардын сурамжылоосу",
    ),
    "description": T(
        "The external expert commission would like to hear about your working conditions. The "
        "questionnaire is anonymous: nobody, neither IAAR nor your university, can see who answered.",
        "Внешняя экспертная комиссия хочет узнать о ваших условиях работы. Анкета анонимная: никто — "
        "ни НААР, ни ваш университет — не может узнать, кто отвечал.",
        "Сыртқы сараптамалық комиссия жұмыс жағдайларыңыз туралы білгісі келеді. Сауалнама анонимді: "
        "ешкім — НААР да, университетіңіз де — кімнің жауап бергенін біле алмайды.",
        "Тышкы эксперттик комиссия иштөө шарттарыңыз тууралуу билгиси келет. Сурамжылоо анонимдүү: "
        "эч ким — НААР да, университетиңиз да — ким жооп бергенин биле албайт.",
    ),
    "sections": [
        {
            "title": T("About you", "О вас", "Сіз туралы", "Сиз жөнүндө"),
            "questions": [
                Q(
                    "position",
                    SINGLE,
                    T("Your position", "Ваша должность", "Лауазымыңыз", "Кызмат ордуңуз"),
                    options=[
                        (
                            "lecturer",
                            T(
                                "Assistant or lecturer",
                                "Ассистент или преподаватель",
                                "Ассистент немесе оқытушы",
                                "Ассистент же окутуучу",
                            ),
                        ),
                        (
                            "senior-lecturer",
                            T(
                                "Senior lecturer",
                                "Старший преподаватель",
                                "Аға оқытушы",
                                "Улук окутуучу",
                            ),
                        ),
                        (
                            "associate-professor",
                            T(
                                "Associate professor",
                                "Доцент",
                                "Доцент",
                                "Доцент",
                            ),
                        ),
                        ("professor", T("Professor", "Профессор", "Профессор", "Профессор")),
                    ],
                ),
                Q(
                    "experience",
                    SINGLE,
                    T(
                        "Years of teaching experience",
                        "Стаж преподавания",
                        "Оқытушылық өтіліңіз",
                        "Окутуучулук иш стажыңыз",
                    ),
                    options=[
                        ("lt5", T("Under 5 years", "Менее 5 лет", "5 жылдан аз", "5 жылдан аз")),
                        ("5-10", T("5–10 years", "5–10 лет", "5–10 жыл", "5–10 жыл")),
                        ("10-20", T("10–20 years", "10–20 лет", "10–20 жыл", "10–20 жыл")),
                        ("gt20", T("Over 20 years", "Более 20 лет", "20 жылдан астам", "20 жылдан ашык")),
                    ],
                ),
            ],
        },
        {
            "title": T(
                "Working conditions",
                "Условия работы",
                "Жұмыс жағдайлары",
                "Иштөө шарттары",
            ),
            "questions": [
                Q(
                    "workload",
                    LIKERT,
                    T(
                        "My teaching load leaves time for research and development.",
                        "Моя учебная нагрузка оставляет время для научной работы и развития.",
                        "Оқу жүктемем ғылыми жұмыс пен дамуға уақыт қалдырады.",
                        "Окуу жүктөмүм илимий иш жана өнүгүү үчүн убакыт калтырат.",
                    ),
                ),
                Q(
                    "development",
                    LIKERT,
                    T(
                        "The university supports my professional development.",
                        "Университет поддерживает моё профессиональное развитие.",
                        "Университет кәсіби дамуымды қолдайды.",
                        "Университет кесиптик өнүгүүмдү колдойт.",
                    ),
                ),
                Q(
                    "resources",
                    LIKERT,
                    T(
                        "I have the teaching resources and equipment I need.",
                        "У меня есть необходимые учебные ресурсы и оборудование.",
                        "Маған қажетті оқу ресурстары мен жабдықтар бар.",
                        "Мага керектүү окуу ресурстары жана жабдуулар бар.",
                    ),
                ),
                Q(
                    "programme-involvement",
                    LIKERT,
                    T(
                        "I take part in designing and reviewing the programme.",
                        "Я участвую в разработке и пересмотре образовательной программы.",
                        "Білім беру бағдарламасын әзірлеуге және қайта қарауға қатысамын.",
                        "Билим берүү программасын иштеп чыгууга жана кайра кароого катышам.",
                    ),
                ),
            ],
        },
        {
            "title": T("Overall", "В целом", "Жалпы алғанда", "Жалпысынан"),
            "questions": [
                Q(
                    "development-used",
                    MULTIPLE,
                    T(
                        "Which development opportunities have you used in the last three years?",
                        "Какими возможностями развития вы воспользовались за последние три года?",
                        "Соңғы үш жылда қандай даму мүмкіндіктерін пайдаландыңыз?",
                        "Акыркы үч жылда кандай өнүгүү мүмкүнчүлүктөрүн колдондуңуз?",
                    ),
                    options=[
                        (
                            "courses",
                            T(
                                "Professional development courses",
                                "Курсы повышения квалификации",
                                "Біліктілікті арттыру курстары",
                                "Квалификацияны жогорулатуу курстары",
                            ),
                        ),
                        ("internship", T("Internship", "Стажировка", "Тағылымдама", "Стажировка")),
                        ("conference", T("Conferences", "Конференции", "Конференциялар", "Конференциялар")),
                        (
                            "mobility",
                            T(
                                "Academic mobility",
                                "Академическая мобильность",
                                "Академиялық ұтқырлық",
                                "Академиялык мобилдүүлүк",
                            ),
                        ),
                        (
                            "grant",
                            T(
                                "A research grant",
                                "Научный грант",
                                "Ғылыми грант",
                                "Илимий грант",
                            ),
                        ),
                    ],
                    required=False,
                ),
                Q(
                    "satisfaction",
                    LIKERT,
                    T(
                        "Overall, I am satisfied with working at this university.",
                        "В целом я доволен(льна) работой в этом университете.",
                        "Жалпы алғанда, осы университеттегі жұмысыма көңілім толады.",
                        "Жалпысынан, бул университеттеги ишиме канааттанам.",
                    ),
                ),
                Q(
                    "suggestions",
                    TEXT,
                    T(
                        "What would make your work better?",
                        "Что сделало бы вашу работу лучше?",
                        "Жұмысыңызды не жақсартар еді?",
                        "Ишиңизди эмне жакшыртмак?",
                    ),
                    required=False,
                ),
            ],
        },
    ],
}

FORMS = [EO_SATISFACTION, EXPERT_FEEDBACK, EEC_EVALUATION, STUDENT, TEACHING_STAFF]
