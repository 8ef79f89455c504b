from django.urls import path

from . import views

app_name = "accreditation"

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
    path("projects/apply/", views.project_apply, name="project_apply"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("projects/<int:pk>/move/", views.project_move, name="project_move"),
    path("projects/<int:pk>/threshold/", views.project_threshold, name="project_threshold"),
    path("projects/<int:pk>/contract/", views.project_contract, name="project_contract"),
    path("projects/<int:pk>/self-assessment/", views.self_assessment_submit, name="self_assessment_submit"),
    path(
        "projects/<int:pk>/self-assessment/<int:report_pk>/review/",
        views.self_assessment_review,
        name="self_assessment_review",
    ),
    path(
        "projects/<int:pk>/self-assessment/<int:report_pk>/file/",
        views.self_assessment_file,
        name="self_assessment_file",
    ),
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
