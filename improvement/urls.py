from django.urls import path

from .views import capa, nonconformities, purchasing, risks

app_name = "improvement"

urlpatterns = [
    path("nonconformities/", nonconformities.nonconformity_list, name="list"),
    path("nonconformities/new/", nonconformities.nonconformity_create, name="create"),
    path("nonconformities/<int:pk>/", nonconformities.nonconformity_detail, name="detail"),
    path("nonconformities/<int:pk>/move/", nonconformities.nonconformity_transition, name="transition"),
    path("nonconformities/<int:pk>/capa/", capa.capa_open, name="capa_open"),
    path("capa/", capa.capa_list, name="capa_list"),
    path("capa/<int:pk>/", capa.capa_detail, name="capa_detail"),
    path("capa/<int:pk>/save/", capa.capa_save, name="capa_save"),
    path("capa/<int:pk>/back/", capa.capa_back, name="capa_back"),
    path("capa/<int:pk>/verify/", capa.capa_verify, name="capa_verify"),
    path("capa/<int:pk>/actions/new/", capa.capa_action_add, name="capa_action_add"),
    path("actions/", capa.action_list, name="action_list"),
    path("actions/<int:pk>/done/", capa.action_complete, name="action_complete"),
    path("actions/<int:pk>/cancel/", capa.action_cancel, name="action_cancel"),
    path("actions/<int:pk>/evidence/", capa.action_file, name="action_file"),
    path("risks/", risks.risk_list, name="risk_list"),
    path("risks/new/", risks.risk_create, name="risk_create"),
    path("risks/<int:pk>/", risks.risk_detail, name="risk_detail"),
    path("risks/<int:pk>/review/", risks.risk_edit, name="risk_edit"),
    path("risks/<int:pk>/actions/new/", risks.risk_action_add, name="risk_action_add"),
    path("suppliers/", purchasing.supplier_list, name="supplier_list"),
    path("suppliers/new/", purchasing.supplier_create, name="supplier_create"),
    path("suppliers/<int:pk>/", purchasing.supplier_detail, name="supplier_detail"),
    path("suppliers/<int:pk>/edit/", purchasing.supplier_edit, name="supplier_edit"),
    path("suppliers/<int:pk>/contracts/new/", purchasing.contract_create, name="contract_create"),
    path("contracts/<int:pk>/inspections/new/", purchasing.inspection_create, name="inspection_create"),
]
