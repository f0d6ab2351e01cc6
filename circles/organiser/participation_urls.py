"""The members' side of a session and a circle: checking in, feedback, materials, the intake
poll. Included from circles/urls.py, beside the other addresses under /leerkringen/, with

    path("", include("circles.organiser.participation_urls")),

so the names are "circles:participation:<name>". Every prefix is in RESERVED_SLUGS."""

from django.urls import path

from . import participation

app_name = "participation"

urlpatterns = [
    path("bijeenkomsten/<int:session_id>/inchecken/", participation.check_in, name="check_in"),
    path("bijeenkomsten/<int:session_id>/feedback/", participation.feedback, name="feedback"),
    path("bijeenkomsten/<int:session_id>/materiaal/<int:material_id>/", participation.material, name="material"),
    path("mijn/intake/<int:circle_id>/", participation.intake, name="intake"),
]
