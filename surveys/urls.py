from django.urls import path

from . import views, views_public, views_results

app_name = "surveys"

urlpatterns = [
    path("", views.SurveyListView.as_view(), name="list"),
    path("new/", views.survey_create, name="create"),
    path("<int:pk>/", views.survey_detail, name="detail"),
    path("<int:pk>/edit/", views.survey_edit, name="edit"),
    path("<int:pk>/draft/", views.version_draft, name="draft"),
    path("versions/<int:pk>/", views.version_detail, name="version"),
    path("versions/<int:pk>/publish/", views.version_publish, name="publish"),
    path("versions/<int:pk>/sections/new/", views.section_add, name="section_add"),
    path("sections/<int:pk>/edit/", views.section_edit, name="section_edit"),
    path("sections/<int:pk>/move/", views.section_move, name="section_move"),
    path("sections/<int:pk>/remove/", views.section_remove, name="section_remove"),
    path("sections/<int:pk>/questions/new/", views.question_add, name="question_add"),
    path("questions/<int:pk>/edit/", views.question_edit, name="question_edit"),
    path("questions/<int:pk>/move/", views.question_move, name="question_move"),
    path("questions/<int:pk>/remove/", views.question_remove, name="question_remove"),
    path("campaigns/", views.CampaignListView.as_view(), name="campaign_list"),
    path("campaigns/new/", views.campaign_create, name="campaign_create"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign"),
    path("campaigns/<int:pk>/remind/", views.campaign_remind, name="campaign_remind"),
    path("campaigns/<int:pk>/close/", views.campaign_close, name="campaign_close"),
    path("campaigns/<int:pk>/invite/", views.campaign_invite, name="campaign_invite"),
    path("projects/<int:project_pk>/visit-survey/", views.visit_campaign_open, name="visit_campaign_open"),
    # Survey results and publishing (added below by the results work).
    path("results/", views_results.results_index, name="results"),
    path("<int:pk>/results/", views_results.survey_results, name="results_survey"),
    path("<int:pk>/results.pdf", views_results.survey_results_pdf, name="results_survey_pdf"),
    path("<int:pk>/results.<str:fmt>", views_results.survey_results_export, name="results_survey_export"),
    path("campaigns/<int:pk>/results/", views_results.campaign_results, name="results_campaign"),
    path("campaigns/<int:pk>/results.pdf", views_results.campaign_results_pdf, name="results_campaign_pdf"),
    path(
        "campaigns/<int:pk>/results.<str:fmt>",
        views_results.campaign_results_export,
        name="results_campaign_export",
    ),
    path("campaigns/<int:pk>/summary/", views_results.summary_edit, name="summary_edit"),
    path("campaigns/<int:pk>/summary/withdraw/", views_results.summary_withdraw, name="summary_withdraw"),
    path("published/", views_results.public_summaries, name="published"),
    path("published/<int:pk>/", views_results.public_summary, name="published_detail"),
]

# The answering pages, at /s/ (short enough for a QR code): see iaar_qms/urls.py.
public_urlpatterns = [
    path("<str:token>/", views_public.answer, name="answer"),
    path("<str:token>/thanks/", views_public.thanks, name="thanks"),
]
