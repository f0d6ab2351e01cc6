"""Completion of a track or path queues the certificate: the handlers only decide whether
the achievement carries one, and hand the work to a task."""

from curriculum.models import Enrolment, LearningPath
from curriculum.signals import path_completed, track_completed

from .services import certificate_target


def on_track_completed(sender, enrolment, **kwargs):
    from .tasks import issue_certificate

    target = certificate_target(enrolment.track)
    if target is None:
        return
    key = f"track:{target.pk}:user:{enrolment.user_id}:at:{enrolment.completed_at:%Y%m%dT%H%M%S.%f}"
    issue_certificate.delay(enrolment.user_id, key, track_id=target.pk)


def on_path_completed(sender, user, path, **kwargs):
    from .models import Certificate
    from .tasks import issue_certificate

    if not path.leads_to_certificate:
        return
    if Certificate.objects.filter(user=user, path=path, revoked_at__isnull=True, superseded_at__isnull=True).exists():
        return
    issued = Certificate.objects.filter(user=user, path=path).count()
    issue_certificate.delay(user.pk, f"path:{path.pk}:user:{user.pk}:n:{issued}", path_id=path.pk)


def connect():
    track_completed.connect(on_track_completed, sender=Enrolment, dispatch_uid="certificates-track")
    path_completed.connect(on_path_completed, sender=LearningPath, dispatch_uid="certificates-path")
