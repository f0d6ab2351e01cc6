"""Pages and documents with a view restriction, for a signed-in person it does not admit.

Wagtail sends whoever a restriction refuses to the login page. For someone signed in that is
a redirect loop: allauth sends a signed-in person straight back to the page, which sends them
to the login again. They get the 403 page instead; the anonymous still go to the login.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest


def refuse_signed_in_outsiders_of_pages(page, request: HttpRequest, serve_args, serve_kwargs) -> None:
    """A ``before_serve_page`` hook, before Wagtail's own check. The restrictions are read once
    and kept on this page object, so Wagtail's check after it asks the database no second time."""
    if not request.user.is_authenticated:
        return
    restrictions = list(page.get_view_restrictions())
    page.get_view_restrictions = lambda: restrictions
    if not all(restriction.accept_request(request) for restriction in restrictions):
        raise PermissionDenied


def refuse_signed_in_outsiders_of_collections(document, request: HttpRequest) -> None:
    """A ``before_serve_document`` hook, before Wagtail's check of the collection's privacy."""
    if request.user.is_authenticated and not all(
        restriction.accept_request(request) for restriction in document.collection.get_view_restrictions()
    ):
        raise PermissionDenied
