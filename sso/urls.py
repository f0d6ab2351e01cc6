from django.urls import path

from . import views

app_name = "sso"

urlpatterns = [
    path("inloggen/organisatie/", views.organisation_login, name="login"),
]
