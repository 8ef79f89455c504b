"""The permission matrix's rows for the Director General's approval of satisfaction targets
(tests/test_permission_matrix.py): a proposed target of a survey, written straight to the
database. Who may is the views' own declaration (moves=)."""

POST_ONLY: set[str] = {"reporting:satisfaction_target_return"}
VIEWS = {"reporting:satisfaction_target_approve", "reporting:satisfaction_target_return"}


def _proposed_target():
    from django.utils import timezone

    from surveys.models import SatisfactionTarget, Survey
    from tests.factories import UserFactory

    survey = Survey.objects.create(code="matrix-satisfaction", title="Matrix survey", audience="expert")
    return SatisfactionTarget.objects.create(
        survey=survey,
        year=timezone.localdate().year,
        proposed_percent=70,
        status=SatisfactionTarget.Status.PROPOSED,
        set_by=UserFactory(username="matrix_satisfaction_author"),
    )


def kwargs(name: str, person) -> dict | None:
    if name in VIEWS:
        return {"pk": _proposed_target().pk}
    return None


def post_data(name: str) -> dict | None:
    if name in POST_ONLY:
        return {}
    return None
