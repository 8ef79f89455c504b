from django.urls import path

from . import second_factor, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification_read"),
    path("notifications/read-all/", views.notification_read_all, name="notification_read_all"),
    path("profile/", views.profile, name="profile"),
    path("profile/second-factor/", second_factor.verify, name="second_factor_verify"),
    path("profile/second-factor/enrol/", second_factor.enrol, name="second_factor_enrol"),
    path("profile/second-factor/remove/", second_factor.remove, name="second_factor_remove"),
    path("roles/", views.role_register, name="roles"),
    path("roles/pdf/", views.role_register_pdf, name="roles_pdf"),
    path("healthz", views.healthz, name="healthz"),
    path("ping", views.ping, name="ping"),
    path("metrics", views.metrics, name="metrics"),
]
