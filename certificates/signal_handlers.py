"""Completion of a track or path queues the certificate: the service decides whether the
achievement carries one, the handlers only hand the work to a task."""

from curriculum.models import Enrolment, LearningPath
from curriculum.signals import path_completed, track_completed

from . import services


def on_track_completed(sender, enrolment, **kwargs):
    from .tasks import issue_certificate

    request = services.track_request(enrolment=enrolment)
    if request is not None:
        target, key = request
        issue_certificate.delay(enrolment.user_id, key, track_id=target.pk)


def on_path_completed(sender, user, path, **kwargs):
    from .tasks import issue_certificate

    key = services.path_request_key(user=user, path=path)
    if key is not None:
        issue_certificate.delay(user.pk, key, path_id=path.pk)


def connect():
    track_completed.connect(on_track_completed, sender=Enrolment, dispatch_uid="certificates-track")
    path_completed.connect(on_path_completed, sender=LearningPath, dispatch_uid="certificates-path")
