from django.urls import path

from . import views

app_name = "readiness"

urlpatterns = [
    path("mijn/loopbaan/volgende-stap/", views.next_steps, name="next_steps"),
    path("mijn/loopbaan/volgende-stap/<int:profile_id>/", views.readiness, name="role"),
]
