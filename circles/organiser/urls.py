"""The organiser's pages, under /leerkringen/beheer/ (included from circles/urls.py)."""

from django.urls import path

from . import views

app_name = "organiser"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("kring/<int:circle_id>/", views.circle, name="circle"),
    path("kring/<int:circle_id>/aanwezigheid.csv", views.circle_csv, name="circle_csv"),
    path("kring/<int:circle_id>/aanwezigheid.xlsx", views.circle_xlsx, name="circle_xlsx"),
    path("bijeenkomst/<int:session_id>/aanwezigheid/", views.attendance_list, name="attendance"),
    path("bijeenkomst/<int:session_id>/aanwezigheid.csv", views.session_csv, name="session_csv"),
    path("bijeenkomst/<int:session_id>/aanwezigheid.xlsx", views.session_xlsx, name="session_xlsx"),
    path("bijeenkomst/<int:session_id>/binnenloper/", views.walk_in, name="walk_in"),
    path(
        "bijeenkomst/<int:session_id>/binnenloper/<int:attendance_id>/verwijderen/",
        views.remove_walk_in,
        name="remove_walk_in",
    ),
    path("bijeenkomst/<int:session_id>/code/", views.check_in_code, name="check_in_code"),
    path("bijeenkomst/<int:session_id>/feedback/", views.feedback, name="feedback"),
    path("bijeenkomst/<int:session_id>/verslag/", views.report, name="report"),
    path("bijeenkomst/<int:session_id>/materiaal/", views.add_material, name="add_material"),
    path(
        "bijeenkomst/<int:session_id>/materiaal/<int:material_id>/verwijderen/",
        views.remove_material,
        name="remove_material",
    ),
]
