from django.urls import path, register_converter

from . import registry, views_export
from . import views_registry as views

register_converter(registry.CodeConverter, "code")

app_name = "registry"

urlpatterns = [
    path("", views.registry_list, name="list"),
    # The list as a file, same query string: {% url "registry:export" "csv" %} or "xlsx".
    path("export.<str:fmt>", views_export.registry_export, name="export"),
    path("organizations/<code:iaar_id>/", views.organization, name="organization"),
    path("programmes/<int:pk>/", views.programme, name="programme"),
    path("files/<int:pk>/<str:what>.pdf", views.publication_file, name="file"),
    path("verify/", views.verify, name="verify"),
    path("verify/<code:number>/", views.verify_number, name="verify_number"),
]
