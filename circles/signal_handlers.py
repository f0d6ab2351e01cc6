"""Every save and delete of a circle membership recounts the circle's members
(``CircleStats``): joining and coming back (``services.join_circle``), rows made elsewhere
(factories, the demo), and memberships deleted with a person's account. The service counts;
the handlers only say which circle."""

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

from . import services
from .models import CircleMember


def on_member_saved(sender, instance: CircleMember, raw: bool = False, **kwargs) -> None:
    if not raw:  # loading fixtures: the circle's row may not be there yet
        services.count_members(circle_id=instance.circle_id)


def on_member_deleted(sender, instance: CircleMember, origin=None, **kwargs) -> None:
    """Not while the circle itself is deleted: its members and its counts go with it."""
    if isinstance(origin, Page) or (isinstance(origin, QuerySet) and issubclass(origin.model, Page)):
        return
    services.count_members(circle_id=instance.circle_id)


def connect() -> None:
    post_save.connect(on_member_saved, sender=CircleMember, dispatch_uid="circles-member-saved")
    post_delete.connect(on_member_deleted, sender=CircleMember, dispatch_uid="circles-member-deleted")
