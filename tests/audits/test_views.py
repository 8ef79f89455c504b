"""The whole audit in the browser's requests, and who may open what."""

import hashlib

from django.urls import reverse

from audits.models import Audit, AuditProgramme, ChecklistItem, Finding
from core.models import Criterion, Process
from tests.factories import PASSWORD


def _as(client, person):
    client.force_login(person)
    return client


def _html(response) -> str:
    return response.content.decode()


def _plan_data(processes, criteria, **changes) -> dict:
    data = {
        "title": "Document management",
        "scope": "Registry and archive",
        "processes": [p.pk for p in processes],
        "criteria": [c.pk for c in criteria],
        "starts_on": "2026-03-02",
        "ends_on": "2026-03-20",
    }
    data.update(changes)
    return data


def test_a_whole_audit_in_the_browser(client, people, processes, criteria):
    # The IQAS owner draws up the programme and plans an audit; bad dates are refused first.
    _as(client, people["qms"])
    response = client.post(reverse("audits:programme_create"), {"year": 2026, "objectives": "Documents"})
    assert response.status_code == 302 and AuditProgramme.objects.filter(year=2026).exists()
    plan_url = reverse("audits:create", args=[2026])
    page = _html(client.get(plan_url))
    assert "ESG" in page and "Quality manual" in page  # criteria grouped by source
    response = client.post(plan_url, _plan_data(processes, criteria, ends_on="2026-03-01"))
    assert response.status_code == 200 and "cannot end before it starts" in _html(response)
    assert not Audit.objects.exists()
    response = client.post(plan_url, _plan_data(processes, criteria))
    audit = Audit.objects.get()
    assert response["Location"] == audit.get_absolute_url() and audit.number == "IA-2026-01"
    programme_page = _html(client.get(reverse("audits:programme", args=[2026])))
    assert "Management of records" in programme_page and "IA-2026-01" in programme_page
    assert "IA-2026-01" in _html(client.get(reverse("audits:list")))

    # The working group: the process owner is warned and needs a reason.
    team_url = reverse("audits:team", args=[audit.pk])
    client.post(team_url, {"auditor": people["leader"].pk, "role": "leader"})
    response = client.post(team_url, {"auditor": people["owner"].pk, "role": "member"})
    assert "owns a process in this audit" in _html(response)
    client.post(
        team_url, {"auditor": people["owner"].pk, "role": "member", "conflict_reason": "Knows the register."}
    )
    client.post(team_url, {"auditor": people["member"].pk, "role": "member"})
    assert audit.team.filter(active=True).count() == 3
    detail = _html(client.get(audit.get_absolute_url()))
    assert "audits a process they own" in detail and "Knows the register." in detail

    # The Director General signs the order: a wrong password first.
    _as(client, people["director"])
    order_url = reverse("audits:order_sign", args=[audit.pk])
    assert client.get(order_url).status_code == 200
    response = client.post(order_url, {"order_number": "ORD-7", "password": "wrong"})
    assert "password is not right" in _html(response)
    client.post(order_url, {"order_number": "ORD-7", "password": PASSWORD})
    audit.refresh_from_db()
    assert audit.order_number == "ORD-7" and audit.order_signed
    order_pdf = client.get(reverse("audits:order_pdf", args=[audit.pk]))
    assert order_pdf["Content-Type"] == "application/pdf" and order_pdf.content.startswith(b"%PDF")

    # The leader starts; members answer the checklist and record findings.
    _as(client, people["leader"])
    client.post(reverse("audits:start", args=[audit.pk]))
    audit.refresh_from_db()
    assert audit.status == Audit.Status.IN_PROGRESS and audit.checklist.count() == len(criteria)
    _as(client, people["member"])
    items = list(audit.checklist.all())
    for item in items[1:]:
        client.post(
            reverse("audits:checklist_answer", args=[audit.pk, item.pk]), {"result": "conforms", "note": ""}
        )
    client.post(
        reverse("audits:checklist_answer", args=[audit.pk, items[0].pk]),
        {"result": "nonconforms", "note": "Two records past retention."},
    )
    assert not audit.checklist.filter(result=ChecklistItem.Result.OPEN).exists()
    detail = _html(client.get(audit.get_absolute_url()))
    finding_url = reverse("audits:finding_create", args=[audit.pk])
    assert f"{finding_url}?item={items[0].pk}" in detail
    prefilled = _html(client.get(f"{finding_url}?item={items[0].pk}"))
    assert "Two records past retention." in prefilled
    response = client.post(
        finding_url,
        {
            "kind": "minor_nc",
            "process": processes[0].pk,
            "statement": "Records past retention",
            "evidence": "",
        },
    )
    assert response.status_code == 200 and not Finding.objects.exists()
    client.post(
        finding_url,
        {
            "kind": "minor_nc",
            "process": processes[0].pk,
            "criterion": items[0].criterion_id,
            "statement": "Records past retention",
            "evidence": "Register entries R-12, R-19",
            "checklist_item": items[0].pk,
        },
    )
    finding = Finding.objects.get()
    assert finding.nonconformity.source_reference == finding.number
    detail = _html(client.get(audit.get_absolute_url()))
    assert finding.nonconformity.get_absolute_url() in detail and "no corrective action yet" in detail

    # The leader writes and signs the report.
    _as(client, people["leader"])
    client.post(
        reverse("audits:report_edit", args=[audit.pk]),
        {"analysis": "Records mostly fine.", "conclusion": "OK"},
    )
    client.post(
        reverse("audits:recommendation_add", args=[audit.pk]), {"text": "Revise the records procedure."}
    )
    response = client.post(reverse("audits:report_sign", args=[audit.pk]), {"password": PASSWORD})
    audit.refresh_from_db()
    assert audit.status == Audit.Status.REPORT_DRAFTED, _html(response)

    # Only the Director General accepts it; the accepted PDF is the stored one.
    _as(client, people["qms"])
    assert client.get(reverse("audits:report_approve", args=[audit.pk])).status_code == 403
    _as(client, people["director"])
    preview = _html(client.get(reverse("audits:report", args=[audit.pk])))
    assert "Records past retention" in preview and "not yet accepted" in preview
    client.post(reverse("audits:report_approve", args=[audit.pk]), {"password": PASSWORD})
    audit.refresh_from_db()
    assert audit.status == Audit.Status.REPORT_APPROVED
    served = client.get(reverse("audits:report_pdf", args=[audit.pk]))
    body = b"".join(served.streaming_content)
    assert hashlib.sha256(body).hexdigest() == audit.report_sha256

    # Closing waits for the corrective action; the page says which.
    _as(client, people["qms"])
    response = client.post(reverse("audits:close", args=[audit.pk]), follow=True)
    assert "no corrective action yet" in _html(response)
    audit.refresh_from_db()
    assert audit.status == Audit.Status.REPORT_APPROVED


