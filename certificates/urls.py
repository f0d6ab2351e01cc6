from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("certificates/verify/", views.lookup, name="lookup"),
    path("certificates/verify/<str:token>/", views.verify, name="verify"),
    path("certificates/status/<str:token>/", views.status, name="status"),
    path("certificates/badge/<str:token>/", views.badge, name="badge"),
    path("certificates/issuer/", views.issuer, name="issuer"),
    path("mijn/certificaten/<int:certificate_id>/pdf/", views.my_pdf, name="my_pdf"),
    path("hr/certificaten/", views.hr_list, name="hr_list"),
    path("hr/certificaten/<int:certificate_id>/pdf/", views.hr_pdf, name="hr_pdf"),
    path("hr/certificaten/<int:certificate_id>/intrekken/", views.revoke, name="revoke"),
    path("certificaten/sjablonen/<int:template_id>/opnieuw-maken/", views.rerender, name="rerender"),
    path("certificaten/opnieuw-maken/<int:batch_id>/", views.rerender_batch, name="rerender_batch"),
    path("certificaten/opnieuw-maken/<int:batch_id>/opnieuw-proberen/", views.retry_rerender, name="retry_rerender"),
]
