"""The standards and criteria experts score with are part of an approved document (§6.6, §3.2.2):
drafted on a draft version, in force only once it is approved and effective, never edited after
(the admin included), a new version shown criterion by criterion, projects keeping their own."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accreditation import selectors
from accreditation.models import AccreditationProject, Criterion, Standard, StandardSet
from accreditation.selectors.standards import current_standards
from accreditation.services import standards as instruments
from tests.accreditation.standards_world import (
    approve,
    draft_set,
    new_version,
    staff,
    standard_document,
    texts,
)
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
K = AccreditationProject.Kind


@pytest.fixture
def people(roles):
    return staff()


@pytest.fixture
def legacy():
    return StandardSet.objects.get(code="IAAR-INST-HE", version=1)


def _project(kind=K.INSTITUTIONAL):
    return AccreditationProject.objects.create(
        organization=OrganizationFactory(), kind=kind, standard_set=current_standards(kind)
    )


def test_a_draft_set_starts_from_the_set_in_force_and_is_not_current_until_approved(people, legacy):
    document = standard_document(people)
    version = document.versions.get()
    draft = draft_set(version, people)
    assert (draft.version, draft.is_current, draft.editable) == (2, False, True)
    assert Criterion.objects.filter(standard__standard_set=draft).count() == (
        Criterion.objects.filter(standard__standard_set=legacy).count()
    )
    assert current_standards(K.INSTITUTIONAL) == legacy

    approve(version, people)
    draft.refresh_from_db()
    legacy.refresh_from_db()
    assert (draft.is_current, legacy.is_current, draft.editable) == (True, False, False)
    assert current_standards(K.INSTITUTIONAL) == draft


def test_a_new_project_is_scored_against_the_new_criteria_while_an_older_one_keeps_its_own(people, legacy):
    older = _project()
    document = standard_document(people)
    version = document.versions.get()
    draft = draft_set(version, people)
    first = draft.standards.get(number=1)
    instruments.criterion_save(
        actor=people["pm"], standard=first, number=9, data=texts("text", "Stakeholders approve the strategy.")
    )
    approve(version, people)
    newer = _project()
    assert (older.standard_set, newer.standard_set) == (legacy, StandardSet.objects.get(pk=draft.pk))
    assert "Stakeholders approve the strategy." in [c.text for c in selectors.criteria_of(newer)]
    assert "Stakeholders approve the strategy." not in [c.text for c in selectors.criteria_of(older)]


def test_the_staff_page_edits_a_draft_in_every_language(client, people):
    version = standard_document(people).versions.get()
    draft = draft_set(version, people)
    standard = draft.standards.get(number=1)
    criterion = standard.criteria.get(number=1)
    client.force_login(people["pm"])
    url = reverse("accreditation:criterion_edit", args=[draft.pk, standard.pk, criterion.pk])
    data = {"number": 1, **texts("text", "A published policy.", ru="Опубликованная политика.")}
    data["text_ky"] = "Жарыяланган саясат."
    response = client.post(url, data, follow=True)
    assert "The criterion is saved." in response.content.decode()
    criterion.refresh_from_db()
    assert (criterion.text, criterion.text_ru, criterion.text_ky) == (
        "A published policy.",
        "Опубликованная политика.",
        "Жарыяланган саясат.",
    )


def test_a_criterion_without_every_language_is_refused_and_nothing_changes(client, people):
    draft = draft_set(standard_document(people).versions.get(), people)
    standard = draft.standards.get(number=1)
    client.force_login(people["pm"])
    data = {"number": 7, "text": "Only English.", "text_ru": "", "text_kk": "", "text_ky": ""}
    response = client.post(reverse("accreditation:criterion_add", args=[draft.pk, standard.pk]), data)
    assert response.status_code == 200
    assert not standard.criteria.filter(number=7).exists()


def test_an_effective_set_cannot_be_edited_by_the_form(client, people):
    version = standard_document(people).versions.get()
    draft = draft_set(version, people)
    approve(version, people)
    standard = draft.standards.get(number=1)
    criterion = standard.criteria.get(number=1)
    before = criterion.text
    client.force_login(people["pm"])
    url = reverse("accreditation:criterion_edit", args=[draft.pk, standard.pk, criterion.pk])
    response = client.post(url, {"number": 1, **texts("text", "Changed behind the approval.")}, follow=True)
    assert "cannot change" in response.content.decode()
    add = reverse("accreditation:criterion_add", args=[draft.pk, standard.pk])
    client.post(add, {"number": 8, **texts("text", "Sneaked in.")})
    remove = reverse("accreditation:criterion_remove", args=[draft.pk, criterion.pk])
    response = client.post(remove, follow=True)
    assert "cannot be changed" in response.content.decode()
    criterion.refresh_from_db()
    assert criterion.text == before
    assert not standard.criteria.filter(number=8).exists()
    # The page of the set in force offers no editing.
    page = client.get(draft.get_absolute_url()).content.decode()
    assert add not in page and "Read-only" in page


def test_a_set_in_review_is_frozen_too(people):
    version = standard_document(people).versions.get()
    draft = draft_set(version, people)
    from documents import services as documents

    documents.version_submit(
        version=version, actor=people["qms"], reviewers=[people["legal"]], peer_reviewers=[people["expert"]]
    )
    with pytest.raises(ValidationError, match="no longer a draft"):
        instruments.standard_save(
            actor=people["pm"], standard_set=draft, number=20, data=texts("title", "New")
        )
    assert not draft.standards.filter(number=20).exists()


def test_the_model_refuses_to_save_a_frozen_set_its_standards_or_criteria(legacy):
    criterion = Criterion.objects.filter(standard__standard_set=legacy).first()
    criterion.text = "Edited in a shell."
    with pytest.raises(ValidationError):
        criterion.save()
    standard = criterion.standard
    standard.title = "Edited"
    with pytest.raises(ValidationError):
        standard.save()
    with pytest.raises(ValidationError):
        Standard(standard_set=legacy, number=50, title="Extra").save()
    legacy.title = "Renamed"
    with pytest.raises(ValidationError):
        legacy.save()
    criterion.refresh_from_db()
    assert criterion.text != "Edited in a shell."
    assert not legacy.standards.filter(number=50).exists()
    assert StandardSet.objects.get(pk=legacy.pk).title != "Renamed"


def test_the_admin_shows_standards_read_only(admin_client, legacy):
    standard = legacy.standards.get(number=1)
    page = admin_client.get(reverse("admin:accreditation_standardset_change", args=[legacy.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = admin_client.post(
        reverse("admin:accreditation_standard_change", args=[standard.pk]),
        {"standard_set": legacy.pk, "number": 1, "title": "Changed in the admin"},
    )
    assert response.status_code == 403
    assert admin_client.get(reverse("admin:accreditation_standardset_add")).status_code == 403
    standard.refresh_from_db()
    assert standard.title != "Changed in the admin"


def test_the_primary_specialized_set_applies_to_primary_specialized_accreditation(people):
    specialized = current_standards(K.SPECIALIZED)
    assert current_standards(K.PRIMARY_SPECIALIZED) == specialized  # until its own set is in force
    version = standard_document(people, title="Standards of primary specialized accreditation").versions.get()
    primary = draft_set(version, people, code="IAAR-PRIM-HE", kind=K.PRIMARY_SPECIALIZED)
    instruments.standard_save(
        actor=people["pm"], standard_set=primary, number=1, data=texts("title", "Programme design")
    )
    approve(version, people)
    assert current_standards(K.PRIMARY_SPECIALIZED).pk == primary.pk
    assert current_standards(K.SPECIALIZED) == specialized


def test_a_new_version_shows_its_criteria_changes_and_the_document_links_to_them(client, people, legacy):
    document = standard_document(people)
    first = document.versions.get()
    v2 = draft_set(first, people)
    approve(first, people)
    second = new_version(document, people)
    v3 = draft_set(second, people)
    standard = v3.standards.get(number=1)
    one = standard.criteria.get(number=1)
    instruments.criterion_save(
        actor=people["pm"],
        standard=standard,
        number=1,
        data={**texts("text", one.text), "text_ru": "Новая формулировка политики."},
        criterion=one,
    )
    instruments.criterion_remove(actor=people["pm"], criterion=standard.criteria.get(number=2))
    instruments.criterion_save(
        actor=people["pm"], standard=standard, number=5, data=texts("text", "Brand new.")
    )
    client.force_login(people["qms"])
    page = client.get(second.get_absolute_url()).content.decode()
    diff_url = reverse("accreditation:standard_set_diff", args=[v3.pk])
    assert diff_url in page
    page = client.get(diff_url).content.decode()
    assert "Новая формулировка политики." in page and "Brand new." in page
    assert "1.2" in page and "Removed" in page and "Added" in page and "Changed" in page
    assert "1.3" not in page  # unchanged criteria are not listed
    assert v2.version == 2 and v3.version == 3
