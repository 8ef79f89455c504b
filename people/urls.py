from django.urls import path

from .views import ethics, positions, training

app_name = "people"

urlpatterns = [
    path("", positions.staff_list, name="staff_list"),
    path("position/<int:pk>/", positions.position_detail, name="position_detail"),
    path("person/<int:pk>/", positions.person_detail, name="person_detail"),
    path("person/<int:pk>/appraisal/", positions.appraisal_open, name="appraisal_open"),
    path("appraisal/<int:pk>/sign/", positions.appraisal_sign, name="appraisal_sign"),
    path("training/", training.plan_list, name="plan_list"),
    path("training/new/", training.plan_create, name="plan_create"),
    path("training/plan/<int:pk>/", training.plan_detail, name="plan_detail"),
    path("training/plan/<int:pk>/add/", training.training_add, name="training_add"),
    path("training/<int:pk>/", training.training_detail, name="training_detail"),
    path("training/<int:pk>/attendance/", training.attendance_add, name="attendance_add"),
    path("attendance/<int:pk>/certificate/", training.certificate_add, name="certificate_add"),
    path("attendance/<int:pk>/check/", training.effectiveness_check, name="effectiveness_check"),
    path("certificate/<int:pk>/", training.certificate_file, name="certificate_file"),
    path("ethics/", ethics.ethics, name="ethics"),
    path("ethics/register/", ethics.ethics_register, name="ethics_register"),
]
