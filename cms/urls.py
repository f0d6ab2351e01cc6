from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    path("health/", views.health, name="health"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}favicon.svg", permanent=True)),
    path("mijn/", views.learner_dashboard, name="learner_dashboard"),
    path("hr/", views.hr_dashboard, name="hr_dashboard"),
    # Every way in goes through allauth (verification, two-step verification, rate limits).
    # Wagtail and Django bring login and password screens of their own; each is shadowed
    # here, before the includes that define them. tests/cms/test_authentication_urls.py
    # walks every URL pattern and fails on any other view that can sign someone in.
    path("admin/login/", views.admin_login, name="admin_login"),
    re_path(r"^admin/password_reset/", RedirectView.as_view(pattern_name="account_reset_password")),
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    # Shared page and document passwords are switched off (WAGTAIL_PRIVATE_PAGE_OPTIONS);
    # their endpoints are gone too.
    re_path(r"^_util/authenticate_with_password/", views.not_found),
    re_path(r"^documents/authenticate_with_password/", views.not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("leerkringen/", include("circles.urls")),
    path("scim/", include("provisioning.urls")),
    path("", include("insights.urls")),
    path("", include("readiness.urls")),
    path("", include("invitations.urls")),
    path("", include("sso.urls")),
    path("", include("people.urls")),
    path("", include("careers.urls")),
    path("", include("curriculum.urls")),
    path("", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("", include("privacy.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Development only: uploaded images and documents. Private files (certificate PDFs)
    # live in another storage that has no URL at all.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
