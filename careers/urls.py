from django.urls import path

from . import views

app_name = "careers"

urlpatterns = [
    path("mijn/loopbaan/", views.my_career, name="mine"),
    path("hr/mensen/<int:user_id>/loopbaan/", views.person_career, name="person"),
    path("hr/mensen/<int:user_id>/loopbaan/bevestigen/", views.confirm_role, name="confirm"),
]
