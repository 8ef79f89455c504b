"""The whole life of an accreditation, through the services, stage by stage."""

from accreditation.models import AccreditationProject, Certificate, MonitoringTask, Publication
from core.selectors import events_for
from demo.walkthrough import drive

S = AccreditationProject.Status


def test_a_programme_accreditation_runs_from_application_to_monitoring(cast):
    project = drive(cast.project, cast, S.POST_MONITORING)

    assert project.status == S.POST_MONITORING
    certificate = Certificate.objects.get(project=project)
    assert certificate.status == Certificate.Status.VALID
    assert certificate.programme == cast.programme
    assert (certificate.valid_until - certificate.valid_from).days in (1826, 1827)
    assert certificate.signed_by == cast.director and len(certificate.content_sha256) == 64
    publication = Publication.objects.get(project=project)
    assert publication.decision_pdf.read().startswith(b"%PDF")
    assert "Eurasian Tech University" in publication.authority_notice
    tasks = MonitoringTask.objects.filter(project=project)
    assert tasks.filter(kind="annual_report").count() == 4
    assert tasks.filter(kind="midterm_visit").count() == 1
    # Every stage is on the timeline, with who moved it.
    stages = [e.to_state for e in events_for(project) if e.to_state]
    for stage in (S.THRESHOLD_CHECK, S.EEC_FORMATION, S.VISIT, S.COUNCIL, S.DECIDED, S.POST_MONITORING):
        assert stage in stages
    assert all(e.actor_id for e in events_for(project))
