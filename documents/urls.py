from django.urls import path

from .views import exports, familiarization, records, register, route

app_name = "documents"

urlpatterns = [
    path("", register.document_list, name="list"),
    path("new/", register.document_create, name="create"),
    path("public/", register.public_list, name="public"),
    path("public/<int:pk>/download/", register.public_download, name="public_download"),
    path("export/<str:fmt>/", exports.register_export, name="export"),
    path("reading/", familiarization.my_reading, name="my_reading"),
    path("familiarization/", familiarization.familiarization_report, name="familiarization"),
    path("familiarization/export/<str:fmt>/", exports.familiarization_export, name="familiarization_export"),
    path("overdue-reviews/", familiarization.overdue_reviews, name="overdue_reviews"),
    path("acknowledgements/<int:pk>/", familiarization.acknowledge, name="acknowledge"),
    path("copies/<int:pk>/withdrawn/", familiarization.confirm_withdrawal, name="confirm_withdrawal"),
    path("records/", records.record_list, name="records"),
    path("records/new/", records.record_create, name="record_create"),
    path("records/<int:pk>/", records.record_detail, name="record_detail"),
    path("records/<int:pk>/file/", records.record_download, name="record_download"),
    path("records/<int:pk>/archive/", records.record_archive, name="record_archive"),
    path("<int:pk>/", register.document_detail, name="detail"),
    path("<int:pk>/edit/", register.document_edit, name="edit"),
    path("<int:pk>/revise/", register.version_create, name="version_create"),
    path("<int:pk>/compare/", register.version_diff, name="diff"),
    path("<int:pk>/review/", familiarization.periodic_review, name="periodic_review"),
    path("<int:pk>/withdraw/", familiarization.withdraw, name="withdraw"),
    path("<int:pk>/archive/", familiarization.archive, name="archive"),
    path("<int:pk>/v/<int:version_pk>/", register.version_detail, name="version"),
    path("<int:pk>/v/<int:version_pk>/file/", register.version_download, name="download"),
    path("<int:pk>/v/<int:version_pk>/read/", register.version_preview, name="preview"),
    path("<int:pk>/v/<int:version_pk>/replace-file/", register.version_replace_file, name="replace_file"),
    path("<int:pk>/v/<int:version_pk>/submit/", route.version_submit, name="submit"),
    path("<int:pk>/v/<int:version_pk>/steps/<int:step_pk>/", route.step_decide, name="decide"),
    path("<int:pk>/v/<int:version_pk>/approve/", route.version_approve, name="approve"),
    path("<int:pk>/v/<int:version_pk>/return/", route.version_return, name="return"),
    path("<int:pk>/v/<int:version_pk>/distribute/", familiarization.distribute, name="distribute"),
    path("<int:pk>/v/<int:version_pk>/approval-sheet.pdf", exports.approval_sheet, name="approval_sheet"),
]
