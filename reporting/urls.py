"""The reporting part's pages, under /improvement/ as they always were (namespace "reporting")."""

from django.urls import path

from .views import board, kpi_reports, kpis, outward, reviews, satisfaction_targets

app_name = "reporting"

urlpatterns = [
    path("board/", board.board, name="board"),
    path("kpis/", kpis.kpi_report, name="kpi_report"),
    path("kpis/targets/", kpis.kpi_targets, name="kpi_targets"),
    path("kpis/targets/<int:pk>/approve/", kpis.kpi_target_approve, name="kpi_target_approve"),
    path("kpis/targets/<int:pk>/return/", kpis.kpi_target_return, name="kpi_target_return"),
    path(
        "kpis/satisfaction-targets/<int:pk>/approve/",
        satisfaction_targets.satisfaction_target_approve,
        name="satisfaction_target_approve",
    ),
    path(
        "kpis/satisfaction-targets/<int:pk>/return/",
        satisfaction_targets.satisfaction_target_return,
        name="satisfaction_target_return",
    ),
    path("kpis/reports/", kpi_reports.kpi_report_list, name="kpi_report_list"),
    path("kpis/reports/make/", kpi_reports.kpi_report_make, name="kpi_report_make"),
    path("kpis/reports/<int:pk>/", kpi_reports.kpi_report_download, name="kpi_report_download"),
    path("outward/", outward.outward_list, name="outward_list"),
    path("outward/prepare/", outward.outward_prepare, name="outward_prepare"),
    path("outward/<int:pk>/", outward.outward_detail, name="outward_detail"),
    path("outward/<int:pk>/report.pdf", outward.outward_pdf, name="outward_pdf"),
    path("outward/<int:pk>/sign/", outward.outward_sign, name="outward_sign"),
    path("outward/<int:pk>/send/", outward.outward_send, name="outward_send"),
    path("reviews/", reviews.review_list, name="review_list"),
    path("reviews/new/", reviews.review_create, name="review_create"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review_detail"),
    path("reviews/<int:pk>/edit/", reviews.review_edit, name="review_edit"),
    path("reviews/<int:pk>/inputs/", reviews.review_assemble, name="review_assemble"),
    path("reviews/<int:pk>/inputs.pdf", reviews.review_pack, name="review_pack"),
    path("reviews/<int:pk>/meeting/", reviews.review_hold, name="review_hold"),
    path("reviews/<int:pk>/decisions/new/", reviews.review_decision_add, name="review_decision_add"),
    path("reviews/<int:pk>/order/submit/", reviews.review_submit, name="review_submit"),
    path("reviews/<int:pk>/order/sign/", reviews.review_sign, name="review_sign"),
    path("reviews/<int:pk>/order/return/", reviews.review_return, name="review_return"),
    path("reviews/<int:pk>/order.pdf", reviews.review_order, name="review_order"),
    path("reviews/<int:pk>/close/", reviews.review_close, name="review_close"),
]
