from django.urls import path

from . import views
from . import views_lifecycle as lc

app_name = "accreditation"

project = "projects/<int:pk>/"
meeting = "council/<int:pk>/"

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
    path("projects/apply/", views.project_apply, name="project_apply"),
    path("workspace/", lc.workspace, name="workspace"),
    path(project, views.project_detail, name="project_detail"),
    path(f"{project}move/", views.project_move, name="project_move"),
    path(f"{project}threshold/", views.project_threshold, name="project_threshold"),
    path(f"{project}contract/", views.project_contract, name="project_contract"),
    path(f"{project}assign/", lc.project_assign, name="project_assign"),
    path(f"{project}contract/amendments/", lc.contract_amend, name="contract_amend"),
    path(f"{project}self-assessment/", views.self_assessment_submit, name="self_assessment_submit"),
    path(
        f"{project}self-assessment/<int:report_pk>/review/",
        views.self_assessment_review,
        name="self_assessment_review",
    ),
    path(
        f"{project}self-assessment/<int:report_pk>/file/",
        views.self_assessment_file,
        name="self_assessment_file",
    ),
    # The expert commission
    path(f"{project}commission/", lc.commission, name="commission"),
    path(f"{project}commission/<int:member_pk>/remove/", lc.member_remove, name="member_remove"),
    path(f"{project}commission/propose/", lc.commission_propose, name="commission_propose"),
    path(f"{project}commission/respond/", lc.commission_respond, name="commission_respond"),
    path(f"{project}commission/declaration/", lc.declaration_sign, name="declaration_sign"),
    path(f"{project}commission/approve/", lc.commission_approve, name="commission_approve"),
    # The visit, the scores, the report
    path(f"{project}visit/", lc.visit_plan, name="visit_plan"),
    path(f"{project}visit/sessions/", lc.session_add, name="session_add"),
    path(f"{project}visit/held/", lc.visit_held, name="visit_held"),
    path(f"{project}evidence/", lc.evidence_add, name="evidence_add"),
    path(f"{project}evidence/<int:evidence_pk>/", lc.evidence_file, name="evidence_file"),
    path(f"{project}scores/", lc.scores, name="scores"),
    path(f"{project}report/", lc.report_edit, name="report_edit"),
    path(f"{project}report/submit/", lc.report_submit, name="report_submit"),
    path(f"{project}report.pdf", lc.report_pdf, name="report_pdf"),
    path(f"{project}report/review/", lc.report_review, name="report_review"),
    # After the council
    path(f"{project}publish/", lc.publish, name="publish"),
    path(
        f"{project}publications/<int:publication_pk>/<str:what>.pdf",
        lc.publication_file,
        name="publication_file",
    ),
    path(f"{project}reaccreditation/", lc.reaccreditation, name="reaccreditation"),
    path(f"{project}appeal/", lc.appeal_file, name="appeal_file"),
    path(f"{project}monitoring/<int:task_pk>/", lc.monitoring_submit, name="monitoring_submit"),
    path(f"{project}monitoring/<int:task_pk>/review/", lc.monitoring_review, name="monitoring_review"),
    path(f"{project}monitoring/<int:task_pk>/file/", lc.monitoring_file, name="monitoring_file"),
    path("certificates/<int:pk>/", lc.certificate_detail, name="certificate_detail"),
    path("certificates/<int:pk>/pdf/", lc.certificate_pdf, name="certificate_pdf"),
    path("certificates/<int:pk>/reissue/", lc.certificate_reissue, name="certificate_reissue"),
    path("verify/<uuid:token>/", lc.certificate_verify, name="certificate_verify"),
    # The council
    path("council/", lc.MeetingListView.as_view(), name="meeting_list"),
    path("council/new/", lc.meeting_create, name="meeting_create"),
    path(meeting, lc.meeting_detail, name="meeting_detail"),
    path(f"{meeting}agenda/", lc.agenda_add, name="agenda_add"),
    path(f"{meeting}attendance/", lc.attendance, name="attendance"),
    path(f"{meeting}open/", lc.meeting_open, name="meeting_open"),
    path(f"{meeting}close/", lc.meeting_close, name="meeting_close"),
    path(f"{meeting}items/<int:item_pk>/vote/", lc.vote, name="vote"),
    path(f"{meeting}items/<int:item_pk>/recuse/", lc.recuse, name="recuse"),
    path(f"{meeting}items/<int:item_pk>/close/", lc.item_close, name="item_close"),
    # Experts
    path("experts/", lc.ExpertListView.as_view(), name="expert_list"),
    path("experts/new/", lc.expert_create, name="expert_create"),
    path("experts/<int:pk>/", lc.expert_detail, name="expert_detail"),
    path("experts/<int:pk>/edit/", lc.expert_edit, name="expert_edit"),
    path("experts/<int:pk>/trainings/", lc.training_add, name="training_add"),
    # Appeals and complaints
    path("appeals/", lc.AppealListView.as_view(), name="appeal_list"),
    path("appeals/<int:pk>/", lc.appeal_detail, name="appeal_detail"),
    path("appeals/<int:pk>/take/", lc.appeal_take, name="appeal_take"),
    path("complaints/new/", lc.complaint_file, name="complaint_file"),
    # Organizations
    path("organizations/", views.OrganizationListView.as_view(), name="organization_list"),
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("organizations/<int:pk>/edit/", views.organization_edit, name="organization_edit"),
    path("organizations/<int:pk>/programmes/new/", views.programme_create, name="programme_create"),
    path(
        "organizations/<int:pk>/programmes/<int:programme_pk>/", views.programme_edit, name="programme_edit"
    ),
    path("organizations/<int:pk>/representatives/", views.representative_add, name="representative_add"),
]
