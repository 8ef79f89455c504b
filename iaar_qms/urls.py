from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from accreditation.urls import urlpatterns as accreditation_urls
from core import sitemaps
from core.access import PUBLIC, SIGNED_IN, access
from governance.urls import consultation_public_urlpatterns
from governance.urls import public_urlpatterns as governance_public_urls
from registry.urls import accreditation_public_urlpatterns
from surveys.urls import public_urlpatterns as survey_public_urls

# Django's own account views, each with the access rule the matrix test reads.
_account_views = [
    ("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), "login", PUBLIC),
    ("logout/", auth_views.LogoutView.as_view(), "logout", PUBLIC),
    ("password_change/", auth_views.PasswordChangeView.as_view(), "password_change", SIGNED_IN),
    ("password_change/done/", auth_views.PasswordChangeDoneView.as_view(), "password_change_done", SIGNED_IN),
    ("password_reset/", auth_views.PasswordResetView.as_view(), "password_reset", PUBLIC),
    ("password_reset/done/", auth_views.PasswordResetDoneView.as_view(), "password_reset_done", PUBLIC),
    (
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        "password_reset_confirm",
        PUBLIC,
    ),
    ("reset/done/", auth_views.PasswordResetCompleteView.as_view(), "password_reset_complete", PUBLIC),
]

urlpatterns = [
    path("", include("core.urls")),
    path("accounts/", include([path(p, access(rule)(v), name=n) for p, v, n, rule in _account_views])),
    path("i18n/setlang/", access(PUBLIC)(set_language), name="set_language"),
    path("documents/", include("documents.urls")),
    # The accreditation's pages, and the two public ones the registry serves at its addresses.
    path("accreditation/", include((accreditation_urls + accreditation_public_urlpatterns, "accreditation"))),
    path("registry/", include("registry.urls")),
    path("api/", include("registry.api_urls")),
    path("audits/", include("audits.urls")),
    path("surveys/", include("surveys.urls")),
    # Answering a survey without signing in (a personal link, or a campaign's link and QR code).
    path("s/", include((survey_public_urls, "survey_public"))),
    path("improvement/", include("improvement.urls")),
    # The management review, KPIs and quality board: their own app, the same paths as ever.
    path("improvement/", include("reporting.urls")),
    path("governance/", include("governance.urls")),
    path("people/", include("people.urls")),
    # The effective strategy of the agency, when it is public: no sign-in.
    path("strategy/", include((governance_public_urls, "governance_public"))),
    # A draft standard's public consultation: stakeholders comment without signing in.
    path("consultation/", include((consultation_public_urlpatterns, "consultation"))),
    path("admin/", admin.site.urls),
    # The sitemap index and robots.txt: core's, filled by each app's registration.
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.section, name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]

handler400 = "core.views.error_400"
handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"

# No stored file has a public address, DEBUG or not: each is served by the view that checks
# who may read it (core.file_responses).
