"""Rules every page gets: private caching, NUL bytes, the admin's door, logs, 404s, links."""

import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings

from people.models import User
from tests.people.factories import PASSWORD, HRAdviserFactory, LearnerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def track(home_page):
    from tests.curriculum.factories import (
        CatalogPageFactory,
        LearningTrackPageFactory,
        ModulePageFactory,
        assignment_block,
        knowledge_check,
    )

    track = LearningTrackPageFactory(parent=CatalogPageFactory(parent=home_page))
    ModulePageFactory(parent=track, title="Lezen")
    ModulePageFactory(parent=track, title="Kennischeck", body=[knowledge_check()])
    ModulePageFactory(parent=track, title="Praktijk", required=False, body=[assignment_block()])
    return track


# Caching -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/mijn/", "/accounts/email/", "/", "/leeraanbod/"])
def test_pages_for_a_signed_in_person_are_never_stored(client, home_page, url):
    client.force_login(LearnerFactory().user)
    response = client.get(url)
    cache_control = response.get("Cache-Control", "")
    assert "private" in cache_control, url
    assert "no-store" in cache_control, url


def test_hr_pages_are_never_stored(client, home_page):
    client.force_login(HRAdviserFactory().user)
    response = client.get("/hr/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_anonymous_public_pages_keep_their_own_policy(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_view_that_chose_its_cache_policy_keeps_it(client, home_page):
    client.force_login(LearnerFactory().user)
    response = client.get("/health/")
    assert "no-cache" in response["Cache-Control"]  # never_cache, set by the view itself


# NUL bytes ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["q=a%00", "q=%00", "q=Anna%00%00de", "pagina=%00", "%00=x"])
def test_nul_in_the_hr_search_is_no_server_error(client, home_page, query):
    client.force_login(HRAdviserFactory().user)
    response = client.get(f"/hr/?{query}")
    assert response.status_code == 200


def test_nul_is_removed_from_form_input_and_the_rest_is_kept(rf):
    from cms.middleware import StripNulMiddleware

    seen = {}

    def view(request):
        seen["post"] = request.POST.dict()
        seen["get"] = request.GET.dict()
        return None

    request = rf.post("/x/?q=a%00b", {"naam": "An\x00na", "leeg": "\x00"})
    StripNulMiddleware(view)(request)
    assert seen == {"post": {"naam": "Anna", "leeg": ""}, "get": {"q": "ab"}}


@pytest.mark.parametrize(
    "text",
    ["\x00", "antwoord\x00", "\x00\x00\x00", "a" * 100_000 + "\x00"],
    ids=["nul", "trailing-nul", "only-nuls", "long-with-nul"],
)
def test_nul_in_a_reflection_or_knowledge_check_is_no_server_error(client, track, text):
    from curriculum.grading import answer_key
    from curriculum.models import ModulePage

    learner = LearnerFactory().user
    client.force_login(learner)
    client.post(f"/leergangen/{track.pk}/inschrijven/")
    _, check_module, practice = list(ModulePage.objects.child_of(track).order_by("path"))
    block_id = check_module.knowledge_checks()[0].id
    response = client.post(check_module.url, {answer_key(block_id, 0): text, answer_key(block_id, 1): text})
    assert response.status_code in (200, 400)
    reflection_block = next(block for block in practice.body if block.block_type == "assignment")
    response = client.post(practice.url, {f"reflection-{reflection_block.id}": text})
    assert response.status_code in (200, 302, 400)


# The admin's door ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["learner", "hr", "no membership"])
def test_the_admin_refuses_people_without_access_clearly_instead_of_looping(client, home_page, role):
    makers = {
        "learner": lambda: LearnerFactory().user,
        "hr": lambda: HRAdviserFactory().user,
        "no membership": UserFactory,
    }
    user = makers[role]()
    client.force_login(user)
    response = client.get("/admin/pages/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1
    html = response.content.decode()
    assert "Geen toegang" in html
    assert "You do not have permission" not in html


def test_the_admin_login_address_sends_admins_on_and_ignores_foreign_next(client, home_page):
    admin = User.objects.create_superuser(email="beheer@example.org", password=PASSWORD, full_name="Beheer")
    client.force_login(admin)
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/admin/pages/"
    assert client.get("/admin/login/?next=https://evil.example.org/")["Location"] == "/admin/"


# Logs ------------------------------------------------------------------------------------


def test_a_403_is_one_log_line_without_a_traceback(client, home_page, caplog):
    client.force_login(LearnerFactory().user)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get("/hr/").status_code == 403
    records = [record for record in caplog.records if record.name == "django.request"]
    assert [record.getMessage() for record in records] == ["Forbidden (Permission denied): /hr/"]
    assert records[0].exc_info is None
    assert "Traceback" not in caplog.text


def test_the_filter_drops_the_traceback_of_a_4xx():
    from cms.logging import NoTracebackForClientErrors

    try:
        raise PermissionError("nee")
    except PermissionError:
        record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Forbidden", (), sys.exc_info())
    record.status_code = 403
    NoTracebackForClientErrors().filter(record)
    assert record.exc_info is None


def test_a_500_keeps_its_traceback():
    from cms.logging import NoTracebackForClientErrors

    try:
        raise ValueError("kapot")
    except ValueError:
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Server Error", (), sys.exc_info())
    record.status_code = 500
    NoTracebackForClientErrors().filter(record)
    assert record.exc_info is not None


def test_the_console_handler_carries_the_filter():
    assert "no_traceback_for_4xx" in settings.LOGGING["handlers"]["console"]["filters"]


# 404 in development --------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/bestaat-niet/", "/bestaat/ook/niet/", "/plaatje.png", "/mijn/certificaten/999/pdf/"])
def test_development_shows_the_sites_own_404(client, home_page, url):
    middleware = [*settings.MIDDLEWARE, "cms.middleware.SiteNotFoundMiddleware"]
    client.force_login(LearnerFactory().user)
    with override_settings(DEBUG=True, MIDDLEWARE=middleware):
        response = client.get(url)
        assert response.status_code == 404
        html = response.content.decode()
        assert "Pagina niet gevonden" in html
        assert "URLconf" not in html
        debug = client.get("/bestaat-niet/?debug-404")
        assert "URLconf" in debug.content.decode() or "Using the URLconf" in debug.content.decode()


def test_dev_settings_use_the_sites_404():
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.MIDDLEWARE[-1])"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=settings.BASE_DIR,
        check=True,
    )
    assert result.stdout.strip() == "cms.middleware.SiteNotFoundMiddleware"


