from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from core.access import PUBLIC, access

from . import api


class _Router(DefaultRouter):
    class APIRootView(DefaultRouter.APIRootView):
        access_rule = PUBLIC


router = _Router()
router.register("institutions", api.InstitutionViewSet, basename="institution")
router.register("programmes", api.ProgrammeViewSet, basename="programme")
router.register("reports", api.ReportViewSet, basename="report")
router.register("certificates", api.CertificateViewSet, basename="certificate")

app_name = "api"

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", access(PUBLIC)(SpectacularAPIView.as_view()), name="schema"),
]
