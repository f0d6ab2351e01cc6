"""Settings shared by every environment.

Every value that differs between machines is read here, from the environment, in one
schema (``env``). ``dev``, ``test`` and ``production`` only choose defaults and switches;
they never read the environment themselves. The README lists every variable.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from wagtail.embeds.oembed_providers import vimeo, youtube

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    REDIS_URL=(str, ""),
    SITE_URL=(str, ""),
    PORT=(int, 8000),
    EMAIL_HOST=(str, "localhost"),
    EMAIL_PORT=(int, 25),
    EMAIL_HOST_USER=(str, ""),
    EMAIL_HOST_PASSWORD=(str, ""),
    EMAIL_USE_TLS=(bool, False),
    DEFAULT_FROM_EMAIL=(str, "Spil <noreply@spil.example.org>"),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 60 * 60 * 24 * 365),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    PRIVATE_MEDIA_ROOT=(str, str(BASE_DIR / "private")),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    LOG_LEVEL=(str, "INFO"),
    OPEN_BADGES_SIGNING_KEY=(str, ""),
    TRUSTED_PROXY_COUNT=(int, 0),
    CERTIFICATES_MEMBERS_ONLY=(bool, True),
    SPIL_PAGE_CACHE_SECONDS=(int, 300),
    SPIL_PAGE_CACHE_SHARED_SECONDS=(int, 60),
    SPIL_FRAGMENT_CACHE_SECONDS=(int, 3600),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")
REDIS_URL = env("REDIS_URL")
# The public base URL in mails, certificates and credentials. Unset, it is the address
# `make run` serves on, so PORT=8790 make run links to port 8790.
SITE_URL = (env("SITE_URL") or f"http://127.0.0.1:{env('PORT')}").rstrip("/")
# Ed25519 private key (32 raw bytes, base64) that signs Open Badges credentials.
OPEN_BADGES_SIGNING_KEY = env("OPEN_BADGES_SIGNING_KEY")
# Certificates only for people an organisation vouches for (a membership). On unless
# switched off for an open installation.
CERTIFICATES_MEMBERS_ONLY = env("CERTIFICATES_MEMBERS_ONLY")

INSTALLED_APPS = [
    "cms",
    "demo",
    "people",
    "careers",
    "curriculum",
    "assessments",
    "certificates",
    "circles",
    "invitations",
    "sso",
    "provisioning",
    "insights",
    "readiness",
    "audit",
    "privacy",
    "outbox",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "people.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.usersessions",
    "auditlog",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # allauth's pages of sessions and security keys load its template tags (a 500 without).
    "django.contrib.humanize",
    "django.forms",
]

FORM_RENDERER = "cms.forms.SpilFormRenderer"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (the site's with a nonce, the admin's looser) and Permissions-Policy.
    "cms.security.SpilCSPMiddleware",
    "cms.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole pages for readers without a session (cms/pagecache.py), before any session or user work.
    "cms.pagecache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cms.middleware.StripNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Site-wide rate limits by kind of request (SPIL_RATE_LIMITS), per account or anonymous address.
    "cms.middleware.RateLimitMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Every refusal (a 403, or the Wagtail admin sending an editor away) in the audit log, de-duplicated.
    "audit.middleware.RefusalAuditMiddleware",
    "cms.middleware.PrivateCacheMiddleware",
    "people.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Tracks each signed-in session per person, so a deactivated person is signed out everywhere.
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    # With SPIL_REQUIRE_MFA: HR advisers, organisers, editors and admins set up two-step verification first.
    "sso.middleware.RequireMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The site and a page's route kept per content version (cms/routing.py); last, so it sees
    # the view and the language.
    "cms.routing.KeptRoutesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                # CSP_NONCE, for the rare inline <script nonce="{{ CSP_NONCE }}"> (cms/security.py).
                "csp.context_processors.nonce",
            ],
        },
    },
]

# SQLite (the embedded default of `make run`) allows one writer at a time. Write-ahead
# logging lets pages read while someone writes; IMMEDIATE transactions take the write lock
# when they start, and the busy timeout makes a second writer wait for it, instead of two
# transactions (Wagtail's autosave and a save) failing with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASES = {"default": env.db_url("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = 60 if DATABASES["default"]["ENGINE"].endswith("postgresql") else 0
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
else:
    # PostgreSQL's JIT compiler spends longer compiling the HR dashboard's report queries than
    # running them (EXPLAIN ANALYZE on the benchmark population: 1.0-1.5 s against 0.6-1.0 s);
    # the site's queries are short, so it is switched off for its connections.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    # A Redis that is away is an empty cache, not an error page (cms/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "spil",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/mijn/"
LOGOUT_REDIRECT_URL = "/"

# django-allauth: email is the login, verification is mandatory, rate limits stay on
# (allauth's defaults, repeated here so that nobody switches them off by accident).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# sso's forms and adapter extend people's: no password (sign-up, login, reset, extra
# address) where an organisation makes its single sign-on mandatory.
ACCOUNT_FORMS = {
    "signup": "sso.forms.SignupForm",
    "reset_password": "sso.forms.ResetPasswordForm",
    "add_email": "sso.forms.AddEmailForm",
}
ACCOUNT_ADAPTER = "sso.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Spil] "
ACCOUNT_RATE_LIMITS = {
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    # Per address only where there is no account yet: high enough for an office signing in
    # at nine; per account (key) where one is tried.
    "login": "100/m/ip",
    "login_failed": "30/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
}
# Authenticator apps, passkeys and security keys (WebAuthn, with fido2 from allauth's mfa
# extra), and recovery codes. Passkeys are a second step here, not a login of their own.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_ADAPTER = "sso.adapters.MFAAdapter"
# HR advisers, learning-circle organisers, editors and platform admins must set up two-step
# verification before anything else (sso.middleware); a sign-in through an identity
# provider that asserts a second factor counts. Off only in dev and test settings.
SPIL_REQUIRE_MFA = True
# Organisations' single sign-on (sso/): allauth's OpenID Connect provider, one SocialApp per
# organisation. Accounts are known by provider and subject, never by email address: no
# sign-in or linking by a matching address, and a first sign-in with an address that has an
# account already is refused (sso.adapters).
SOCIALACCOUNT_ADAPTER = "sso.adapters.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
# Behind N reverse proxies, the client address is the N-th from the end of X-Forwarded-For;
# rate limits (allauth's, the site's in common.ratelimit and the certificate lookup's) count
# per client, not per proxy.
ALLAUTH_TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
# Site-wide rate limits by kind of request (common.ratelimit, cms.middleware): so many per
# signed-in account, or per client address for anonymous requests, in each window of so
# many seconds. Per account, so the colleagues behind one office address never share a
# count; the per-address numbers are higher because an address is shared. Generous for a
# person, a wall for a script; the views with limits of their own keep them.
# The full-page cache for anonymous readers (cms/pagecache.py): how long a page is kept in the
# shared cache (0 switches it off), and how long a CDN or proxy in front may keep it
# (s-maxage; browsers always ask again). Publishing makes every kept page out of date at once.
SPIL_PAGE_CACHE_SECONDS = env("SPIL_PAGE_CACHE_SECONDS")
SPIL_PAGE_CACHE_SHARED_SECONDS = env("SPIL_PAGE_CACHE_SHARED_SECONDS")
# Pieces of pages for everyone (menu, footer, career map, role profile charts), per content
# version and language ({% fragment %}, cms/templatetags/spil_cache.py); 0 switches them off.
SPIL_FRAGMENT_CACHE_SECONDS = env("SPIL_FRAGMENT_CACHE_SECONDS")

SPIL_RATE_LIMITS = {
    # Every POST, PUT, PATCH and DELETE outside the admin and SCIM: form submissions.
    "form": {"per_account": 300, "per_address": 600, "window": 600},
    # The Wagtail admin's submissions (editors upload and save in bursts).
    "admin": {"per_account": 1000, "per_address": 600, "window": 600},
    # Exports, PDFs, spreadsheets, calendar feeds, documents and materials.
    "download": {"per_account": 120, "per_address": 300, "window": 600},
    # Searches and filters with a search text (?q=).
    "search": {"per_account": 300, "per_address": 300, "window": 600},
    # The public certificate and credential pages, which anyone may check.
    "verify": {"per_account": 300, "per_address": 300, "window": 600},
    # Invitation and second-opinion links, which carry a secret token.
    "invitation": {"per_account": 60, "per_address": 60, "window": 600},
    # SCIM provisioning: an identity provider syncing a large organisation.
    "scim": {"per_account": 3000, "per_address": 3000, "window": 600},
}
MFA_TOTP_ISSUER = "Spil"

# Wagtail
WAGTAIL_SITE_NAME = "Spil"
# No avatars from gravatar.com: it would receive a hash of every person's email address.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = SITE_URL
# The admin sends people it does not let in to cms.views.admin_login: allauth's login for
# the anonymous, a 403 for the signed-in who may not use the admin. Wagtail's front-end
# login for private pages is allauth's too, and no page or collection can be closed with a
# shared password: one kind of credential, a person's own account.
WAGTAILADMIN_LOGIN_URL = "admin_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
# English versions of the home, index and content pages (common/i18n.py): same address,
# the reader's language picks the version, the Dutch page where nobody translated it.
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads (cms/documents.py): the extensions editors may upload, each checked for content
# that matches it, and the size. Images: no SVG (it can carry scripts); Wagtail refuses an
# image whose content does not match its extension.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.documents.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents are always downloaded through Wagtail's view, which checks the collection's
# privacy and the pages that use the document (cms/documents.py) before it sends the file,
# as an attachment (never shown inline, so a document cannot run as a page of the site),
# with nosniff and a "default-src 'none'" policy. Never a link straight into MEDIA_ROOT.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# The admin would ask releases.wagtail.org for news: a request to a third party, refused by
# the admin's content security policy anyway.
WAGTAIL_ENABLE_UPDATE_CHECK = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Internationalisation: Dutch first, English second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
# Private files (certificate PDFs) live outside MEDIA_ROOT in a storage without URLs.
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT")
PRIVATE_STORAGE = {
    "BACKEND": "common.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = env("EMAIL_PORT")
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery. Without REDIS_URL tasks run in-process (eagerly), so `make run` needs no broker.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
CELERY_TASK_DEFAULT_RETRY_DELAY = 10
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A page that queues a task must not hang on a broker that is away: a short connect
# timeout, one quick publish retry (for a pooled connection Redis closed), then the task is
# kept in the database outbox (cms/celery.py, outbox/) and sent once Redis is back.
# A message whose worker died is delivered again after the visibility timeout.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_MAX_RETRIES = 100
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 60 * 60,
    "socket_connect_timeout": 2,
    "socket_timeout": 10,
    "socket_keepalive": True,
    "health_check_interval": 25,
}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Periodic jobs, by name. Each job is idempotent: running it twice sends nothing twice.
CELERY_BEAT_SCHEDULE: dict[str, dict] = {
    # Every minute: the workers' heartbeat (/health/), then the tasks the outbox kept while
    # Redis was away.
    "outbox-relay": {
        "task": "outbox.tasks.relay_outbox",
        "schedule": 60,
        "options": {"expires": 55},
    },
    # Every ten minutes: a mail or certificate whose task was lost between the commit and
    # the broker (a process killed in between) is queued again; the tasks run once anyway.
    "people-requeue-stalled-emails": {
        "task": "people.tasks.requeue_stalled_emails",
        "schedule": crontab(minute="*/10"),
    },
    "certificates-requeue-unrendered": {
        "task": "certificates.tasks.requeue_unrendered",
        "schedule": crontab(minute="*/10"),
    },
    "curriculum-due-reminders": {
        "task": "curriculum.tasks.send_due_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "certificates-expiry-reminders": {
        "task": "certificates.tasks.send_expiry_reminders",
        "schedule": crontab(hour=6, minute=30),
    },
    # Daily: an enrolment request HR has not decided within the organisation's deadline is
    # brought up again with the advisers and the learner, once a week; it never expires.
    "curriculum-request-reminders": {
        "task": "curriculum.tasks.send_request_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
    # Nightly: audit-log entries older than their organisation's retention period are deleted.
    "audit-prune": {
        "task": "audit.tasks.prune_audit_log",
        "schedule": crontab(hour=3, minute=45),
    },
    # Every ten minutes: outdated figures of the organisations' HR dashboards are computed
    # again, so an adviser's first look is never computed while they wait.
    "insights-keep-figures-current": {
        "task": "insights.tasks.keep_figures_current",
        "schedule": crontab(minute="*/10"),
    },
    # Nightly: files of background exports older than a week are deleted; the record stays.
    "insights-delete-expired-exports": {
        "task": "insights.tasks.delete_expired_exports",
        "schedule": crontab(hour=3, minute=15),
    },
    "curriculum-overdue-digest": {
        "task": "curriculum.tasks.send_overdue_digests",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon"),
    },
    # Hourly: each place in a learning-circle session is reminded about 24 hours ahead.
    "circles-session-reminders": {
        "task": "circles.tasks.send_session_reminders",
        "schedule": crontab(minute=5),
    },
    # Nightly: personal data exports older than a week are deleted; daily: the records of
    # people who left longer ago than their organisation keeps them are anonymised.
    "privacy-delete-expired-exports": {
        "task": "privacy.tasks.delete_expired_data_exports",
        "schedule": crontab(hour=3, minute=25),
    },
    "privacy-anonymise-leavers": {
        "task": "privacy.tasks.anonymise_leavers",
        "schedule": crontab(hour=2, minute=40),
    },
}

# Sessions are read from the shared cache and written through to the database (Django's
# cached_db engine, each kept in the cache for minutes: cms/sessions.py): one query less on
# every signed-in request. Only with the shared Redis: a cache of one process would keep a
# session that another process ended.
SESSION_ENGINE = "cms.sessions" if REDIS_URL else "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Request sizes: a form of at most 5 MB besides its files, files over 2.5 MB go to a
# temporary file rather than memory, at most 20 files at once. Wagtail's page editor sends
# about six fields per StreamField block, so a long module needs more than Django's 1,000.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# Content security policy (django-csp; cms/security.py chooses the policy by path).
# The site: scripts and styles from its own static files only, an inline script only with
# the request's nonce; no plugins, no <base>, framed only by itself (Wagtail's preview).
# No form-action: signing in through an organisation's identity provider is a form posted
# here and redirected to the provider, which browsers check against form-action.
# Videos (the embed block) play from the hosts in EMBED_FRAME_HOSTS; other embeds
# show nothing.
EMBED_FRAME_HOSTS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# The embed block accepts addresses of these services only, so that what editors embed plays.
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo]}]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_HOSTS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
    },
}
# The Wagtail admin writes inline scripts (inline panels, date pickers) and inline styles,
# and shows uploads as blob: previews; everything else is as strict as the site.
SPIL_ADMIN_CSP_PREFIX = "/admin/"
SPIL_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
    },
}
# Browser features nobody on the site needs are off, for the site and every frame in it.
SPIL_PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "midi": [],
    "magnetometer": [],
    "gyroscope": [],
    "accelerometer": [],
    "display-capture": [],
    "browsing-topics": [],
    # Passkeys and security keys (two-step verification) on the site itself only.
    "publickey-credentials-get": ["self"],
    "publickey-credentials-create": ["self"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"no_traceback_for_4xx": {"()": "cms.logging.NoTracebackForClientErrors"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["no_traceback_for_4xx"]}
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Audit log
# django-auditlog records changes to memberships and accounts (people/audit.py); the
# middleware above names the signed-in person who made them. No client address: auditlog
# would take the first X-Forwarded-For entry, which the client writes itself, and Spil
# needs no address to say who changed what. Related records are logged by name (the
# organisation, the person), so an entry stays readable after they are renamed or removed.
AUDITLOG_DISABLE_REMOTE_ADDR = True
AUDITLOG_USE_FK_STRING_REPRESENTATION = True
# The audit log (audit/): each entry is kept as long as its organisation's
# ``audit_retention_days`` says; entries about no organisation this many days.
AUDIT_RETENTION_DAYS = 730
