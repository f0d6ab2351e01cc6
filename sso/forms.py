from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from people.forms import SignupForm as PeopleSignupForm

from .adapters import refuse_password_for
from .models import IdentityProvider, OrganisationDomain


class OrganisationLoginForm(forms.Form):
    email = forms.EmailField(
        label=_("Je e-mailadres op het werk"),
        max_length=254,
        help_text=_("Spil zoekt op het deel na de '@' welke organisatie je laat inloggen."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Vul je e-mailadres op het werk in."),
            "invalid": _("Vul een e-mailadres in, zoals naam@zeist.nl."),
        },
    )


# allauth's account forms, refusing a password for an address whose organisation makes
# single sign-on mandatory: no account with a password, no reset, no extra address there.


class SignupForm(PeopleSignupForm):
    def clean_email(self):
        email = super().clean_email()
        refuse_password_for(email)
        return email


class ResetPasswordForm(AllauthResetPasswordForm):
    def clean_email(self):
        refuse_password_for(self.cleaned_data.get("email") or "")
        return super().clean_email()


class AddEmailForm(AllauthAddEmailForm):
    def clean_email(self):
        refuse_password_for(self.cleaned_data.get("email") or "")
        return super().clean_email()


class DomainChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.domain} ({obj.organisation})"


class IdentityProviderForm(WagtailAdminModelForm):
    """The admin's form. The client secret is written to allauth's SocialApp and never shown
    back: an empty field keeps the stored secret."""

    client_secret = forms.CharField(
        label=_("clientgeheim"),
        max_length=191,
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Het geheim bij de client-ID. Spil laat het nooit meer zien."),
    )

    class Meta:
        model = IdentityProvider
        fields = ["organisation", "issuer", "client_id", "client_secret", "allowed_domains", "required", "is_active"]
        field_classes = {"allowed_domains": DomainChoiceField}
        widgets = {"allowed_domains": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        domains = OrganisationDomain.objects.select_related("organisation").order_by("organisation__name", "domain")
        if self.instance.pk:
            # The provider id, and with it who is known through this provider, hangs on it.
            self.fields["organisation"].disabled = True
            domains = domains.filter(organisation=self.instance.organisation)
            app = self.instance.social_app
            if app is not None and app.secret:
                self.fields["client_secret"].help_text = _(
                    "Er is een geheim opgeslagen (eindigt op '%(end)s'). Laat dit veld leeg om het te houden; "
                    "vul een nieuw geheim in om het te vervangen."
                ) % {"end": app.secret[-4:] if len(app.secret) >= 12 else "…"}
        self.fields["allowed_domains"].queryset = domains

    def clean(self):
        cleaned_data = super().clean()
        organisation = cleaned_data.get("organisation") or (self.instance.organisation if self.instance.pk else None)
        domains = cleaned_data.get("allowed_domains") or []
        foreign = [domain.domain for domain in domains if organisation and domain.organisation_id != organisation.pk]
        if foreign:
            self.add_error(
                "allowed_domains",
                _("Deze domeinen horen niet bij %(organisation)s: %(domains)s.")
                % {"organisation": organisation, "domains": ", ".join(foreign)},
            )
        has_secret = bool(self.instance.social_app_id and self.instance.social_app.secret)
        if not cleaned_data.get("client_secret") and not has_secret:
            self.add_error("client_secret", _("Vul het clientgeheim in."))
        return cleaned_data
