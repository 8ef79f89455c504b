"""The permission matrix's rows for the assessment instruments' pages (see
tests/test_permission_matrix.py): a third person's standard document with a draft version that
carries a draft standard set and draft threshold requirements, so the editing pages work."""

POST_ONLY: set[str] = {"accreditation:criterion_remove", "accreditation:threshold_item_remove"}

SET_VIEWS = {"standard_set_detail", "standard_set_diff", "standard_add"}
STANDARD_VIEWS = {"standard_edit", "criterion_add"}
LIST_VIEWS = {"threshold_list_detail", "threshold_item_add"}
VERSION_VIEWS = {"standard_set_draft", "threshold_list_draft"}


def _world():
    from accreditation.models import ThresholdList
    from accreditation.services import standards as instruments
    from tests.accreditation.standards_world import draft_set, staff, standard_document

    made = ThresholdList.objects.count()
    people = staff(f"matrix_std{made}")
    version = standard_document(people, title=f"Matrix standards {made}").versions.get()
    standard_set = draft_set(version, people)
    checklist = instruments.threshold_list_draft(actor=people["pm"], document_version=version, level="higher")
    return version, standard_set, checklist


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace != "accreditation":
        return None
    if view == "standards_list":
        return {}
    known = SET_VIEWS | STANDARD_VIEWS | LIST_VIEWS | VERSION_VIEWS
    if view not in known | {
        "criterion_edit",
        "criterion_remove",
        "threshold_item_edit",
        "threshold_item_remove",
    }:
        return None
    version, standard_set, checklist = _world()
    standard = standard_set.standards.order_by("number").first()
    criterion = standard.criteria.order_by("number").first()
    item = checklist.items.order_by("position").first()
    if view in VERSION_VIEWS:
        return {"version_pk": version.pk}
    if view in SET_VIEWS:
        return {"pk": standard_set.pk}
    if view in STANDARD_VIEWS:
        return {"pk": standard_set.pk, "standard_pk": standard.pk}
    if view == "criterion_edit":
        return {"pk": standard_set.pk, "standard_pk": standard.pk, "criterion_pk": criterion.pk}
    if view == "criterion_remove":
        return {"pk": standard_set.pk, "criterion_pk": criterion.pk}
    if view in LIST_VIEWS:
        return {"pk": checklist.pk}
    return {"pk": checklist.pk, "item_pk": item.pk}


def post_data(name: str) -> dict | None:
    return None