def test_a_tampered_report_is_not_handed_out(client, people, approved):
    approved.report_file.open("wb").write(b"%PDF-1.4 forged")
    _as(client, people["director"])
    response = client.get(reverse("audits:report_pdf", args=[approved.pk]), follow=True)
    assert "does not match its recorded checksum" in _html(response)


def test_who_sees_and_does_what(client, people, running):
    detail = running.get_absolute_url()
    finding_url = reverse("audits:finding_create", args=[running.pk])
    # Management sees every audit; only members record findings.
    for who in ("director", "qms", "board"):
        _as(client, people[who])
        assert client.get(detail).status_code == 200
        assert client.get(finding_url).status_code == 403
    # An auditor not on this group does not see it at all.
    _as(client, people["other_auditor"])
    assert client.get(detail).status_code == 404
    assert client.get(finding_url).status_code == 404
    assert "IA-2026-01" not in _html(client.get(reverse("audits:list")))
    # Members see it; only the leader writes the report.
    _as(client, people["member"])
    assert client.get(detail).status_code == 200
    assert client.get(finding_url).status_code == 200
    assert client.get(reverse("audits:report_edit", args=[running.pk])).status_code == 403
    assert "IA-2026-01" in _html(client.get(reverse("audits:list")))
    # Staff without an audit role do not reach the register.
    _as(client, people["staff"])
    assert client.get(reverse("audits:list")).status_code == 403


def test_a_finding_outside_the_scope_is_refused_in_the_form(client, people, running):
    _as(client, people["member"])
    outside = Process.objects.get(code="finance")
    response = client.post(
        reverse("audits:finding_create", args=[running.pk]),
        {"kind": "observation", "process": outside.pk, "statement": "Budget", "evidence": "Ledger"},
    )
    assert response.status_code == 200 and "Select a valid choice" in _html(response)
    assert not Finding.objects.exists()


def test_plan_dates_outside_the_year_are_refused(client, people, programme, processes):
    _as(client, people["qms"])
    criteria = Criterion.objects.filter(code="m-3-2")
    response = client.post(
        reverse("audits:create", args=[programme.year]),
        _plan_data(processes, criteria, starts_on="2025-12-01", ends_on="2026-01-10"),
    )
    assert "within the programme&#x27;s year 2026" in _html(response)
    assert not Audit.objects.exists()


def test_the_director_returns_a_report_in_the_browser(client, people, drafted):
    _as(client, people["director"])
    url = reverse("audits:report_return", args=[drafted.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code == 200
    client.post(url, {"comment": "Add the archive analysis."})
    drafted.refresh_from_db()
    assert drafted.status == Audit.Status.IN_PROGRESS


def test_the_dashboard_says_whose_turn_it_is(people, staffed):
    from audits import services
    from core.dashboard import dashboard_for

    def details(person) -> list[str]:
        board = dashboard_for(person)
        return [t.detail for t in board.waiting + board.due_soon + board.overdue]

    assert "Sign the order appointing the working group" in details(people["director"])
    services.order_sign(audit=staffed, actor=people["director"], password=PASSWORD)
    assert "Start the audit: the order is signed" in details(people["leader"])
    assert "Sign the order appointing the working group" not in details(people["director"])


def test_the_director_sees_what_to_order_on_an_accepted_report(client, people, approved):
    _as(client, people["director"])
    html = _html(client.get(approved.get_absolute_url()))
    recommendation = approved.recommendations.get()
    assert reverse("audits:recommendation_order", args=[approved.pk, recommendation.pk]) in html
    assert approved.report_sha256 in html
    _as(client, people["board"])
    html = _html(client.get(approved.get_absolute_url()))
    assert "Order a document change" not in html and "Close the audit" not in html


def test_a_number_taken_by_an_imported_audit_is_skipped(people, programme, processes, criteria):
    import datetime

    from audits import services
    from tests.factories import AuditFactory

    AuditFactory(number="IA-2026-01", programme=programme, created_by=people["qms"])
    audit = services.audit_plan(
        actor=people["qms"],
        programme=programme,
        title="Records",
        processes=processes,
        criteria=criteria,
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2026, 4, 2),
    )
    assert audit.number == "IA-2026-02"
