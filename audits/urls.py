from django.urls import path

from . import views, views_report

app_name = "audits"

urlpatterns = [
    path("", views.audit_list, name="list"),
    path("programmes/new/", views.programme_create, name="programme_create"),
    path("programmes/<int:year>/", views.programme_detail, name="programme"),
    path("programmes/<int:year>/edit/", views.programme_edit, name="programme_edit"),
    path("programmes/<int:year>/plan/", views.audit_create, name="create"),
    path("<int:pk>/", views.audit_detail, name="detail"),
    path("<int:pk>/edit/", views.audit_edit, name="edit"),
    path("<int:pk>/team/", views.team_edit, name="team"),
    path("<int:pk>/team/<int:member_pk>/remove/", views.member_remove, name="member_remove"),
    path("<int:pk>/order/sign/", views.order_sign, name="order_sign"),
    path("<int:pk>/order.pdf", views.order_download, name="order_pdf"),
    path("<int:pk>/start/", views_report.audit_start, name="start"),
    path("<int:pk>/checklist/build/", views_report.checklist_build, name="checklist_build"),
    path("<int:pk>/checklist/add/", views_report.checklist_add, name="checklist_add"),
    path("<int:pk>/checklist/<int:item_pk>/", views_report.checklist_answer, name="checklist_answer"),
    path("<int:pk>/findings/new/", views_report.finding_create, name="finding_create"),
    path(
        "<int:pk>/findings/<int:finding_pk>/withdraw/", views_report.finding_withdraw, name="finding_withdraw"
    ),
    path("<int:pk>/report/", views_report.report_detail, name="report"),
    path("<int:pk>/report.pdf", views_report.report_pdf, name="report_pdf"),
    path("<int:pk>/report/edit/", views_report.report_edit, name="report_edit"),
    path("<int:pk>/report/recommendations/new/", views_report.recommendation_add, name="recommendation_add"),
    path("<int:pk>/report/sign/", views_report.report_sign, name="report_sign"),
    path("<int:pk>/report/approve/", views_report.report_approve, name="report_approve"),
    path("<int:pk>/report/return/", views_report.report_return, name="report_return"),
    path("<int:pk>/close/", views_report.audit_close, name="close"),
    path(
        "<int:pk>/recommendations/<int:rec_pk>/order/",
        views_report.recommendation_order,
        name="recommendation_order",
    ),
]
