from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    path("health/", views.health, name="health"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("mijn/", views.learner_dashboard, name="learner_dashboard"),
    path("hr/", views.hr_dashboard, name="hr_dashboard"),
    # The Wagtail admin signs in through allauth: its own login and password screens
    # redirect there, so there is no second way in that skips verification or MFA.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path(
        "admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password"),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("careers.urls")),
    path("", include("curriculum.urls")),
    path("", include("assessments.urls")),
    path("", include("certificates.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
