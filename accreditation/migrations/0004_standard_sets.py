"""IAAR's standards for institutional and programme accreditation of higher education, as data.

Administrators edit them in the admin and publish new versions; projects keep the version they
started with. Titles follow IAAR's published standards (ESG 2015 Part 1 based).
"""

import datetime

from django.db import migrations

INSTITUTIONAL = [
    ("Strategic development and quality assurance", [
        "The organization has a published quality assurance policy that is part of its strategic management.",
        "The development strategy is based on analysis of internal and external factors and involves stakeholders.",
        "Progress on the strategy is monitored with indicators and the results are used for improvement.",
    ]),
    ("Leadership and management", [
        "Management structures, responsibilities and decision-making procedures are defined and published.",
        "Risks are identified, assessed and managed, including the risk of corruption.",
        "Students, teaching staff and employers take part in collegial management bodies.",
    ]),
    ("Information management and reporting", [
        "A system collects and analyses data on students, staff, programmes and resources.",
        "Key performance indicators are reported regularly to management and stakeholders.",
        "Personal data are processed lawfully and their accuracy is ensured.",
    ]),
    ("Development and approval of educational programmes", [
        "Programmes are designed with intended learning outcomes aligned to the qualifications framework.",
        "Employers and students take part in the design and approval of programmes.",
        "The student workload is expressed in ECTS credits.",
    ]),
    ("Ongoing monitoring and periodic review of programmes", [
        "Programmes are monitored and reviewed periodically with the participation of stakeholders.",
        "Changes to programmes are published and their effect is evaluated.",
    ]),
    ("Student-centred learning, teaching and assessment", [
        "Teaching methods respect the diversity of students and their needs.",
        "Assessment criteria and methods are published in advance and applied consistently.",
        "A procedure for student appeals on assessment exists and is used.",
    ]),
    ("Students", [
        "Admission, progression, recognition and certification rules are published and applied consistently.",
        "Academic mobility is supported and prior learning is recognised.",
        "Graduate employment and careers are tracked.",
    ]),
    ("Teaching staff", [
        "Recruitment and promotion of staff are transparent and based on merit.",
        "Staff development is planned and supported.",
        "The teaching load allows staff to engage in research and improvement of teaching.",
    ]),
    ("Research", [
        "Research priorities are aligned with the strategy and the programmes.",
        "Students take part in research and results are used in teaching.",
    ]),
    ("Finance", [
        "Financial planning supports the strategy and is transparent.",
        "Financial sustainability is monitored and audited.",
    ]),
    ("Learning resources and student support", [
        "Libraries, laboratories and information systems are adequate for the programmes.",
        "Students receive academic, career and personal support, including students with special needs.",
    ]),
    ("Public information", [
        "The organization publishes accurate, up-to-date information about its programmes and results.",
        "Accreditation results and the EEC report are published on the website.",
    ]),
]

PROGRAMME = [
    ("Programme management", [
        "The programme has a development plan consistent with the organization's strategy.",
        "Quality assurance of the programme involves students, staff and employers.",
        "The programme manager's responsibilities are defined.",
    ]),
    ("Information management and reporting", [
        "Data on the programme's students, progression and graduates are collected and analysed.",
        "Results are reported to stakeholders and used for improvement.",
    ]),
    ("Development and approval of the programme", [
        "Learning outcomes are defined, aligned with the national framework and professional standards.",
        "The structure and content of disciplines lead to the learning outcomes.",
        "Employers take part in the design of the programme.",
    ]),
    ("Ongoing monitoring and periodic review", [
        "The content of the programme is reviewed against developments in the field.",
        "Students' workload, progression and completion are monitored.",
    ]),
    ("Student-centred learning, teaching and assessment", [
        "Teaching methods are varied and promote active learning.",
        "Assessment is objective, published in advance and consistent with the learning outcomes.",
    ]),
    ("Students", [
        "Admission requirements for the programme are published and applied.",
        "Students have access to mobility, internships and practice with employers.",
        "Graduates are employed in the field of the programme.",
    ]),
    ("Teaching staff", [
        "The qualifications of the staff match the programme.",
        "Practitioners from the field teach on the programme.",
        "Staff take part in professional development.",
    ]),
    ("Learning resources and student support", [
        "Specialised laboratories, equipment and software support the programme.",
        "Students receive academic and career guidance.",
    ]),
    ("Public information", [
        "Information about the programme, its outcomes and graduates is published.",
        "The programme's accreditation status is published.",
    ]),
]


def seed(apps, schema_editor):
    StandardSet = apps.get_model("accreditation", "StandardSet")
    Standard = apps.get_model("accreditation", "Standard")
    Criterion = apps.get_model("accreditation", "Criterion")
    for code, title, kind, table in (
        ("IAAR-INST-HE", "Standards for institutional accreditation of higher education", "institutional", INSTITUTIONAL),
        ("IAAR-PROG-HE", "Standards for specialized (programme) accreditation", "specialized", PROGRAMME),
    ):
        if StandardSet.objects.filter(code=code).exists():
            continue
        standard_set = StandardSet.objects.create(
            code=code, title=title, kind=kind, version=1, effective_from=datetime.date(2024, 1, 1), is_current=True
        )
        # In bulk: the tests' reference data (tests/conftest.py) run this with the live models,
        # whose save() refuses to add to a set that is not a draft.
        for number, (standard_title, criteria) in enumerate(table, start=1):
            Standard.objects.bulk_create([Standard(standard_set=standard_set, number=number, title=standard_title)])
            standard = Standard.objects.get(standard_set=standard_set, number=number)
            Criterion.objects.bulk_create(
                [Criterion(standard=standard, number=n, text=text) for n, text in enumerate(criteria, start=1)]
            )


class Migration(migrations.Migration):
    dependencies = [("accreditation", "0003_lifecycle")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
