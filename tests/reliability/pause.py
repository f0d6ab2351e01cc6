"""Loaded by the test worker (CELERY_IMPORTS in worker_settings): stops the worker at a
named point, so that a test can kill it exactly there.

SPIL_TEST_PAUSE_AT names the point, SPIL_TEST_PAUSE_NTH the how-manieth time it is reached;
the worker then writes SPIL_TEST_PAUSE_MARKER and sleeps until it is killed.

- ``pdf-stored``: a certificate PDF is written, the row does not point to it yet;
- ``mail-queued``: a mail is recorded, inside the transaction that records it;
- ``mail-published``: a mail's delivery task is about to go to the broker, after the commit.
"""

import os
import time
from collections import Counter
from pathlib import Path

from celery.signals import before_task_publish
from django.db.models.signals import post_save

from common.storage import PrivateFileSystemStorage
from people.models import OutgoingEmail

POINT = os.environ.get("SPIL_TEST_PAUSE_AT", "")
NTH = int(os.environ.get("SPIL_TEST_PAUSE_NTH", "1"))
MARKER = os.environ.get("SPIL_TEST_PAUSE_MARKER", "")
_reached: Counter = Counter()


def reached(point: str) -> None:
    if point != POINT:
        return
    _reached[point] += 1
    if _reached[point] == NTH:
        Path(MARKER).write_text(point)
        time.sleep(600)


class PausingStorage(PrivateFileSystemStorage):
    def _save(self, name, content):
        name = super()._save(name, content)
        if name.endswith(".pdf"):
            reached("pdf-stored")
        return name


def _on_mail_recorded(sender, instance, created, **kwargs):
    if created:
        reached("mail-queued")


def _on_publish(sender=None, **kwargs):
    if sender == "people.tasks.send_email":
        reached("mail-published")


post_save.connect(_on_mail_recorded, sender=OutgoingEmail, dispatch_uid="reliability-pause-mail")
before_task_publish.connect(_on_publish, dispatch_uid="reliability-pause-publish")
