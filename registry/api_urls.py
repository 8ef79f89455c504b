from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from core.access import PUBLIC, access

from . import api
from .api_schema import not_found


class _Router(DefaultRouter):
    class APIRootView(DefaultRouter.APIRootView):
        access_rule = PUBLIC


class _DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our own static files; its start-up script is this view with ?script."""

    template_name = "api/swagger_ui.html"


router = _Router()
router.register("institutions", api.InstitutionViewSet, basename="institution")
router.register("programmes", api.ProgrammeViewSet, basename="programme")
router.register("reports", api.ReportViewSet, basename="report")
router.register("certificates", api.CertificateViewSet, basename="certificate")

app_name = "api"

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", access(PUBLIC)(SpectacularAPIView.as_view()), name="schema"),
    path("docs/", access(PUBLIC)(_DocsView.as_view(url_name="api:schema")), name="docs"),
    # Whatever else is asked under /api/ (an id of the wrong shape, an unknown list): JSON 404.
    re_path(r"^[\s\S]*\Z", access(PUBLIC)(not_found)),
]
