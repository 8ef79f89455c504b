"""A finding opened from a checklist answer: the auditor states the finding in their own words
(the checklist's question is shown beside the form, not put in its place), the evidence is what
they noted, and the process is preselected — the audit's only one, or the one of their last
finding on this audit."""

import pytest
from django.urls import reverse

from audits import services
from tests.audits.conftest import answer_all

pytestmark = pytest.mark.django_db


def _form(client, audit, item):
    return client.get(reverse("audits:finding_create", args=[audit.pk]), {"item": item.pk})


def test_the_question_is_shown_not_prefilled_and_the_process_follows_the_last_finding(
    people, running, processes, client
):
    answer_all(running, people["member"], result="nonconforms")
    first, second = list(running.checklist.all())[:2]
    client.force_login(people["member"])
    response = _form(client, running, first)
    form = response.context["form"]
    assert not form.initial.get("statement")
    assert form.initial["evidence"] == "Seen the register."
    assert form.initial["process"] is None  # two processes, no finding yet: the auditor chooses
    assert "Checklist question:" in response.content.decode()

    services.finding_record(
        audit=running,
        actor=people["member"],
        kind="minor_nc",
        process=processes[1],
        criterion=first.criterion,
        statement="Two records kept past their retention period",
        evidence="R-12, R-19",
        checklist_item=first,
    )
    assert _form(client, running, second).context["form"].initial["process"] == processes[1].pk
