from django.urls import path

from .views import fieldwork, planning, report, team

app_name = "audits"

urlpatterns = [
    path("", planning.audit_list, name="list"),
    path("programmes/new/", planning.programme_create, name="programme_create"),
    path("programmes/<int:year>/", planning.programme_detail, name="programme"),
    path("programmes/<int:year>/edit/", planning.programme_edit, name="programme_edit"),
    path("programmes/<int:year>/plan/", planning.audit_create, name="create"),
    path("<int:pk>/", planning.audit_detail, name="detail"),
    path("<int:pk>/edit/", planning.audit_edit, name="edit"),
    path("<int:pk>/team/", team.team_edit, name="team"),
    path("<int:pk>/team/<int:member_pk>/remove/", team.member_remove, name="member_remove"),
    path("<int:pk>/order/sign/", team.order_sign, name="order_sign"),
    path("<int:pk>/order.pdf", team.order_download, name="order_pdf"),
    path("<int:pk>/start/", fieldwork.audit_start, name="start"),
    path("<int:pk>/checklist/build/", fieldwork.checklist_build, name="checklist_build"),
    path("<int:pk>/checklist/add/", fieldwork.checklist_add, name="checklist_add"),
    path("<int:pk>/checklist/<int:item_pk>/", fieldwork.checklist_answer, name="checklist_answer"),
    path("<int:pk>/findings/new/", fieldwork.finding_create, name="finding_create"),
    path("<int:pk>/findings/<int:finding_pk>/withdraw/", fieldwork.finding_withdraw, name="finding_withdraw"),
    path("<int:pk>/report/", report.report_detail, name="report"),
    path("<int:pk>/report.pdf", report.report_pdf, name="report_pdf"),
    path("<int:pk>/report/edit/", report.report_edit, name="report_edit"),
    path("<int:pk>/report/recommendations/new/", report.recommendation_add, name="recommendation_add"),
    path("<int:pk>/report/sign/", report.report_sign, name="report_sign"),
    path("<int:pk>/report/approve/", report.report_approve, name="report_approve"),
    path("<int:pk>/report/return/", report.report_return, name="report_return"),
    path("<int:pk>/close/", report.audit_close, name="close"),
    path(
        "<int:pk>/recommendations/<int:rec_pk>/order/",
        report.recommendation_order,
        name="recommendation_order",
    ),
]
