from django.urls import path, register_converter

from . import deqar_views, exports, selectors, views

register_converter(selectors.CodeConverter, "code")

app_name = "registry"

urlpatterns = [
    path("", views.registry_list, name="list"),
    # The list as a file, same query string: {% url "registry:export" "csv" %} or "xlsx".
    path("export.<str:fmt>", exports.registry_export, name="export"),
    # Published reports in DEQAR's submission format, for the council's secretary.
    path("deqar.<str:fmt>", exports.deqar_submission, name="deqar_export"),
    # A published report's DEQAR fields, and sending it to DEQAR again after a refusal.
    path("deqar/reports/<int:pk>/", deqar_views.deqar_edit, name="deqar_edit"),
    path("deqar/reports/<int:pk>/send/", deqar_views.deqar_resend, name="deqar_resend"),
    path("organizations/<code:iaar_id>/", views.organization, name="organization"),
    path("programmes/<int:pk>/", views.programme, name="programme"),
    path("files/<int:pk>/<str:what>.pdf", views.publication_file, name="file"),
    path("verify/", views.verify, name="verify"),
    path("verify/<code:number>/", views.verify_number, name="verify_number"),
]

# Public pages that live at the accreditation's addresses and in its URL namespace (their
# names and paths are a contract): the check of the first certificates' QR codes, and the
# complaint form. The site's URLconf adds them to the "accreditation" namespace.
accreditation_public_urlpatterns = [
    path("verify/<uuid:token>/", views.certificate_verify, name="certificate_verify"),
    path("complaints/new/", views.complaint_file, name="complaint_file"),
    path("complaints/received/", views.complaint_received, name="complaint_received"),
]
