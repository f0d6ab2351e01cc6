from wagtail import hooks

from .viewsets import PeopleViewSetGroup, audit_log_viewset, outgoing_email_viewset, user_chooser_viewset


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return [PeopleViewSetGroup(), outgoing_email_viewset, user_chooser_viewset, audit_log_viewset]
