from django.urls import path

from . import verification, views

app_name = "certificates"

urlpatterns = [
    path("certificates/verify/", views.lookup, name="lookup"),
    path("certificates/verify/credential/", verification.check, name="check"),
    path("certificates/verify/<str:token>/", views.verify, name="verify"),
    path("certificates/status-lists/<int:list_id>/", views.status_list, name="status_list"),
    path("certificates/achievements/<str:kind>/<int:pk>/", views.achievement, name="achievement"),
    path("certificates/badge/<str:token>/", views.badge, name="badge"),
    path("certificates/badge/<str:token>/image.png", verification.badge_image, name="badge_image"),
    path("certificates/issuer/", views.issuer, name="issuer"),
    path("mijn/certificaten/<int:certificate_id>/pdf/", views.my_pdf, name="my_pdf"),
    path("hr/certificaten/", views.hr_list, name="hr_list"),
    path("hr/certificaten/<int:certificate_id>/pdf/", views.hr_pdf, name="hr_pdf"),
    path("hr/certificaten/<int:certificate_id>/intrekken/", views.revoke, name="revoke"),
    path("certificaten/sjablonen/<int:template_id>/opnieuw-maken/", views.rerender, name="rerender"),
    path("certificaten/opnieuw-maken/<int:batch_id>/", views.rerender_batch, name="rerender_batch"),
    path("certificaten/opnieuw-maken/<int:batch_id>/opnieuw-proberen/", views.retry_rerender, name="retry_rerender"),
]
