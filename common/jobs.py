"""Long work that people watch: a row per job with its status and progress, written by a
Celery task and read by the page that shows the progress.

``BackgroundJob`` is the abstract model (assignment batches, certificate re-rendering);
``JobTask`` is the Celery task base that marks the row failed, with a reason the user can read,
once the task gives up after its retries."""

from typing import Protocol

from celery import Task
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FAILURE_REASON = _(
    "Er ging iets mis bij het uitvoeren. Probeer het opnieuw; lukt het dan nog niet, neem dan contact op "
    "met de beheerder van Spil."
)
UNAVAILABLE_REASON = _(
    "De database was een tijd niet bereikbaar, ook niet na een paar nieuwe pogingen. Probeer het later opnieuw."
)


class BackgroundJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        RUNNING = "running", _("Bezig")
        DONE = "done", _("Klaar")
        FAILED = "failed", _("Mislukt")

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED, help_text=_("Hoe ver de taak is.")
    )
    total = models.PositiveIntegerField(_("totaal"), default=0, help_text=_("Zoveel onderdelen heeft de taak."))
    processed = models.PositiveIntegerField(_("verwerkt"), default=0, help_text=_("Zoveel zijn er al verwerkt."))
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True, help_text=_("Wanneer de taak klaar was."))
    error = models.TextField(_("foutmelding"), blank=True, help_text=_("Waarom de taak mislukte, als dat zo is."))

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.processed / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def progress(self, **counts: int) -> dict:
        """What a progress page polls (static/js/batch-progress.js), with a subclass's own ``counts``."""
        return {
            "status": self.status,
            "status_label": self.get_status_display(),
            "processed": self.processed,
            "total": self.total,
            **counts,
            "percent": self.percent,
        }

    @classmethod
    def mark_running(cls, pk: int, *, total: int, **fields) -> None:
        """Started (or started again): progress back to zero; ``fields`` resets a subclass's own counts."""
        cls.objects.filter(pk=pk).update(status=cls.Status.RUNNING, total=total, processed=0, error="", **fields)

    @classmethod
    def mark_progress(cls, pk: int, *, processed: int, **fields) -> None:
        cls.objects.filter(pk=pk).update(processed=processed, **fields)

    @classmethod
    def mark_done(cls, pk: int, **fields) -> None:
        cls.objects.filter(pk=pk).update(status=cls.Status.DONE, finished_at=timezone.now(), **fields)

    @classmethod
    def mark_failed(cls, pk: int, *, reason: str) -> None:
        """A finished job stays finished: a late failure report does not undo it."""
        cls.objects.filter(pk=pk).exclude(status=cls.Status.DONE).update(
            status=cls.Status.FAILED, error=str(reason)[:2000], finished_at=timezone.now()
        )

    @classmethod
    def requeue(cls, pk: int) -> bool:
        """Back in the queue after a failure (the retry button); False if it had not failed."""
        return bool(
            cls.objects.filter(pk=pk, status=cls.Status.FAILED).update(
                status=cls.Status.QUEUED, error="", finished_at=None
            )
        )


class FailableRow(Protocol):
    """What ``JobTask`` needs of its model: a ``BackgroundJob``, or another row that records
    its own failure (an outgoing mail)."""

    @classmethod
    def mark_failed(cls, pk: int, *, reason: str) -> None: ...


class JobTask(Task):
    """Celery task base for a job row: when the task fails for good (its retries spent, or an
    error it does not retry), the row is marked failed with a reason its owner can read.

    The task's first argument is the row's primary key; set ``job_model`` on the task, and
    override ``failure_reason`` where the row's reader needs other words."""

    abstract = True
    job_model: type[FailableRow]

    def failure_reason(self, exc: BaseException) -> str:
        from django.db import OperationalError

        if isinstance(exc, OperationalError):
            return str(UNAVAILABLE_REASON)
        return str(FAILURE_REASON)

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        job_id = args[0] if args else next(iter(kwargs.values()), None)
        if job_id is not None:
            self.job_model.mark_failed(job_id, reason=self.failure_reason(exc))
        super().on_failure(exc, task_id, args, kwargs, einfo)


def progress_or_page(request, job: BackgroundJob, template: str, context: dict):
    """A job's page, or its progress as JSON when the page's script asks (``Accept``)."""
    from django.http import JsonResponse
    from django.shortcuts import render
    from django.utils.cache import patch_vary_headers

    if request.headers.get("Accept") == "application/json":
        response = JsonResponse(job.progress())
    else:
        response = render(request, template, context)
    patch_vary_headers(response, ["Accept"])
    return response
