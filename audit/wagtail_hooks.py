from wagtail import hooks

from .viewsets import audit_event_viewset


@hooks.register("register_admin_viewset")
def register_audit_viewset():
    return audit_event_viewset
