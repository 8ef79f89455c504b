from django.urls import path

from . import views, views_board, views_capa, views_kpis, views_risks
from . import views_purchasing as purchasing_views

app_name = "improvement"

urlpatterns = [
    path("nonconformities/", views.nonconformity_list, name="list"),
    path("nonconformities/new/", views.nonconformity_create, name="create"),
    path("nonconformities/<int:pk>/", views.nonconformity_detail, name="detail"),
    path("nonconformities/<int:pk>/move/", views.nonconformity_transition, name="transition"),
    path("nonconformities/<int:pk>/capa/", views_capa.capa_open, name="capa_open"),
    path("capa/", views_capa.capa_list, name="capa_list"),
    path("capa/<int:pk>/", views_capa.capa_detail, name="capa_detail"),
    path("capa/<int:pk>/save/", views_capa.capa_save, name="capa_save"),
    path("capa/<int:pk>/back/", views_capa.capa_back, name="capa_back"),
    path("capa/<int:pk>/verify/", views_capa.capa_verify, name="capa_verify"),
    path("capa/<int:pk>/actions/new/", views_capa.capa_action_add, name="capa_action_add"),
    path("actions/", views_capa.action_list, name="action_list"),
    path("actions/<int:pk>/done/", views_capa.action_complete, name="action_complete"),
    path("actions/<int:pk>/cancel/", views_capa.action_cancel, name="action_cancel"),
    path("actions/<int:pk>/evidence/", views_capa.action_file, name="action_file"),
    path("board/", views_board.board, name="board"),
    path("kpis/", views_kpis.kpi_report, name="kpi_report"),
    path("kpis/targets/", views_kpis.kpi_targets, name="kpi_targets"),
    path("risks/", views_risks.risk_list, name="risk_list"),
    path("risks/new/", views_risks.risk_create, name="risk_create"),
    path("risks/<int:pk>/", views_risks.risk_detail, name="risk_detail"),
    path("risks/<int:pk>/review/", views_risks.risk_edit, name="risk_edit"),
    path("risks/<int:pk>/actions/new/", views_risks.risk_action_add, name="risk_action_add"),
    path("suppliers/", purchasing_views.supplier_list, name="supplier_list"),
    path("suppliers/new/", purchasing_views.supplier_create, name="supplier_create"),
    path("suppliers/<int:pk>/", purchasing_views.supplier_detail, name="supplier_detail"),
    path("suppliers/<int:pk>/edit/", purchasing_views.supplier_edit, name="supplier_edit"),
    path("suppliers/<int:pk>/contracts/new/", purchasing_views.contract_create, name="contract_create"),
    path("contracts/<int:pk>/inspections/new/", purchasing_views.inspection_create, name="inspection_create"),
]
