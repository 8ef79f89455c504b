"""The threshold requirements by level of education (§6.2.2) are a controlled list: data tied to
an approved document version, not code; a project keeps the list it was checked against."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from accreditation import services
from accreditation.models import AccreditationProject, ThresholdItem, ThresholdList
from accreditation.selectors import standards as sel
from accreditation.services import standards as instruments
from documents.models import Document
from tests.accreditation.standards_world import approve, staff, standard_document, texts
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
S = AccreditationProject.Status


@pytest.fixture
def people(roles):
    return staff("thr")


def test_the_lists_that_were_in_code_are_data_in_every_language():
    assert [code for code, _label in sel.checklist_for("higher")] == [
        "licence",
        "charter",
        "no_violations",
        "working_group",
        "graduates",
        "teaching_staff",
    ]
    assert [code for code, _label in sel.checklist_for("tvet")][-1] == "practice"
    with translation.override("ky"):
        assert sel.checklist_for("secondary")[0][1] == "Билим берүү ишмердүүлүгүнө лицензия күчүндө"


def test_a_list_in_force_cannot_be_changed_without_an_approved_version(client, people):
    current = sel.threshold_list_current("higher")
    item = current.items.get(code="licence")
    item.text = "Changed in a shell"
    with pytest.raises(ValidationError):
        item.save()
    with pytest.raises(ValidationError):
        ThresholdItem(threshold_list=current, code="extra", text="Extra").save()
    client.force_login(people["pm"])
    url = reverse("accreditation:threshold_item_edit", args=[current.pk, item.pk])
    response = client.post(url, {"code": "licence", "position": 1, **texts("text", "Edited")}, follow=True)
    assert "cannot change" in response.content.decode()
    assert ThresholdItem.objects.get(pk=item.pk).text == "Licence for educational activity is valid"
    assert not current.items.filter(code="extra").exists()


def _project(pm, level="higher"):
    project = AccreditationProject.objects.create(
        organization=OrganizationFactory(), kind="institutional", level=level, status=S.THRESHOLD_CHECK
    )
    return project


def test_a_new_list_applies_once_approved_and_a_checked_project_keeps_its_own(client, people):
    older = _project(people["pm"])
    old_list = sel.threshold_list_current("higher")
    services.threshold_decide(
        project=older, actor=people["pm"], items={code: True for code, _l in sel.checklist_for("higher")}
    )
    regulation = standard_document(people, title="Threshold requirements", doc_type=Document.Type.REGULATION)
    version = regulation.versions.get()
    draft = instruments.threshold_list_draft(actor=people["pm"], document_version=version, level="higher")
    instruments.threshold_item_save(
        actor=people["pm"], threshold_list=draft, code="library", position=9, data=texts("text", "A library")
    )
    # Not in force until approved: the check still asks the old list.
    assert "library" not in [c for c, _l in sel.checklist_for("higher")]
    approve(version, people)
    assert sel.threshold_list_current("higher").pk == draft.pk
    newer = _project(people["pm"])
    with pytest.raises(ValidationError):  # the old answers do not cover the new list
        services.threshold_decide(
            project=newer, actor=people["pm"], items={c: True for c, _l in sel.checklist_of(old_list)}
        )
    services.threshold_decide(
        project=newer, actor=people["pm"], items={c: True for c, _l in sel.checklist_for("higher")}
    )
    older.refresh_from_db()
    newer.refresh_from_db()
    assert (older.threshold_list_id, newer.threshold_list_id) == (old_list.pk, draft.pk)
    assert "library" not in [c for c, _l in sel.project_checklist(older)]
    assert ThresholdList.objects.get(pk=old_list.pk).is_current is False


def test_the_threshold_page_asks_the_list_in_force(client, people):
    project = _project(people["pm"], level="tvet")
    client.force_login(people["pm"])
    page = client.get(reverse("accreditation:project_threshold", args=[project.pk])).content.decode()
    assert "Agreements with employers on industrial practice" in page
