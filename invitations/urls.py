from django.urls import path

from . import views

app_name = "invitations"

urlpatterns = [
    path("hr/uitnodigingen/", views.invitation_list, name="list"),
    path("hr/uitnodigingen/bestand/", views.upload, name="upload"),
    path("hr/uitnodigingen/voorbeeld.csv", views.example_file, name="example_file"),
    path("hr/uitnodigingen/<int:invitation_id>/opnieuw-versturen/", views.resend, name="resend"),
    path("hr/uitnodigingen/<int:invitation_id>/intrekken/", views.revoke, name="revoke"),
    path("hr/uitnodigingen/import/<int:job_id>/", views.import_detail, name="import"),
    path("hr/uitnodigingen/import/<int:job_id>/bevestigen/", views.import_confirm, name="import_confirm"),
    path("hr/uitnodigingen/import/<int:job_id>/weggooien/", views.import_discard, name="import_discard"),
    path("hr/uitnodigingen/import/<int:job_id>/opnieuw/", views.import_retry, name="import_retry"),
    path("hr/uitnodigingen/import/<int:job_id>/voortgang/", views.import_progress, name="import_progress"),
    path("uitnodiging/<str:token>/", views.accept, name="accept"),
]
