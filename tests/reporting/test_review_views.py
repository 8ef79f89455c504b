"""The management review through its pages, as the IQAS owner, the Director General, a decision
owner and a Supervisory Board member use it; bad input gets a clear message and saves nothing."""

import datetime
import io
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.roles import Role
from improvement.models import Action, ManagementReview, ReviewDecision
from tests.factories import PASSWORD

TODAY = timezone.localdate()
LAST_YEAR = TODAY.year - 1
LATER = (TODAY + datetime.timedelta(days=45)).isoformat()


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def body(response) -> str:
    return response.content.decode()


@pytest.fixture
def cast(make_person):
    class Cast:
        qms = make_person(Role.QMS_OWNER, Role.STAFF, username="v_qms")
        director = make_person(Role.DIRECTOR, username="v_dg", first_name="Alma", last_name="Director")
        board = make_person(Role.SUPERVISORY_BOARD, username="v_board")
        pm = make_person(
            Role.PROJECT_MANAGER, Role.STAFF, username="v_pm", first_name="Aigerim", last_name="Sadykova"
        )
        clerk = make_person(Role.STAFF, username="v_clerk")

    return Cast


def _as(client, user):
    client.force_login(user)
    return client


def _url(name, review=None):
    return reverse(f"reporting:{name}", args=[review.pk] if review else [])


def _planned(client, cast) -> ManagementReview:
    _as(client, cast.qms)
    response = client.post(
        _url("review_create"),
        {
            "period_start": f"{LAST_YEAR}-01-01",
            "period_end": f"{LAST_YEAR}-12-31",
            "planned_on": (TODAY + datetime.timedelta(days=10)).isoformat(),
            "chair": cast.director.pk,
        },
    )
    review = ManagementReview.objects.get()
    assert response.status_code == 302 and response["Location"] == review.get_absolute_url()
    return review


def _held(client, cast) -> ManagementReview:
    review = _planned(client, cast)
    client.post(_url("review_assemble", review))
    client.post(
        _url("review_hold", review),
        {
            "held_on": TODAY.isoformat(),
            "participants": "Director General; IQAS owner; heads of departments",
            "conclusions": "The IQAS is effective. More student experts are needed.",
        },
    )
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.HELD
    return review


def test_the_whole_review_through_its_pages(client, cast):
    review = _planned(client, cast)
    assert review.number == f"MR-{LAST_YEAR}-01"
    page = client.get(review.get_absolute_url())
    assert "Assemble the input pack" in body(page)

    client.post(_url("review_assemble", review))
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.INPUTS
    pack = client.get(_url("review_pack", review))
    assert pack.status_code == 200
    assert "1. Feedback from stakeholders" in pdf_text(b"".join(pack.streaming_content))

    client.post(
        _url("review_hold", review),
        {
            "held_on": TODAY.isoformat(),
            "participants": "All heads",
            "conclusions": "Effective, with resources short.",
        },
    )
    for kind, text, owner in (
        ("resources", "Hire a second coordinator", cast.pm),
        ("effectiveness", "Train auditors in ISO 19011", cast.clerk),
    ):
        response = client.post(
            _url("review_decision_add", review),
            {"kind": kind, "text": text, "owner": owner.pk, "due_on": LATER},
        )
        assert response.status_code == 302
    client.post(_url("review_submit", review), {"order_number": "17-OD", "order_text": ""})
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.SIGNATURE and review.order_number == "17-OD"

    # Only the Director General opens the signing page.
    assert client.get(_url("review_sign", review)).status_code == 403
    _as(client, cast.director)
    assert "Sign the management review order" in body(client.get(reverse("core:dashboard")))
    page = client.get(_url("review_sign", review))
    assert page.status_code == 200 and "Hire a second coordinator" in body(page)
    refused = client.post(_url("review_sign", review), {"password": "not-my-password"})
    assert refused.status_code == 200 and "password is not right" in body(refused)
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.SIGNATURE
    signed = client.post(_url("review_sign", review), {"password": PASSWORD})
    assert signed.status_code == 302
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.SIGNED and review.order_signed_by == cast.director

    order = client.get(_url("review_order", review))
    text = pdf_text(b"".join(order.streaming_content))
    assert "17-OD" in text and "Hire a second coordinator" in text and "Director Alma" in text

    # The decision shows on its owner's dashboard and "My actions"; done needs evidence.
    _as(client, cast.pm)
    assert "Hire a second coordinator" in body(client.get(reverse("core:dashboard")))
    # The owner opens the review from the task, and reads the signed order, without reading other reviews.
    page = client.get(review.get_absolute_url())
    assert page.status_code == 200 and "Mark done" in body(page)
    assert client.get(_url("review_order", review)).status_code == 200
    assert client.get(_url("review_pack", review)).status_code == 403
    assert "Hire a second coordinator" in body(client.get(reverse("improvement:action_list")))
    action = Action.objects.get(decision__text="Hire a second coordinator")
    empty = client.post(reverse("improvement:action_complete", args=[action.pk]), {"evidence": "   "})
    assert empty.status_code == 200
    action.refresh_from_db()
    assert action.status == Action.Status.OPEN
    client.post(
        reverse("improvement:action_complete", args=[action.pk]), {"evidence": "Order 22-K on hiring"}
    )
    action.refresh_from_db()
    assert action.status == Action.Status.DONE

    # The IQAS owner cannot close while a decision is open.
    _as(client, cast.qms)
    response = client.post(_url("review_close", review), follow=True)
    assert "still open" in body(response)
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.SIGNED
    other = Action.objects.get(decision__text="Train auditors in ISO 19011")
    _as(client, cast.clerk)
    client.post(reverse("improvement:action_complete", args=[other.pk]), {"evidence": "Two auditors trained"})
    _as(client, cast.qms)
    client.post(_url("review_close", review))
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.CLOSED


