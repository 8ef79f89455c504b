from django.urls import path

from . import views

app_name = "accreditation"

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization_list"),
]
