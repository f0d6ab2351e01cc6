from wagtail import hooks

from .viewsets import PeopleViewSetGroup, user_chooser_viewset


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return [PeopleViewSetGroup(), user_chooser_viewset]
