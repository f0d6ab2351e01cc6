from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from . import services


class AccountAdapter(DefaultAccountAdapter):
    """Renders allauth's mails in the recipient's language and sends them through the queue."""

    def send_mail(self, template_prefix, email, context):
        # allauth's mails greet from and thank "the site": Spil, at the public address.
        context = {"current_site": current_site(), "email": email, **context}
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        services.queue_email(to=email, subject=message.subject, body_text=message.body, body_html=html)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data["full_name"]
        user.preferred_language = translation.get_language() or "nl"
        if commit:
            user.save()
        return user


def current_site() -> SimpleNamespace:
    """The site as allauth's mail templates name it (django.contrib.sites is not used)."""
    return SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)
