from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("hr/mensen/", views.people_list, name="hr_people"),
    path("hr/mensen/<int:user_id>/team/", views.person_team, name="hr_person_team"),
    path("hr/mensen/<int:user_id>/verwijderen/", views.person_remove, name="hr_person_remove"),
]
