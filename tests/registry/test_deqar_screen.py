"""DEQAR on the staff side: the council's secretary enters a published report's DEQAR fields
(obligatory or voluntary, summary, links), and sends a refused report to DEQAR again."""

import csv
import io

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accreditation import services
from accreditation.models import Publication
from registry.tasks import DeqarUnavailable, deqar_submit
from tests.registry import test_deqar

# The stand-in of DEQAR's submission endpoint, and the fixture that points the settings at it.
stand_in, endpoint, _publish = test_deqar.stand_in, test_deqar.endpoint, test_deqar._publish


def _project_page(client, person, publication) -> str:
    client.force_login(person)
    return client.get(reverse("accreditation:project_detail", args=[publication.project_id])).content.decode()


def _fields(**extra) -> dict:
    data = {
        "obligation": "part of obligatory EQA system",
        "summary": "  The programme is accredited for five years.  ",
        "links-TOTAL_FORMS": "2",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "10",
        "links-0-link": "https://iaar.agency/reports/etu-2026",
        "links-0-link_display_name": "The report on IAAR's site",
        "links-1-link": "",
        "links-1-link_display_name": "",
    }
    data.update(extra)
    return data


def test_the_secretary_enters_and_edits_the_deqar_fields(client, cast, django_capture_on_commit_callbacks):
    with override_settings(DEQAR_SUBMISSION_URL=""):
        publication = _publish(cast, django_capture_on_commit_callbacks)
    url = reverse("registry:deqar_edit", args=[publication.pk])
    page = _project_page(client, cast.secretary, publication)
    assert f'href="{url}"' in page and "Edit the DEQAR fields" in page
    form = client.get(url).content.decode()
    assert publication.local_identifier in form and 'name="links-0-link"' in form

    response = client.post(url, _fields())
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.obligation == "part of obligatory EQA system"
    assert publication.summary == "The programme is accredited for five years."
    assert publication.report_links == [
        {"link": "https://iaar.agency/reports/etu-2026", "link_display_name": "The report on IAAR's site"}
    ]
    page = client.get(response["Location"]).content.decode()
    assert "The report&#x27;s DEQAR fields are saved." in page and "1 link" in page
    assert publication.history.filter(history_change_reason="DEQAR fields edited").count() == 1
    # The export for DEQAR's CSV upload carries the link under DEQAR's column names.
    export = reverse("registry:deqar_export", args=["csv"])
    (row,) = csv.DictReader(io.StringIO(client.get(export).content.decode()))
    assert row["link[1]"] == "https://iaar.agency/reports/etu-2026"
    assert row["link_display_name[1]"] == "The report on IAAR's site"
    assert row["status"] == "part of obligatory EQA system"

    # The link is shown for editing with a "Remove" box; removing it leaves none.
    form = client.get(url).content.decode()
    assert 'value="https://iaar.agency/reports/etu-2026"' in form and 'name="links-0-DELETE"' in form
    client.post(
        url,
        _fields(
            **{"links-INITIAL_FORMS": "1", "links-0-DELETE": "on", "obligation": "voluntary", "summary": ""}
        ),
    )
    publication.refresh_from_db()
    assert (
        publication.report_links == [] and publication.obligation == "voluntary" and publication.summary == ""
    )
    assert "History" in client.get(url).content.decode()
    assert publication.history.count() >= 3  # published, edited, edited


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"links-0-link": "javascript:alert(1)"},
            "Give the full address of a web page, starting with https://.",
        ),
        (
            {"links-0-link": "not a url at all"},
            "Give the full address of a web page, starting with https://.",
        ),
        ({"links-0-link": "https://iaar.agency/" + "x" * 300}, "at most 255 characters"),
        ({"links-1-link_display_name": "A name without a link"}, "Give the address the display name is for."),
        ({"obligation": "compulsory"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    client, cast, django_capture_on_commit_callbacks, extra, message
):
    with override_settings(DEQAR_SUBMISSION_URL=""):
        publication = _publish(cast, django_capture_on_commit_callbacks)
    client.force_login(cast.secretary)
    response = client.post(reverse("registry:deqar_edit", args=[publication.pk]), _fields(**extra))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please correct the fields marked below." in page
    assert message.replace("'", "&#x27;") in page or message in page
    publication.refresh_from_db()
    assert (
        publication.summary == "" and publication.report_links == [] and publication.obligation == "voluntary"
    )
    assert not publication.history.filter(history_change_reason="DEQAR fields edited").exists()


def test_only_the_council_secretary_may_edit(client, cast, django_capture_on_commit_callbacks):
    with override_settings(DEQAR_SUBMISSION_URL=""):
        publication = _publish(cast, django_capture_on_commit_callbacks)
    url = reverse("registry:deqar_edit", args=[publication.pk])
    assert f'href="{url}"' not in _project_page(client, cast.pm, publication)
    assert client.get(url).status_code == 403
    assert client.post(url, _fields()).status_code == 403
    publication.refresh_from_db()
    assert publication.summary == ""


def test_editing_a_report_deqar_holds_sends_one_update(
    client,
    cast,
    endpoint,
    django_capture_on_commit_callbacks,
):
    publication = _publish(cast, django_capture_on_commit_callbacks)
    publication.refresh_from_db()
    assert publication.deqar_report_id == 1001 and endpoint.posts == 1
    client.force_login(cast.secretary)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registry:deqar_edit", args=[publication.pk]), _fields())
    assert "the update is queued" in client.get(response["Location"]).content.decode()
    assert endpoint.posts == 2 and list(endpoint.reports) == [1001]
    sent = endpoint.reports[1001]
    assert sent["report_id"] == "1001" and sent["status"] == "part of obligatory EQA system"
    assert sent["summary"] == "The programme is accredited for five years."
    assert sent["report_links"] == [
        {"link": "https://iaar.agency/reports/etu-2026", "link_display_name": "The report on IAAR's site"}
    ]


def test_a_refused_report_is_sent_again_once(client, cast, endpoint, django_capture_on_commit_callbacks):
    programme = cast.project.programmes.get()
    services.programme_save(
        organization=cast.organization, actor=cast.pm, programme=programme, level="additional"
    )
    publication = _publish(cast, django_capture_on_commit_callbacks)
    publication.refresh_from_db()
    assert publication.deqar_error and endpoint.posts == 1
    resend = reverse("registry:deqar_resend", args=[publication.pk])

    # Someone who does not record the council's decisions sees the refusal but no button.
    page = _project_page(client, cast.pm, publication)
    assert "DEQAR refused the report:" in page and resend not in page
    assert client.post(resend).status_code == 403

    page = _project_page(client, cast.secretary, publication)
    assert f'action="{resend}"' in page and "Send to DEQAR again" in page
    services.programme_save(
        organization=cast.organization, actor=cast.pm, programme=programme, level="bachelor"
    )
    client.force_login(cast.secretary)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend)
    assert response.status_code == 302
    assert endpoint.posts == 2 and list(endpoint.reports) == [1001]
    publication.refresh_from_db()
    assert publication.deqar_report_id == 1001 and publication.deqar_error == ""
    page = client.get(response["Location"]).content.decode()
    assert "The report is sent to DEQAR again" in page and "Reported to DEQAR on" in page
    assert f'action="{resend}"' not in page  # accepted: no button any more

    # A second press (a stale page) sends nothing and says why.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend, follow=True)
    assert endpoint.posts == 2
    assert "there is nothing to send again" in response.content.decode()
    assert publication.history.filter(history_change_reason="Sent to DEQAR again").count() == 1


