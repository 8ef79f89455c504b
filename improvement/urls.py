from django.urls import path

from . import views, views_risks

app_name = "improvement"

urlpatterns = [
    path("nonconformities/", views.NonconformityListView.as_view(), name="list"),
    path("nonconformities/new/", views.nonconformity_create, name="create"),
    path("nonconformities/<int:pk>/", views.nonconformity_detail, name="detail"),
    path("nonconformities/<int:pk>/move/", views.nonconformity_transition, name="transition"),
    path("risks/", views_risks.risk_list, name="risk_list"),
    path("risks/new/", views_risks.risk_create, name="risk_create"),
    path("risks/<int:pk>/", views_risks.risk_detail, name="risk_detail"),
    path("risks/<int:pk>/review/", views_risks.risk_edit, name="risk_edit"),
]
