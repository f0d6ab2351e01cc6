"""Production settings: a safe deployment check, and no start-up without secrets."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-for-the-check-" + "z" * 20,
    "ALLOWED_HOSTS": "spil.example.org",
    "DATABASE_URL": "sqlite:////tmp/spil-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SITE_URL": "https://spil.example.org",
    "OPEN_BADGES_SIGNING_KEY": "cHJvZHVjdGlvbi1saWtlLWtleS1mb3ItY2hlY2stMzI=",
}


def manage(*args, env):
    inherited = {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the browser tests set the latter for themselves
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k not in inherited}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_a_real_looking_environment():
    result = manage("check", "--deploy", "--fail-level", "INFO", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_badge_signing_key():
    result = manage("check", env={**PRODUCTION_ENV, "OPEN_BADGES_SIGNING_KEY": ""})
    assert result.returncode != 0
    assert "OPEN_BADGES_SIGNING_KEY" in result.stderr


def test_production_refuses_the_demo_seed():
    result = manage("seed_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "refused" in result.stderr
