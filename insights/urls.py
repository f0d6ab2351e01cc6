from django.urls import path

from . import views

app_name = "insights"

# The job routes come first: "taak/<id>" would otherwise read as a table "taak" in format <id>.
urlpatterns = [
    path("hr/export/", views.export_list, name="exports"),
    path("hr/export/taak/<int:job_id>/", views.export_job, name="export_job"),
    path("hr/export/taak/<int:job_id>/download/", views.download, name="export_download"),
    path("hr/export/taak/<int:job_id>/opnieuw/", views.retry, name="export_retry"),
    path("hr/export/<slug:key>/<str:fmt>/", views.export, name="export"),
]
