from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("zelfscan/<int:page_id>/starten/", views.start, name="start"),
    path("zelfscan/poging/<int:attempt_id>/stap/<int:number>/", views.step, name="step"),
    path("zelfscan/poging/<int:attempt_id>/resultaat/", views.result, name="result"),
    path("zelfscan/poging/<int:attempt_id>/delen/", views.share, name="share"),
    path("zelfscan/poging/<int:attempt_id>/tweede-blik/", views.invite, name="invite"),
    path("zelfscan/tweede-blik/<str:token>/", views.rate, name="rate"),
    path("mijn/ontwikkelplan/toevoegen/", views.plan_add, name="plan_add"),
    path("mijn/ontwikkelplan/<int:item_id>/verwijderen/", views.plan_remove, name="plan_remove"),
    path("hr/zelfscans/", views.hr_overview, name="hr_overview"),
    path("hr/zelfscans/poging/<int:attempt_id>/", views.hr_result, name="hr_result"),
]
