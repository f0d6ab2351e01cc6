import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("spil")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
