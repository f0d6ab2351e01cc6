"""Settings of the Celery worker subprocesses that tests/reliability starts and kills.

The test settings, but with tasks through the broker (REDIS_URL), the test database
(DATABASE_URL, set by the test to pytest's database), certificate PDFs on disk
(PRIVATE_MEDIA_ROOT) and mail written to files beside them, so the test can count both.
A message whose worker was killed comes back after two seconds, not an hour.
"""

from pathlib import Path

from cms.settings.test import *  # noqa: F403
from cms.settings.test import CELERY_BROKER_TRANSPORT_OPTIONS, PRIVATE_MEDIA_ROOT, PRIVATE_STORAGE, REDIS_URL, STORAGES

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = REDIS_URL
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "visibility_timeout": 2,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
CELERY_IMPORTS = ["tests.reliability.pause"]
STORAGES = {**STORAGES, "private": {**PRIVATE_STORAGE, "BACKEND": "tests.reliability.pause.PausingStorage"}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = str(Path(PRIVATE_MEDIA_ROOT).parent / "mail")
