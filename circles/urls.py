from django.urls import include, path

app_name = "circles"

# Under /leerkringen/, beside the Wagtail pages of the circles (/leerkringen/<circle>/). Every
# prefix here is in circles.models.RESERVED_SLUGS, so no circle's page can hide behind it.
urlpatterns = [
    path("beheer/", include("circles.organiser.urls")),
]
