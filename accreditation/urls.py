from django.urls import path

from .views import (
    appeals,
    certificates,
    commission,
    council,
    experts,
    followup,
    monitoring,
    organizations,
    projects,
    standards,
)

app_name = "accreditation"

project = "projects/<int:pk>/"
meeting = "council/<int:pk>/"

urlpatterns = [
    path("projects/", projects.ProjectListView.as_view(), name="project_list"),
    path("projects/apply/", projects.project_apply, name="project_apply"),
    path("workspace/", projects.workspace, name="workspace"),
    path(project, projects.project_detail, name="project_detail"),
    path(f"{project}move/", projects.project_move, name="project_move"),
    path(f"{project}threshold/", projects.project_threshold, name="project_threshold"),
    path(f"{project}contract/", projects.project_contract, name="project_contract"),
    path(f"{project}assign/", projects.project_assign, name="project_assign"),
    path(f"{project}contract/amendments/", projects.contract_amend, name="contract_amend"),
    path(f"{project}self-assessment/", projects.self_assessment_submit, name="self_assessment_submit"),
    path(
        f"{project}self-assessment/<int:report_pk>/review/",
        projects.self_assessment_review,
        name="self_assessment_review",
    ),
    path(
        f"{project}self-assessment/<int:report_pk>/file/",
        projects.self_assessment_file,
        name="self_assessment_file",
    ),
    # The expert commission
    path(f"{project}commission/", commission.commission, name="commission"),
    path(f"{project}commission/<int:member_pk>/remove/", commission.member_remove, name="member_remove"),
    path(f"{project}commission/propose/", commission.commission_propose, name="commission_propose"),
    path(f"{project}commission/respond/", commission.commission_respond, name="commission_respond"),
    path(f"{project}commission/declaration/", commission.declaration_sign, name="declaration_sign"),
    path(f"{project}commission/approve/", commission.commission_approve, name="commission_approve"),
    # The visit, the scores, the report
    path(f"{project}visit/", commission.visit_plan, name="visit_plan"),
    path(f"{project}visit/sessions/", commission.session_add, name="session_add"),
    path(f"{project}visit/held/", commission.visit_held, name="visit_held"),
    path(f"{project}evidence/", commission.evidence_add, name="evidence_add"),
    path(f"{project}evidence/<int:evidence_pk>/", commission.evidence_file, name="evidence_file"),
    path(f"{project}scores/", commission.scores, name="scores"),
    path(f"{project}report/", commission.report_edit, name="report_edit"),
    path(f"{project}report/submit/", commission.report_submit, name="report_submit"),
    path(f"{project}report.pdf", commission.report_pdf, name="report_pdf"),
    path(f"{project}report/review/", commission.report_review, name="report_review"),
    # After the council
    path(f"{project}publish/", certificates.publish, name="publish"),
    path(
        f"{project}publications/<int:publication_pk>/<str:what>.pdf",
        certificates.publication_file,
        name="publication_file",
    ),
    path(f"{project}reaccreditation/", monitoring.reaccreditation, name="reaccreditation"),
    path(f"{project}appeal/", appeals.appeal_file, name="appeal_file"),
    path(f"{project}monitoring/<int:task_pk>/", monitoring.monitoring_submit, name="monitoring_submit"),
    path(
        f"{project}monitoring/<int:task_pk>/review/", monitoring.monitoring_review, name="monitoring_review"
    ),
    path(f"{project}monitoring/<int:task_pk>/file/", monitoring.monitoring_file, name="monitoring_file"),
    path("certificates/<int:pk>/", certificates.certificate_detail, name="certificate_detail"),
    path("certificates/<int:pk>/pdf/", certificates.certificate_pdf, name="certificate_pdf"),
    path("certificates/<int:pk>/reissue/", certificates.certificate_reissue, name="certificate_reissue"),
    # The council
    path("council/", council.MeetingListView.as_view(), name="meeting_list"),
    path("council/new/", council.meeting_create, name="meeting_create"),
    path(meeting, council.meeting_detail, name="meeting_detail"),
    path(f"{meeting}agenda/", council.agenda_add, name="agenda_add"),
    path(f"{meeting}attendance/", council.attendance, name="attendance"),
    path(f"{meeting}open/", council.meeting_open, name="meeting_open"),
    path(f"{meeting}close/", council.meeting_close, name="meeting_close"),
    path(f"{meeting}items/<int:item_pk>/vote/", council.vote, name="vote"),
    path(f"{meeting}items/<int:item_pk>/recuse/", council.recuse, name="recuse"),
    path(f"{meeting}items/<int:item_pk>/close/", council.item_close, name="item_close"),
    # Experts
    path("experts/", experts.ExpertListView.as_view(), name="expert_list"),
    path("experts/new/", experts.expert_create, name="expert_create"),
    path("experts/<int:pk>/", experts.expert_detail, name="expert_detail"),
    path("experts/<int:pk>/edit/", experts.expert_edit, name="expert_edit"),
    path("experts/<int:pk>/trainings/", experts.training_add, name="training_add"),
    path(
        "experts/<int:pk>/trainings/<int:training_pk>/certificate/",
        experts.training_certificate,
        name="training_certificate",
    ),
    # Appeals and complaints
    path("appeals/", appeals.AppealListView.as_view(), name="appeal_list"),
    path("appeals/<int:pk>/", appeals.appeal_detail, name="appeal_detail"),
    path("appeals/<int:pk>/take/", appeals.appeal_take, name="appeal_take"),
    # Organizations
    path("organizations/", organizations.OrganizationListView.as_view(), name="organization_list"),
    path("organizations/new/", organizations.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", organizations.organization_detail, name="organization_detail"),
    path("organizations/<int:pk>/edit/", organizations.organization_edit, name="organization_edit"),
    path("organizations/<int:pk>/programmes/new/", organizations.programme_create, name="programme_create"),
    path(
        "organizations/<int:pk>/programmes/<int:programme_pk>/",
        organizations.programme_edit,
        name="programme_edit",
    ),
    path(
        "organizations/<int:pk>/representatives/", organizations.representative_add, name="representative_add"
    ),
    # Follow-up of the EEC's recommendations (§6.5.5, §7.2.4).
    path(f"{project}followup/", followup.followup, name="followup"),
    path(f"{project}followup/make/", followup.followup_make, name="followup_make"),
    path(f"{project}followup/<int:item_pk>/report/", followup.followup_report, name="followup_report"),
    path(f"{project}followup/<int:item_pk>/assess/", followup.followup_assess, name="followup_assess"),
    path(
        f"{project}followup/<int:item_pk>/evidence/<int:progress_pk>/",
        followup.followup_evidence,
        name="followup_evidence",
    ),
    # The assessment instruments (§6.6, §6.2.2): standards, criteria, threshold requirements
    path("standards/", standards.standards_list, name="standards_list"),
    path("standards/<int:pk>/", standards.standard_set_detail, name="standard_set_detail"),
    path("standards/<int:pk>/changes/", standards.standard_set_diff, name="standard_set_diff"),
    path("standards/<int:pk>/standards/new/", standards.standard_edit, name="standard_add"),
    path("standards/<int:pk>/standards/<int:standard_pk>/", standards.standard_edit, name="standard_edit"),
    path(
        "standards/<int:pk>/standards/<int:standard_pk>/criteria/new/",
        standards.criterion_edit,
        name="criterion_add",
    ),
    path(
        "standards/<int:pk>/standards/<int:standard_pk>/criteria/<int:criterion_pk>/",
        standards.criterion_edit,
        name="criterion_edit",
    ),
    path(
        "standards/<int:pk>/criteria/<int:criterion_pk>/remove/",
        standards.criterion_remove,
        name="criterion_remove",
    ),
    path("standards/draft/<int:version_pk>/", standards.standard_set_draft, name="standard_set_draft"),
    path("thresholds/<int:pk>/", standards.threshold_list_detail, name="threshold_list_detail"),
    path("thresholds/<int:pk>/items/new/", standards.threshold_item_edit, name="threshold_item_add"),
    path(
        "thresholds/<int:pk>/items/<int:item_pk>/", standards.threshold_item_edit, name="threshold_item_edit"
    ),
    path(
        "thresholds/<int:pk>/items/<int:item_pk>/remove/",
        standards.threshold_item_remove,
        name="threshold_item_remove",
    ),
    path("thresholds/draft/<int:version_pk>/", standards.threshold_list_draft, name="threshold_list_draft"),
]
