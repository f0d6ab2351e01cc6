from django.urls import path

from . import views

app_name = "careers"

urlpatterns = [
    path("mijn/loopbaan/", views.my_career, name="mine"),
    path("mijn/gesprekken/", views.my_conversations, name="conversations"),
    path("mijn/gesprekken/aanvragen/", views.request_conversation, name="request_conversation"),
    path("mijn/gesprekken/<int:pk>/intrekken/", views.withdraw_conversation, name="withdraw_conversation"),
    path("hr/mensen/<int:user_id>/loopbaan/", views.person_career, name="person"),
    path("hr/mensen/<int:user_id>/loopbaan/bevestigen/", views.confirm_role, name="confirm"),
    path("hr/gesprekken/", views.hr_conversations, name="hr_conversations"),
    path("hr/gesprekken/<int:pk>/", views.hr_conversation, name="hr_conversation"),
    path("hr/gesprekken/<int:pk>/plannen/", views.plan_conversation, name="plan_conversation"),
]
