from django.urls import include, path

from . import views

app_name = "circles"

# Under /leerkringen/, beside the Wagtail pages of the circles (/leerkringen/<circle>/). Every
# prefix here is in circles.models.RESERVED_SLUGS, so no circle's page can hide behind it.
urlpatterns = [
    path("beheer/", include("circles.organiser.urls")),
    # Checking in, feedback, materials and the intake poll (the organiser package's engineer).
    path("", include("circles.organiser.participation_urls")),
    # Sessions: what members see and do, and what the circle's organisers publish.
    path("bijeenkomsten/<int:session_id>/", views.session_detail, name="session"),
    path("bijeenkomsten/<int:session_id>.ics", views.session_ics, name="session_ics"),
    path("bijeenkomsten/<int:session_id>/aanmelden/", views.register, name="register"),
    path("bijeenkomsten/<int:session_id>/afmelden/", views.unregister, name="unregister"),
    path("bijeenkomsten/nieuw/<int:circle_id>/", views.session_create, name="session_create"),
    path("bijeenkomsten/<int:session_id>/kopie/", views.session_copy, name="session_copy"),
    path("bijeenkomsten/<int:session_id>/bewerken/", views.session_edit, name="session_edit"),
    path("bijeenkomsten/<int:session_id>/verplaatsen/", views.session_move, name="session_move"),
    path("bijeenkomsten/<int:session_id>/afgelasten/", views.session_cancel, name="session_cancel"),
    # Calendar feeds: a circle's (public) and a person's own (at a secret address).
    path("agenda/leerkring/<int:circle_id>.ics", views.circle_feed, name="circle_feed"),
    path("agenda/persoonlijk/<str:token>.ics", views.personal_feed, name="personal_feed"),
    # The signed-in person's own: their sessions and feed, joining and leaving circles.
    path("mijn/agenda/", views.my_calendar, name="my_calendar"),
    path("mijn/agenda/nieuw-adres/", views.reset_feed, name="reset_feed"),
    path("mijn/leerkringen/<int:circle_id>/lid-worden/", views.join, name="join"),
    path("mijn/leerkringen/<int:circle_id>/opzeggen/", views.leave, name="leave"),
    # Invitation-only circles: the organisers invite by email address.
    path("uitnodigingen/<int:circle_id>/", views.invitations, name="invitations"),
    path(
        "uitnodigingen/<int:circle_id>/<int:invitation_id>/intrekken/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
]
