"""The summary PDF of a consultation (§6.3): per section, each comment with the working group's
answer and disposition; a hidden comment by its reason only."""

import io

import pytest
from pypdf import PdfReader

from governance.services import standards_dev as services
from tests.governance.stddev_world import build, comment

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def test_summary_lists_comments_answers_and_dispositions_by_section(make_person, client):
    world = build(make_person)
    accepted = comment(world, text="Добавить результаты обучения")
    services.comment_moderate(comment=accepted, actor=world["sec"], publish=True)
    services.comment_answer(comment=accepted, actor=world["sec"], answer="Добавлено в пункт 1.2")
    services.comment_dispose(
        comment=accepted, actor=world["sec"], disposition="accepted", reason="Соответствует ESG"
    )
    hidden = comment(world, section="s2", text="Реклама курсов")
    services.comment_moderate(comment=hidden, actor=world["sec"], publish=False, reason="Реклама")
    client.force_login(world["outsider"])
    response = client.get(f"/governance/consultations/{world['consultation'].pk}/summary.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Summary of the public consultation" in text
    assert "1 Цели программы" in text and "2 Студенты" in text
    assert "Добавить результаты обучения" in text and "Добавлено в пункт 1.2" in text
    assert "Accepted: Соответствует ESG" in text
    assert "Hidden: Реклама" in text and "Реклама курсов" not in text