# Absolute links and the site's name ----------------------------------------------------


def settings_value(name: str, **env) -> str:
    clean = {key: value for key, value in os.environ.items() if key not in {"SITE_URL", "PORT"}}
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", f"from django.conf import settings; print(settings.{name})"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=settings.BASE_DIR,
        check=True,
    )
    return result.stdout.strip()


def test_links_point_at_the_port_make_run_serves_on():
    assert settings_value("SITE_URL", PORT="8790") == "http://127.0.0.1:8790"
    assert settings_value("SITE_URL") == "http://127.0.0.1:8000"
    assert settings_value("SITE_URL", PORT="8790", SITE_URL="https://spil.example.org/") == "https://spil.example.org"


def test_the_verification_mail_names_the_site(client, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/signup/",
            {
                "full_name": "Nieuwe Collega",
                "email": "nieuw@example.org",
                "password1": "een-lang-wachtwoord-2026",
                "password2": "een-lang-wachtwoord-2026",
            },
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    text = message.subject + "\n" + message.body
    assert "Spil" in message.body
    assert " !" not in text, text
    assert "van !" not in text


def test_the_admin_sends_nobodys_email_hash_to_gravatar(client, home_page):
    admin = User.objects.create_superuser(email="beheer@example.org", password=PASSWORD, full_name="Beheer")
    UserFactory(email="anna@zeist.example.org")
    client.force_login(admin)
    for url in ["/admin/", "/admin/users/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "gravatar" not in response.content.decode(), url


def test_a_rate_limit_says_in_dutch_what_happened(client, home_page, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}
    client.post("/accounts/login/", {"login": "iemand@example.org", "password": "fout"})
    response = client.post("/accounts/login/", {"login": "iemand@example.org", "password": "fout"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Even wachten" in html
    assert "Too Many Requests" not in html
