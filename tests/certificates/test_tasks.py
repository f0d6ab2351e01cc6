import time

import pytest
from celery.result import EagerResult

from certificates import services
from certificates.models import Certificate
from certificates.tasks import issue_certificate, render_certificate


@pytest.mark.django_db
def test_a_failed_render_leaves_no_half_certificate_and_is_retried(world, monkeypatch):
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="t1")
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")

    def broken(certificate):
        raise OSError("font cache unavailable")

    monkeypatch.setattr(services, "certificate_pdf", broken)
    with pytest.raises(OSError, match="font cache"):
        services.render(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert not certificate.pdf
    assert certificate.rendered_at is None
    assert render_certificate.autoretry_for == (Exception,)
    assert render_certificate.retry_backoff


@pytest.mark.celery_worker
def test_a_real_worker_issues_once_even_when_queued_twice(celery_worker_on_redis, world):
    key = f"track:{world['track'].pk}:user:{world['anna'].pk}:at:worker"
    first = issue_certificate.delay(world["anna"].pk, key, track_id=world["track"].pk)
    second = issue_certificate.delay(world["anna"].pk, key, track_id=world["track"].pk)
    assert not isinstance(first, EagerResult)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if Certificate.objects.filter(source_key=key).exclude(pdf="").exists():
            break
        time.sleep(0.2)
    time.sleep(1)
    assert Certificate.objects.count() == 1
    assert Certificate.objects.get().pdf
    assert second.id != first.id
