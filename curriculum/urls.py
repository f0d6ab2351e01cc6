from django.urls import path

from . import views

app_name = "curriculum"

urlpatterns = [
    path("leergangen/<int:track_id>/inschrijven/", views.enrol, name="enrol"),
    path("leergangen/<int:track_id>/opnieuw/", views.restart, name="restart"),
    path("mijn/aanvragen/<int:enrolment_id>/intrekken/", views.withdraw_request, name="withdraw_request"),
    path("hr/toewijzen/", views.assign, name="assign"),
    path("hr/toewijzingen/<int:batch_id>/", views.batch_detail, name="batch"),
    path("hr/toewijzingen/<int:batch_id>/voortgang/", views.batch_progress, name="batch_progress"),
    path("hr/toewijzingen/<int:batch_id>/opnieuw/", views.batch_retry, name="batch_retry"),
    path(
        "hr/opdrachten/<slug:organisation_slug>/<str:kind>/<int:target_id>/",
        views.status_table,
        name="status_table",
    ),
    path("hr/aanvragen/", views.requests, name="requests"),
    path("hr/aanvragen/termijn/", views.request_deadline, name="request_deadline"),
    path("hr/aanvragen/<int:enrolment_id>/", views.decide, name="decide"),
]
