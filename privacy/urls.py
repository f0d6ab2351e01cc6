from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("mijn/privacy/", views.overview, name="overview"),
    path("mijn/privacy/export/", views.request_export, name="request_export"),
    path("mijn/privacy/export/<int:export_id>/", views.export, name="export"),
    path("mijn/privacy/export/<int:export_id>/download/", views.download, name="download"),
    path("mijn/privacy/wissen/", views.erase, name="erase"),
]
