import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse

from audit.models import Action, AuditEvent
from certificates.models import Certificate
from curriculum.models import Enrolment, ModuleProgress
from people.models import ErasureCertificates, Membership
from privacy import services
from privacy.models import Erasure
from tests.people.factories import PASSWORD

from .conftest import REFLECTION

pytestmark = pytest.mark.django_db

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def rows_mentioning(*needles: str) -> list[str]:
    """Every row of every table (the project's and the libraries') with one of the needles in
    a text or JSON column."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        fields = [field for field in model._meta.concrete_fields if isinstance(field, TEXT_FIELDS)]
        if not fields or not model._meta.managed:
            continue
        condition = models.Q()
        annotations = {}
        for field in fields:
            name = field.attname
            if isinstance(field, models.JSONField):
                name = f"_text_{field.attname}"
                annotations[name] = Cast(field.attname, models.TextField())
            for needle in needles:
                condition |= models.Q(**{f"{name}__icontains": needle})
        for pk in model._base_manager.annotate(**annotations).filter(condition).values_list("pk", flat=True):
            found.append(f"{model._meta.label} {pk}")
    return found


def _erase_through_the_page(client, user) -> Client:
    """The person confirms, signs in again when allauth asks, and is erased."""
    client.force_login(user)
    data = {"understood": "on", "confirmation": "WISSEN"}
    response = client.post(reverse("privacy:erase"), data)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert not Erasure.objects.filter(user=user).exists()
    response = client.post(response.url, {"password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert "Je account is gewist" in response.content.decode()
    return response


def test_erasure_leaves_no_name_or_address_anywhere(client, person):
    user = person.user
    name, email = user.full_name, user.email
    other_session = Client()
    other_session.force_login(user)
    assert rows_mentioning(name, email)  # the search sees them before

    _erase_through_the_page(client, user)

    assert rows_mentioning(name, email, REFLECTION, "Bram Beoordelaar", "entra-zonderland") == []
    user.refresh_from_db()
    assert not user.is_active
    assert not user.has_usable_password()
    assert user.email.endswith("@gewist.invalid")
    assert Erasure.objects.get(user=user).reason == Erasure.Reason.REQUEST
    # Learning records stay for the organisation's figures, tied to the anonymous account.
    assert Enrolment.objects.filter(user=user).count() == 1
    assert ModuleProgress.objects.get(enrolment=person.enrolment).reflections == {}
    assert Membership.objects.filter(user=user, organisation=person.organisation).exists()
    # Signed out everywhere and no way back in.
    assert not UserSession.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert other_session.get(reverse("learner_dashboard")).status_code == 302
    assert client.get(reverse("learner_dashboard")).status_code == 302
    assert not Client().login(email=email, password=PASSWORD)
    assert AuditEvent.objects.filter(action=Action.ERASURE, organisation=person.organisation).exists()


def test_the_erasure_page_asks_for_the_confirmation_word(client, holder):
    client.force_login(holder.user)
    assert "WISSEN" in client.get(reverse("privacy:erase")).content.decode()
    response = client.post(reverse("privacy:erase"), {"understood": "on", "confirmation": "wissen"})
    assert "Typ precies WISSEN" in response.content.decode()
    assert not Erasure.objects.exists()
    assert holder.user.is_active


def test_keep_policy_leaves_the_certificate_verifiable_without_a_name(
    client, holder, django_capture_on_commit_callbacks
):
    pdf = holder.certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        services.erase_person(user=holder.user)
    assert not holder.certificate.pdf.storage.exists(pdf)
    certificate = Certificate.objects.get(pk=holder.certificate.pk)
    assert certificate.revoked_at is None
    assert certificate.holder_name == ""
    assert not certificate.pdf
    page = client.get(reverse("certificates:verify", args=[certificate.token])).content.decode()
    assert "Geldig" in page
    assert "Niet meer getoond" in page
    assert "Certificaathouder" not in page
    assert Erasure.objects.get(user=holder.user).certificates_kept == 1


def test_revoke_policy_revokes_the_certificate_through_the_service(client, holder):
    holder.organisation.erasure_certificates = ErasureCertificates.REVOKE
    holder.organisation.save()
    services.erase_person(user=holder.user)
    certificate = Certificate.objects.get(pk=holder.certificate.pk)
    assert certificate.revoked_at is not None
    assert certificate.holder_name == ""
    page = client.get(reverse("certificates:verify", args=[certificate.token])).content.decode()
    assert "Ingetrokken" in page
    assert "Certificaathouder" not in page
    assert AuditEvent.objects.filter(action=Action.CERTIFICATE_REVOKED, subject_id=str(certificate.pk)).exists()
    assert Erasure.objects.get(user=holder.user).certificates_revoked == 1


def test_erasing_twice_changes_nothing_more(holder):
    first = services.erase_person(user=holder.user)
    assert services.erase_person(user=holder.user) == first
    assert get_user_model().objects.get(pk=holder.user.pk).full_name == services.ANONYMOUS_NAME
