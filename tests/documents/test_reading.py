"""Acknowledgement is true (§3.2.2): being asked to read a version lets that person open that
version and nothing else, and they confirm only after they opened the file."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from core.roles import Role
from documents import services
from documents.models import Acknowledgement, Document
from tests.documents.conftest import docx_bytes, walk_to_effective


@pytest.fixture
def expert(make_person):
    return make_person(Role.EXPERT, username="expert", first_name="Nurlan", last_name="Abenov", language="en")


@pytest.fixture
def asked(people, draft, expert):
    """Version 1.0 of the policy is in force and the expert is asked to read it."""
    version = walk_to_effective(people, draft.versions.get(), readers=[expert])
    draft.refresh_from_db()
    return version


def _urls(version):
    args = [version.document_id, version.pk]
    return {
        "page": reverse("documents:version", args=args),
        "file": reverse("documents:download", args=args),
        "reading": reverse("documents:preview", args=args),
    }


def _links(html: str) -> set[str]:
    return {href for href in re.findall(r'href="(/[^"#]*)"', html) if not href.startswith("/static/")}


def test_an_expert_asked_to_read_opens_that_version_its_file_and_its_reading(client, asked, expert):
    client.force_login(expert)
    urls = _urls(asked)
    document_page = client.get(reverse("documents:detail", args=[asked.document_id]))
    assert document_page.status_code == 200
    assert document_page.context["version"] == asked
    page = client.get(urls["page"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Please read POL-001 v1.0" in html
    download = client.get(urls["file"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == b"Quality policy\n"
    reading = client.get(urls["reading"])
    assert reading.status_code == 200
    assert reading["Content-Type"] == "text/plain; charset=utf-8"
    assert reading["Content-Disposition"].startswith("inline")


def test_the_page_of_an_asked_reader_shows_no_link_they_cannot_open(client, asked, expert):
    client.force_login(expert)
    html = client.get(_urls(asked)["page"]).content.decode()
    for absent in (
        reverse("documents:list"),
        reverse("documents:approval_sheet", args=[asked.document_id, asked.pk]),
        reverse("documents:diff", args=[asked.document_id]),
    ):
        assert f'href="{absent}"' not in html, absent
    links = _links(html)
    assert _urls(asked)["reading"] in links and _urls(asked)["file"] in links
    for href in links:
        if href.startswith(("/accounts/logout", "/i18n/")):
            continue
        status = client.get(href).status_code
        assert status not in (403, 404), (href, status)


def test_the_asked_reader_cannot_open_another_version_a_draft_or_another_document(
    client, people, asked, expert, upload
):
    revision = services.version_create(
        document=asked.document, actor=people["owner"], upload=upload(content="v2"), change_summary="Next"
    )
    other = services.document_create(
        actor=people["owner"],
        owner=people["owner"],
        title="Another policy",
        doc_type=Document.Type.POLICY,
        upload=upload(),
        change_summary="First edition",
    )
    walk_to_effective(people, other.versions.get(), groups=[])
    client.force_login(expert)
    for url in [*_urls(revision).values(), *_urls(other.versions.get()).values()]:
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("documents:detail", args=[other.pk])).status_code == 403
    # The document's page still shows the version they are asked to read, and lists no other.
    page = client.get(reverse("documents:detail", args=[asked.document_id]))
    assert page.context["version"] == asked
    assert page.context["versions"] == [asked]
    assert revision.get_absolute_url() not in page.content.decode()


@pytest.mark.parametrize(
    "role", [Role.EXPERT, Role.COUNCIL_MEMBER, Role.APPEALS_COMMISSION, Role.EO_REPRESENTATIVE]
)
def test_a_reader_not_asked_gets_403(client, asked, make_person, role):
    client.force_login(make_person(role, username=f"not_asked_{role.value}"))
    assert client.get(reverse("documents:detail", args=[asked.document_id])).status_code == 403
    for url in _urls(asked).values():
        assert client.get(url).status_code == 403, url


def test_confirming_before_opening_is_refused_and_accepted_after(client, asked, expert):
    ack = asked.acknowledgements.get(person=expert)
    with pytest.raises(ValidationError, match="Open the document first"):
        services.acknowledgement_confirm(acknowledgement=ack, actor=expert)
    client.force_login(expert)
    page = client.get(_urls(asked)["page"]).content.decode()
    assert "Open the document first" in page
    refused = client.post(reverse("documents:acknowledge", args=[ack.pk]), follow=True)
    assert "Open the document first" in refused.content.decode()
    ack.refresh_from_db()
    assert ack.acknowledged_at is None and ack.opened_at is None

    assert client.get(_urls(asked)["reading"]).status_code == 200
    ack.refresh_from_db()
    assert ack.opened_at is not None and ack.opened_via == Acknowledgement.OpenedVia.PREVIEW
    first = ack.opened_at
    client.get(_urls(asked)["file"])  # a later opening keeps the first one
    ack.refresh_from_db()
    assert ack.opened_at == first
    assert "You opened it on" in client.get(_urls(asked)["page"]).content.decode()

    done = client.post(reverse("documents:acknowledge", args=[ack.pk]), follow=True)
    assert "your acknowledgement of POL-001 v1.0 is recorded" in done.content.decode()
    ack.refresh_from_db()
    assert ack.acknowledged_at >= ack.opened_at
    # The opening is kept with the acknowledgement's history.
    assert [h.opened_at is not None for h in ack.history.order_by("history_date")] == [False, True, True]


def test_a_download_counts_as_opening_but_another_persons_does_not(client, people, effective):
    version = effective.effective_version
    client.force_login(people["qms"])
    client.get(_urls(version)["file"])
    mine = version.acknowledgements.get(person=people["qms"])
    assert mine.opened_via == Acknowledgement.OpenedVia.DOWNLOAD
    assert version.acknowledgements.get(person=people["staff"]).opened_at is None


def test_an_office_file_is_read_in_the_browser_as_its_text(client, people, make_person, upload):
    reader = make_person(Role.COUNCIL_MEMBER, username="council", language="en")
    document = services.document_create(
        actor=people["owner"],
        owner=people["owner"],
        title="Council rules",
        doc_type=Document.Type.REGULATION,
        upload=upload("rules.docx", docx_bytes("Members vote openly.")),
        change_summary="First edition",
    )
    version = walk_to_effective(people, document.versions.get(), readers=[reader])
    client.force_login(reader)
    html = client.get(_urls(version)["reading"]).content.decode()
    assert "Members vote openly." in html
    assert reverse("documents:acknowledge", args=[version.acknowledgements.get().pk]) in html
    assert version.acknowledgements.get().opened_via == Acknowledgement.OpenedVia.PREVIEW


def test_the_report_shows_when_each_person_was_asked_opened_and_confirmed(client, people, asked, expert):
    ack = asked.acknowledgements.get(person=expert)
    services.acknowledgement_record_open(version=asked, person=expert, via="download")
    services.acknowledgement_confirm(acknowledgement=ack, actor=expert)
    # A confirmation from before the portal recorded openings.
    legacy = Acknowledgement.objects.create(
        version=asked, person=people["staff"], due_date=timezone.localdate() + timedelta(days=14)
    )
    Acknowledgement.objects.filter(pk=legacy.pk).update(acknowledged_at=timezone.now())
    ack.refresh_from_db()
    client.force_login(people["owner"])  # the legal head follows familiarization
    html = client.get(reverse("documents:familiarization")).content.decode()
    row = re.search(r"<td>Abenov Nurlan</td>(.*?)</tr>", html, re.S)
    assert row, html
    cells = row.group(1)

    def shown(moment):
        from django.utils.formats import date_format

        return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")

    for moment in (ack.assigned_at, ack.opened_at, ack.acknowledged_at):
        assert shown(moment) in cells
    assert "downloaded the file" in cells
    assert "not recorded" in html

    export = client.get(reverse("documents:familiarization_export", args=["csv"]))
    lines = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert lines[0] == ["Version", "Title", "Person", "Asked", "Due", "First opened", "Confirmed"]
    by_person = {line[2]: line for line in lines[1:]}
    assert by_person[str(expert)][5].endswith("(downloaded the file)")
    assert by_person[str(expert)][6]
    assert by_person[str(people["staff"])][5] == "not recorded"
    assert client.get(reverse("documents:familiarization_export", args=["xlsx"])).status_code == 200


@pytest.mark.parametrize("language", ["ru", "kk", "ky"])
def test_not_recorded_and_open_first_speak_every_language(language):
    with translation.override(language):
        for text in ("not recorded", "Read in the browser", "First opened"):
            assert translation.gettext(text) != text, (language, text)
