from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks
from wagtail.admin import messages
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView

from common.i18n import SINGLE_LANGUAGE, can_be_translated

from .documents import refuse_documents_of_restricted_pages
from .pagecache import mark_cacheable
from .restrictions import refuse_signed_in_outsiders_of_collections, refuse_signed_in_outsiders_of_pages


class SubmitTranslatablePageView(SubmitPageTranslationView):
    """Wagtail's 'translate this page', for the pages that may have an English version, one
    page at a time: a subtree would copy tracks and profiles along (see common.i18n)."""

    def get(self, request, *args, **kwargs):
        return self.refused() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refused() or super().post(request, *args, **kwargs)

    def refused(self):
        if can_be_translated(self.object):
            return None
        messages.error(self.request, SINGLE_LANGUAGE)
        return redirect("wagtailadmin_pages:edit", self.object.pk)

    def get_form(self):
        form = super().get_form()
        form.fields["include_subtree"].disabled = True
        return form


@hooks.register("register_admin_urls")
def register_admin_urls():
    # Registered before simple_translation's own URL (cms comes first among the apps), so
    # the 'Translate' buttons lead here.
    return [path("translation/submit/page/<int:page_id>/", SubmitTranslatablePageView.as_view())]


# Documents used on pages with a view restriction (or on modules) are for their readers only.
hooks.register("before_serve_document", refuse_documents_of_restricted_pages)

# A page or a private collection's document refuses a signed-in person outside its groups with
# a 403, before Wagtail's own check would send them to the login page and round in a loop.
hooks.register("before_serve_page", refuse_signed_in_outsiders_of_pages, order=-1)
hooks.register("before_serve_document", refuse_signed_in_outsiders_of_collections, order=-1)


@hooks.register("before_serve_page")
def keep_page_for_anonymous_readers(page, request, serve_args, serve_kwargs):
    """Every page may be kept whole for anonymous readers (cms/pagecache.py decides whether
    the answer qualifies); a page class shortens that with ``page_cache_seconds`` (0 = never)."""
    mark_cacheable(request, getattr(page, "page_cache_seconds", None))