def test_the_board_and_the_director_read_but_do_not_prepare(client, cast):
    review = _held(client, cast)
    for reader in (cast.board, cast.director):
        _as(client, reader)
        assert client.get(_url("review_list")).status_code == 200
        page = client.get(review.get_absolute_url())
        assert page.status_code == 200 and "The IQAS is effective" in body(page)
        assert "Add a decision" not in body(page)
        response = client.post(
            _url("review_decision_add", review),
            {"kind": "resources", "text": "x", "owner": cast.pm.pk, "due_on": LATER},
        )
        assert response.status_code == 403
    _as(client, cast.clerk)  # owns no decision of it: as if it did not exist
    assert client.get(review.get_absolute_url()).status_code == 404
    assert client.get(_url("review_list")).status_code == 403
    assert not ReviewDecision.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"due_on": (TODAY - datetime.timedelta(days=1)).isoformat()}, "cannot be in the past"),
        ({"owner": 999_999}, "Select a valid choice"),
        ({"kind": "world_peace"}, "Select a valid choice"),
        ({"text": "x" * 100_000}, "at most 10000 characters"),
        ({"text": "   "}, "This field is required"),
    ],
)
def test_a_bad_decision_is_refused_with_a_message_and_nothing_saved(client, cast, data, message):
    review = _held(client, cast)
    fields = {"kind": "resources", "text": "Hire a coordinator", "owner": cast.pm.pk, "due_on": LATER, **data}
    response = client.post(_url("review_decision_add", review), fields)
    assert response.status_code == 200
    assert message in body(response).replace("&#x27;", "'")
    assert "nothing was saved" in body(response).lower()
    assert not ReviewDecision.objects.exists() and not Action.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"conclusions": ""}, "This field is required"),
        ({"conclusions": "x" * 100_000}, "at most 10000 characters"),
        ({"held_on": (TODAY + datetime.timedelta(days=3)).isoformat()}, "once it has been held"),
        ({"held_on": "31.02.2026"}, "Enter a valid date"),
        ({"chair": 999_999}, "Select a valid choice"),
    ],
)
def test_a_bad_meeting_record_is_refused_and_nothing_saved(client, cast, data, message):
    review = _planned(client, cast)
    client.post(_url("review_assemble", review))
    fields = {"held_on": TODAY.isoformat(), "participants": "All", "conclusions": "Effective.", **data}
    response = client.post(_url("review_hold", review), fields)
    assert response.status_code == 200 and message in body(response)
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.INPUTS and review.conclusions == ""


def test_a_review_that_does_not_exist_is_not_found(client, cast):
    _as(client, cast.qms)
    assert client.get(reverse("reporting:review_detail", args=[424242])).status_code == 404
    assert client.post(reverse("reporting:review_assemble", args=[424242])).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"planned_on": (TODAY - datetime.timedelta(days=1)).isoformat()}, "cannot be in the past"),
        ({"period_end": f"{LAST_YEAR - 1}-06-30"}, "ends after it starts"),
        ({"period_start": "not a date"}, "Enter a valid date"),
    ],
)
def test_a_bad_plan_is_refused(client, cast, data, message):
    _as(client, cast.qms)
    fields = {
        "period_start": f"{LAST_YEAR}-01-01",
        "period_end": f"{LAST_YEAR}-12-31",
        "planned_on": (TODAY + datetime.timedelta(days=10)).isoformat(),
        **data,
    }
    response = client.post(_url("review_create"), fields)
    assert response.status_code == 200 and message in body(response)
    assert not ManagementReview.objects.exists()


def test_an_overlapping_period_is_refused(client, cast):
    _planned(client, cast)
    response = client.post(
        _url("review_create"),
        {
            "period_start": f"{LAST_YEAR}-06-01",
            "period_end": f"{TODAY.year}-05-31",
            "planned_on": (TODAY + datetime.timedelta(days=10)).isoformat(),
        },
    )
    assert "covers part of this period" in body(response)
    assert ManagementReview.objects.count() == 1


def test_the_director_returns_the_order_with_a_reason(client, cast):
    review = _held(client, cast)
    client.post(
        _url("review_decision_add", review),
        {"kind": "resources", "text": "Hire a coordinator", "owner": cast.pm.pk, "due_on": LATER},
    )
    client.post(_url("review_submit", review), {})
    _as(client, cast.director)
    client.post(_url("review_return", review), {"reason": ""})
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.SIGNATURE
    client.post(_url("review_return", review), {"reason": "Give each decision a measurable result."})
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.HELD


def test_a_tampered_pack_is_not_served(client, cast):
    review = _planned(client, cast)
    client.post(_url("review_assemble", review))
    review.refresh_from_db()
    with Path(review.pack_file.path).open("ab") as handle:
        handle.write(b"changed")
    response = client.get(_url("review_pack", review), follow=True)
    assert "no longer matches its SHA-256" in body(response)
