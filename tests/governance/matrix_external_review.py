"""The permission matrix's rows for the agency's external review (see
tests/test_permission_matrix.py): a review with its panel's report, a recommendation owned by a
third person with an evidence file, and a registration."""

import datetime

POST_ONLY: set[str] = {"governance:xr_advance", "governance:xr_panelist_add"}


def _review():
    from django.core.files.base import ContentFile

    from governance.models import AgencyReview, Registration, ReviewRecommendation
    from tests.factories import UserFactory

    made = AgencyReview.objects.count()
    keeper = UserFactory(username=f"matrix_xr_keeper_{made}")
    review = AgencyReview(body="enqa", title=f"ENQA review {made}", created_by=keeper)
    review.report_file.save("panel.txt", ContentFile(b"Panel report"), save=False)
    review.report_name = "panel.txt"
    review.save()
    rec = ReviewRecommendation(
        review=review, number=1, text="Publish the analysis.", owner=keeper, due_on=datetime.date(2027, 3, 1)
    )
    rec.evidence_file.save("evidence.txt", ContentFile(b"Analysis"), save=False)
    rec.evidence_name = "evidence.txt"
    rec.save()
    registration = Registration.objects.create(
        body="eqar", kind="registration", valid_from=datetime.date(2022, 6, 1), created_by=keeper
    )
    return review, rec, registration


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace != "governance" or not view.startswith("xr_"):
        return None
    if view in ("xr_list", "xr_registration_add", "xr_review_add"):
        return {}
    review, rec, registration = _review()
    if view == "xr_registration_edit":
        return {"pk": registration.pk}
    if view in ("xr_rec_update", "xr_rec_file"):
        return {"pk": rec.pk}
    if view == "xr_file":
        return {"pk": review.pk, "what": "report"}
    return {"pk": review.pk}


def post_data(name: str) -> dict | None:
    if name == "governance:xr_advance":
        return {"target": "visit"}
    if name == "governance:xr_panelist_add":
        return {"name": "Dr. Anna Kowalska", "role": "chair"}
    return None
