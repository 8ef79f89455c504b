from django.urls import path

from .views import answer, builder, campaigns, publishing, results

app_name = "surveys"

urlpatterns = [
    path("", builder.SurveyListView.as_view(), name="list"),
    path("new/", builder.survey_create, name="create"),
    path("<int:pk>/", builder.survey_detail, name="detail"),
    path("<int:pk>/edit/", builder.survey_edit, name="edit"),
    path("<int:pk>/draft/", builder.version_draft, name="draft"),
    path("versions/<int:pk>/", builder.version_detail, name="version"),
    path("versions/<int:pk>/publish/", builder.version_publish, name="publish"),
    path("versions/<int:pk>/sections/new/", builder.section_add, name="section_add"),
    path("sections/<int:pk>/edit/", builder.section_edit, name="section_edit"),
    path("sections/<int:pk>/move/", builder.section_move, name="section_move"),
    path("sections/<int:pk>/remove/", builder.section_remove, name="section_remove"),
    path("sections/<int:pk>/questions/new/", builder.question_add, name="question_add"),
    path("questions/<int:pk>/edit/", builder.question_edit, name="question_edit"),
    path("questions/<int:pk>/move/", builder.question_move, name="question_move"),
    path("questions/<int:pk>/remove/", builder.question_remove, name="question_remove"),
    path("campaigns/", campaigns.CampaignListView.as_view(), name="campaign_list"),
    path("campaigns/new/", campaigns.campaign_create, name="campaign_create"),
    path("campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign"),
    path("campaigns/<int:pk>/remind/", campaigns.campaign_remind, name="campaign_remind"),
    path("campaigns/<int:pk>/close/", campaigns.campaign_close, name="campaign_close"),
    path("campaigns/<int:pk>/invite/", campaigns.campaign_invite, name="campaign_invite"),
    path(
        "projects/<int:project_pk>/visit-survey/", campaigns.visit_campaign_open, name="visit_campaign_open"
    ),
    # Survey results and the summary on the public site.
    path("results/", results.results_index, name="results"),
    path("<int:pk>/results/", results.survey_results, name="results_survey"),
    path("<int:pk>/results.pdf", results.survey_results_pdf, name="results_survey_pdf"),
    path("<int:pk>/results.<str:fmt>", results.survey_results_export, name="results_survey_export"),
    path("campaigns/<int:pk>/results/", results.campaign_results, name="results_campaign"),
    path("campaigns/<int:pk>/results.pdf", results.campaign_results_pdf, name="results_campaign_pdf"),
    path(
        "campaigns/<int:pk>/results.<str:fmt>",
        results.campaign_results_export,
        name="results_campaign_export",
    ),
    path("campaigns/<int:pk>/summary/", publishing.summary_edit, name="summary_edit"),
    path("campaigns/<int:pk>/summary/withdraw/", publishing.summary_withdraw, name="summary_withdraw"),
    path("published/", publishing.public_summaries, name="published"),
    path("published/<int:pk>/", publishing.public_summary, name="published_detail"),
]

# The answering pages, at /s/ (short enough for a QR code): see iaar_qms/urls.py.
public_urlpatterns = [
    path("<str:token>/", answer.answer, name="answer"),
    path("<str:token>/thanks/", answer.thanks, name="thanks"),
]