def test_no_button_before_a_refusal(client, cast, endpoint, django_capture_on_commit_callbacks):
    publication = _publish(cast, django_capture_on_commit_callbacks)
    page = _project_page(client, cast.secretary, publication)
    assert "Reported to DEQAR on" in page
    assert reverse("registry:deqar_resend", args=[publication.pk]) not in page


def test_deqar_unreachable_after_every_retry_shows_and_may_be_sent_again(
    client,
    cast,
    endpoint,
    django_capture_on_commit_callbacks,
):
    with override_settings(DEQAR_SUBMISSION_URL=""):
        publication = _publish(cast, django_capture_on_commit_callbacks)
    endpoint.fail_next = 1
    with pytest.raises(DeqarUnavailable):
        deqar_submit.apply(args=[publication.pk], retries=deqar_submit.max_retries)
    publication.refresh_from_db()
    with translation.override(settings.LANGUAGE_CODE):  # stored in the agency's language
        expected = gettext("DEQAR could not be reached: %(reason)s") % {"reason": "HTTP 503"}
    assert publication.deqar_error == expected
    page = _project_page(client, cast.secretary, publication)
    assert reverse("registry:deqar_resend", args=[publication.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("registry:deqar_resend", args=[publication.pk]))
    publication.refresh_from_db()
    assert publication.deqar_report_id == 1001 and Publication.objects.count() == 1
