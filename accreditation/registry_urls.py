from django.urls import path

from . import views_registry as views

app_name = "registry"

urlpatterns = [
    path("", views.registry_list, name="list"),
    path("organizations/<str:iaar_id>/", views.organization, name="organization"),
    path("files/<int:pk>/<str:what>.pdf", views.publication_file, name="file"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:number>/", views.verify_number, name="verify_number"),
]
