from django.urls import path

from . import views

app_name = "improvement"

urlpatterns = [
    path("nonconformities/", views.NonconformityListView.as_view(), name="list"),
    path("nonconformities/new/", views.nonconformity_create, name="create"),
    path("nonconformities/<int:pk>/", views.nonconformity_detail, name="detail"),
    path("nonconformities/<int:pk>/move/", views.nonconformity_transition, name="transition"),
]
