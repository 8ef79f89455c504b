"""What a visitor without an account meets: a menu on a phone, the complaint form in it, a
reference number on screen and by e-mail, and a Cancel that stays on the public site."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accreditation.models import Appeal

pytestmark = pytest.mark.django_db


def test_the_public_menu_is_there_on_a_phone_and_names_the_complaint_form(client):
    html = client.get("/").content.decode()
    phone_menu = re.search(r'<nav class="dropdown d-lg-none".*?</nav>', html, re.S).group(0)
    for url in ("/registry/", "/registry/verify/", reverse("accreditation:complaint_file")):
        assert f'href="{url}"' in phone_menu, url
    assert 'data-bs-toggle="dropdown"' in phone_menu


def test_a_complaint_gets_its_number_on_screen_and_by_e_mail(
    client, roles, django_capture_on_commit_callbacks
):
    url = reverse("accreditation:complaint_file")
    form = client.get(url).content.decode()
    cancel = re.search(r'href="([^"]*)">Cancel<', form).group(1)
    assert cancel == reverse("core:home")  # not the staff dashboard, which asks to sign in
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"name": "A. Parent", "email": "parent@example.org", "subject": "Late", "text": "Slow."}
        )
    appeal = Appeal.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("accreditation:complaint_received")
    page = client.get(response["Location"]).content.decode()
    assert appeal.number in page and "parent@example.org" in page
    receipt = mail.outbox[-1]
    assert receipt.to == ["parent@example.org"] and appeal.number in receipt.subject
    assert appeal.number in receipt.body and "Late" in receipt.body


def test_the_receipt_is_written_in_the_complainants_language(
    client, roles, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "ru"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accreditation:complaint_file"),
            {"name": "Родитель", "email": "p@example.org", "subject": "Сроки", "text": "Долго."},
        )
    receipt = mail.outbox[-1]
    assert "ваша жалоба зарегистрирована" in receipt.subject
    assert "Комиссия по апелляциям и жалобам ответит" in receipt.body


def test_the_received_page_without_a_complaint_leads_to_the_form(client):
    response = client.get(reverse("accreditation:complaint_received"))
    assert response.status_code == 302 and response["Location"] == reverse("accreditation:complaint_file")
