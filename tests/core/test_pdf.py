import io

from django.urls import reverse
from pypdf import PdfReader

from core.roles import Role


def test_roles_pdf_is_a_real_pdf_naming_every_role_and_its_holders(client, director, make_person):
    make_person(Role.COORDINATOR, first_name="Timur", last_name="Bekov")
    client.force_login(director)
    response = client.get(reverse("core:roles_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Roles and responsibilities" in text
    assert "Director General" in text
    assert "Bekov Timur" in text
