"""The responsibility matrix (§4.5.1) is generated from the role table, the process owners and
the workflow tables; it is never kept by hand, so a change of the role table changes it."""

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core.roles import ROLE_PERMISSIONS, Role
from governance.selectors.responsibility import responsibility_tables

pytestmark = pytest.mark.django_db


def _document_approval_row():
    table = next(t for t in responsibility_tables() if t.title == "Document version")
    return next(r for r in table.rows if r.target == "Approved, effective later")


def test_every_workflow_of_the_portal_has_its_rows():
    apps = {t.app for t in responsibility_tables()}
    assert {"Documents", "Accreditation", "Improvement", "Internal audits", "Surveys", "Governance"} <= apps
    assert _document_approval_row().cells == {Role.DIRECTOR.value: "A"}


def test_the_matrix_follows_the_role_table(monkeypatch):
    changed = {role: set(perms) for role, perms in ROLE_PERMISSIONS.items()}
    changed[Role.QMS_OWNER].add("documents.approve_document")
    changed[Role.DIRECTOR].discard("documents.approve_document")
    monkeypatch.setattr("governance.selectors.responsibility.ROLE_PERMISSIONS", changed)
    assert _document_approval_row().cells == {Role.QMS_OWNER.value: "A"}


def test_a_move_held_through_a_relation_names_it():
    table = next(t for t in responsibility_tables() if t.title == "Plan item")
    started = next(r for r in table.rows if r.target == "In progress")
    assert "anyone who owns the plan item" in started.conditions
    assert started.cells[Role.QMS_OWNER.value] == "R" and Role.DIRECTOR.value in started.cells


def test_staff_read_the_matrix_and_its_pdf(client_as):
    client = client_as(Role.STAFF)
    html = client.get(reverse("governance:responsibility_matrix")).content.decode()
    assert "Approved by the Director General" in html and "Process owners" in html
    response = client.get(reverse("governance:responsibility_matrix_pdf"))
    assert response["Content-Type"] == "application/pdf"
    import io

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Responsibility matrix" in text and "Document version" in text


def test_an_education_organization_does_not_read_it(client_as):
    client = client_as(Role.EO_REPRESENTATIVE)
    assert client.get(reverse("governance:responsibility_matrix")).status_code == 403
