from wagtail import hooks

from .viewsets import scim_token_viewset


@hooks.register("register_admin_viewset")
def register_provisioning_viewsets():
    return scim_token_viewset
