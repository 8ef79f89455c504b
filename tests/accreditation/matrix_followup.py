"""The permission matrix's rows for the follow-up of the EEC's recommendations (see
tests/test_permission_matrix.py): a third person's project under monitoring, its report, one
recommendation with a progress report waiting for assessment, and its evidence file."""

import datetime

POST_ONLY: set[str] = {"accreditation:followup_make"}

VIEWS = {"followup", "followup_make", "followup_report", "followup_assess", "followup_evidence"}


def _world(with_items: bool):
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from accreditation.models import EECReport, FollowupItem, FollowupProgress, MonitoringTask
    from tests.factories import ProjectFactory, UserFactory

    made = FollowupItem.objects.count()
    coordinator = UserFactory(username=f"matrix_fu_coord_{made}_{with_items}")
    rep = UserFactory(username=f"matrix_fu_rep_{made}_{with_items}")
    project = ProjectFactory(status="post_monitoring", coordinator=coordinator)
    report = EECReport.objects.create(
        project=project, recommendations_eo="1. Involve students.", submitted_at=timezone.now()
    )
    task = MonitoringTask.objects.create(
        project=project, kind="annual_report", due_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    if not with_items:
        return project, None, None
    item = FollowupItem.objects.create(
        project=project,
        report=report,
        number=1,
        text="Involve students.",
        status="in_progress",
        created_by=coordinator,
    )
    progress = FollowupProgress(
        item=item,
        task=task,
        status="in_progress",
        note="Started.",
        reported_by=rep,
        reported_at=timezone.now(),
    )
    progress.evidence_file.save("evidence.txt", ContentFile(b"Minutes of the board"), save=False)
    progress.evidence_name = "evidence.txt"
    progress.save()
    return project, item, progress


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace != "accreditation" or view not in VIEWS:
        return None
    project, item, progress = _world(with_items=view != "followup_make")
    if view in ("followup", "followup_make"):
        return {"pk": project.pk}
    if view == "followup_evidence":
        return {"pk": project.pk, "item_pk": item.pk, "progress_pk": progress.pk}
    return {"pk": project.pk, "item_pk": item.pk}


def post_data(name: str) -> dict | None:
    return None
