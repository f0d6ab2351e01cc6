from wagtail import hooks

from .viewsets import SingleSignOnViewSetGroup


@hooks.register("register_admin_viewset")
def register_sso_viewsets():
    return SingleSignOnViewSetGroup()
