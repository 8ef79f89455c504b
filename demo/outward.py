"""The demo agency's yearly reports outward (§4.2, §4.5.2) and the register of the education
authorities it reports to: last year's report to the Supervisory Board and to Kazakhstan's
ministry signed and sent in January; the report to Kyrgyzstan's ministry prepared, waiting for
the Director General's signature (a task on his dashboard)."""

import datetime

from django.utils import timezone

from accreditation.models import EducationAuthority
from demo.clock import demo_clock
from demo.people import DEMO_PASSWORD
from improvement.models import OutwardReport
from reporting.services import outward as services

AUTHORITIES = [
    {
        "country": "KZ",
        "name": "Министерство науки и высшего образования Республики Казахстан",
        "name_ru": "Министерство науки и высшего образования Республики Казахстан",
        "name_kk": "Қазақстан Республикасы Ғылым және жоғары білім министрлігі",
        "name_ky": "Казакстан Республикасынын Илим жана жогорку билим министрлиги",
        "name_en": "Ministry of Science and Higher Education of the Republic of Kazakhstan",
        "email": "info@sci.gov.kz.example",
        "address": "010000, Астана, пр. Мангилик Ел, 8",
    },
    {
        "country": "KG",
        "name": "Министерство науки, высшего образования и инноваций Кыргызской Республики",
        "name_ru": "Министерство науки, высшего образования и инноваций Кыргызской Республики",
        "name_kk": "Қырғыз Республикасының Ғылым, жоғары білім және инновациялар министрлігі",
        "name_ky": "Кыргыз Республикасынын Илим, жогорку билим берүү жана инновациялар министрлиги",
        "name_en": "Ministry of Science, Higher Education and Innovation of the Kyrgyz Republic",
        "email": "info@edu.gov.kg.example",
        "address": "720040, Бишкек, ул. Тыныстанова, 257",
    },
]


def seed_authorities() -> None:
    for fields in AUTHORITIES:
        if not EducationAuthority.objects.filter(country=fields["country"]).exists():
            EducationAuthority.objects.create(**fields)


def seed(people: dict) -> None:
    seed_authorities()
    if OutwardReport.objects.exists():
        return
    qms, director = people["qms"], people["director"]
    year = timezone.localdate().year
    last = year - 1
    today = datetime.date(year, 1, 20)
    with demo_clock(today) as clock:
        board = services.outward_prepare(actor=qms, kind="board", year=last, today=today)
        kz = services.outward_prepare(actor=qms, kind="authority", year=last, country="KZ", today=today)
        clock.advance(days=2, hours=3)
        for report in (board, kz):
            report = services.outward_sign(report=report, actor=director, password=DEMO_PASSWORD)
            services.outward_send(report=report, actor=director)
        clock.advance(days=3)
        services.outward_prepare(actor=qms, kind="authority", year=last, country="KG", today=clock.today)
