"""The permission matrix's rows for the people app (see tests/test_permission_matrix.py): each
view is opened on third persons' records — a specialist reporting to a head, both of them
strangers to the personas; who may is the view's own declaration (opens=)."""

import datetime

POST_ONLY: set[str] = set()

PLAIN = {"staff_list", "plan_list", "plan_create", "ethics", "ethics_register"}


def _world() -> dict:
    from django.core.files.base import ContentFile

    from people.models import (
        Appraisal,
        Attendance,
        Certificate,
        Position,
        PositionHolding,
        Training,
        TrainingPlan,
    )
    from tests.factories import UserFactory

    made = Position.objects.count()
    head = UserFactory(username=f"matrix_people_head_{made}")
    worker = UserFactory(username=f"matrix_people_worker_{made}")
    top = Position.objects.create(code=f"matrix-top-{made}", title="Head of department")
    spec = Position.objects.create(code=f"matrix-spec-{made}", title="Specialist", reports_to=top)
    since = datetime.date(2025, 1, 1)
    PositionHolding.objects.create(position=top, person=head, since=since)
    PositionHolding.objects.create(position=spec, person=worker, since=since)
    plan, _created = TrainingPlan.objects.get_or_create(year=2025, defaults={"created_by": head})
    training = Training.objects.create(
        plan=plan,
        title="Matrix course",
        kind="course",
        audience="staff",
        starts_on=datetime.date(2025, 2, 1),
        ends_on=datetime.date(2025, 2, 2),
        trainer="Trainer",
    )
    attendance = Attendance.objects.create(training=training, person=worker, recorded_by=head)
    certificate = Certificate(attendance=attendance, issued_on=datetime.date(2025, 2, 2), recorded_by=head)
    certificate.file.save("certificate.pdf", ContentFile(b"%PDF-1.4 matrix"), save=False)
    certificate.file_name = "certificate.pdf"
    certificate.save()
    appraisal = Appraisal.objects.create(person=worker, year=2025, head=head, goals="Goals")
    return {
        "position": spec.pk,
        "person": worker.pk,
        "plan": plan.pk,
        "training": training.pk,
        "attendance": attendance.pk,
        "certificate": certificate.pk,
        "appraisal": appraisal.pk,
    }


OBJECT_OF = {
    "position_detail": "position",
    "person_detail": "person",
    "appraisal_open": "person",
    "appraisal_sign": "appraisal",
    "plan_detail": "plan",
    "training_add": "plan",
    "training_detail": "training",
    "attendance_add": "training",
    "certificate_add": "attendance",
    "effectiveness_check": "attendance",
    "certificate_file": "certificate",
}


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace != "people":
        return None
    if view in PLAIN:
        return {}
    if view in OBJECT_OF:
        return {"pk": _world()[OBJECT_OF[view]]}
    return None


def post_data(name: str) -> dict | None:
    return None
