import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from sso.models import IdentityProvider, OrganisationDomain, normalise_issuer, validate_domain, validate_issuer
from tests.people.factories import OrganisationFactory
from tests.sso.factories import OrganisationDomainFactory


@pytest.mark.parametrize(
    "value",
    ["zeist.nl", "ZEIST.NL", "minbzk.rijksoverheid.nl", "gemeente-zeist.nl", "xn--bcher-kva.example", "zeist.nl."],
)
def test_a_real_hostname_is_a_domain(value):
    validate_domain(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("anna@zeist.nl", "at"),
        ("@zeist.nl", "at"),
        ("https://zeist.nl", "scheme"),
        ("zeist.nl/medewerkers", "scheme"),
        ("zeist", "hostname"),
        ("192.168.1.10", "hostname"),
        ("-zeist.nl", "hostname"),
        ("zeist..nl", "hostname"),
        ("zeist_gemeente.nl", "hostname"),
        ("zeist.nl:443", "hostname"),
        ("", "hostname"),
        (f"{'a' * 64}.nl", "hostname"),
    ],
)
def test_anything_else_is_refused_with_a_reason(value, code):
    with pytest.raises(ValidationError) as error:
        validate_domain(value)
    assert error.value.code == code


@pytest.mark.django_db
def test_a_domain_is_stored_in_lower_case_and_belongs_to_one_organisation():
    domain = OrganisationDomainFactory(domain=" Zeist.NL ")
    assert OrganisationDomain.objects.get(pk=domain.pk).domain == "zeist.nl"
    other = OrganisationDomain(organisation=OrganisationFactory(), domain="ZEIST.nl")
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "domain" in error.value.message_dict
    with pytest.raises(IntegrityError):
        other.save()


@pytest.mark.parametrize(
    "value", ["https://login.zeist.nl", "https://login.zeist.nl/realms/spil/", "http://127.0.0.1:8080"]
)
def test_an_issuer_is_https_or_a_provider_on_this_machine(value):
    validate_issuer(value)


@pytest.mark.parametrize(
    "value",
    ["http://login.zeist.nl", "login.zeist.nl", "ftp://login.zeist.nl", "https://", "https://a:b@login.zeist.nl"],
)
def test_other_issuers_are_refused(value):
    with pytest.raises(ValidationError):
        validate_issuer(value)


def test_the_issuer_is_stored_without_the_discovery_path():
    assert normalise_issuer("https://login.zeist.nl/.well-known/openid-configuration") == "https://login.zeist.nl"
    assert normalise_issuer(" https://login.zeist.nl/realms/spil/ ") == "https://login.zeist.nl/realms/spil"


@pytest.mark.django_db
def test_the_provider_id_names_the_organisation_and_the_issuer():
    zeist, utrecht = OrganisationFactory(), OrganisationFactory()
    first = IdentityProvider.provider_id_for(organisation=zeist, issuer="https://login.example.org")
    assert first == IdentityProvider.provider_id_for(organisation=zeist, issuer="https://login.example.org/")
    assert first != IdentityProvider.provider_id_for(organisation=zeist, issuer="https://andere.example.org")
    assert first != IdentityProvider.provider_id_for(organisation=utrecht, issuer="https://login.example.org")
