"""Running Celery tasks in tests as a worker would run them."""

import contextlib

from cms.celery import app as celery_app


@contextlib.contextmanager
def tasks_fail_as_in_a_worker():
    """The test settings run tasks eagerly and raise their first error at the caller, so a
    retry or a failure handler never runs. Inside this block a failing task behaves as in a
    worker: Celery retries it (at once, without the wait) and, once it gives up, calls its
    failure handler (``JobTask.on_failure``); the caller gets no exception."""
    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    try:
        yield
    finally:
        celery_app.conf.task_eager_propagates = previous
