from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks
from wagtail.admin import messages
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView

from common.i18n import SINGLE_LANGUAGE, can_be_translated


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
