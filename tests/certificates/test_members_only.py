"""Certificates only for people an organisation vouches for (CERTIFICATES_MEMBERS_ONLY)."""

import datetime

import pytest
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from certificates.selectors import may_receive_certificate, vouching_organisation
from certificates.tasks import issue_certificate
from curriculum.models import Enrolment
from people.models import Membership, User
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

from .test_services import finish

pytestmark = pytest.mark.django_db


def test_members_only_is_the_default(settings):
    from cms.settings import base

    assert base.CERTIFICATES_MEMBERS_ONLY is True
    assert settings.CERTIFICATES_MEMBERS_ONLY is True


def test_the_service_refuses_a_person_without_membership(world):
    with pytest.raises(services.NotVouchedFor):
        services.issue(user=world["stranger"], track=world["track"], source_key="s1")
    assert not Certificate.objects.exists()
    assert not may_receive_certificate(user=world["stranger"])


def test_completing_a_track_without_membership_gives_no_certificate_and_no_error(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    enrolment = finish(world["stranger"], world["track"], django_capture_on_commit_callbacks)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert not Certificate.objects.exists()
    assert services.track_request(enrolment=enrolment) is None
    assert mailoutbox == []


def test_the_task_refuses_quietly(world):
    assert issue_certificate.delay(world["stranger"].pk, "s2", track_id=world["track"].pk).get() is None
    assert not Certificate.objects.exists()


def test_no_path_certificate_without_membership(world):
    from tests.curriculum.factories import LearningPathFactory

    path = LearningPathFactory(leads_to_certificate=True)
    assert services.path_request_key(user=world["stranger"], path=path) is None
    assert services.path_request_key(user=world["anna"], path=path) is not None


def test_a_members_certificate_records_the_organisation_that_vouches(world, django_capture_on_commit_callbacks):
    finish(world["anna"], world["track"], django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get()
    assert certificate.organisation == world["zeist"]
    assert certificate.organisation_name == "Gemeente Zeist"


def test_the_verification_page_shows_the_holders_organisation(client, world):
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="s3")
    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert "Organisatie van de houder</dt><dd>Gemeente Zeist</dd>" in html


def test_the_name_stays_when_the_organisation_is_renamed_or_removed(client, world):
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="s4")
    world["zeist"].delete()
    certificate.refresh_from_db()
    assert certificate.organisation is None
    assert "Gemeente Zeist" in client.get(f"/certificates/verify/{certificate.token}/").content.decode()


def test_with_the_setting_off_anyone_gets_one_as_before(client, world, settings, django_capture_on_commit_callbacks):
    settings.CERTIFICATES_MEMBERS_ONLY = False
    finish(world["stranger"], world["track"], django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get()
    assert certificate.holder_name == "Zomaar Iemand"
    assert certificate.organisation is None
    assert certificate.pdf
    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert "Geen: de naam is niet door een organisatie bevestigd" in html


def test_the_vouching_organisation_is_chosen_the_same_way_every_time(world):
    person = HRAdviserFactory(organisation=OrganisationFactory(name="Provincie Utrecht")).user
    assert vouching_organisation(user=person).name == "Provincie Utrecht", "any membership vouches"
    first = LearnerFactory(user=person, organisation=OrganisationFactory(name="Zwolle")).organisation
    MembershipFactory(user=person, organisation=OrganisationFactory(name="Amersfoort"))
    Membership.objects.filter(organisation=first).update(created_at=timezone.now() - datetime.timedelta(days=9))
    for _ in range(3):
        assert vouching_organisation(user=person) == first, "a learner membership first, then the oldest"


def test_the_dashboard_promises_no_certificate_to_a_non_member(client, world, settings):
    client.force_login(world["stranger"])
    html = client.get("/mijn/").content.decode()
    assert "na een leergang krijg je geen certificaat" in html
    client.force_login(world["anna"])
    assert "na een leergang krijg je geen certificaat" not in client.get("/mijn/").content.decode()
    settings.CERTIFICATES_MEMBERS_ONLY = False
    client.force_login(world["stranger"])
    assert "na een leergang krijg je geen certificaat" not in client.get("/mijn/").content.decode()


def test_the_demo_gives_anna_her_certificate_from_gemeente_zeist(demo):
    anna = User.objects.get(email="anna@zeist.example.org")
    certificates = Certificate.objects.filter(user=anna)
    assert certificates.exists()
    assert {certificate.organisation.name for certificate in certificates} == {"Gemeente Zeist"}
    assert certificates.count() == 1  # seeding again adds none: tests/demo/test_seed_demo.py


def test_the_migration_records_the_organisation_of_earlier_certificates(world, settings):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("certificates.migrations.0003_backfill_holder_organisation")
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="s5")
    Certificate.objects.filter(pk=certificate.pk).update(organisation=None, organisation_name="")
    settings.CERTIFICATES_MEMBERS_ONLY = False
    earlier = services.issue(user=world["stranger"], track=world["track"], source_key="s6")
    migration.backfill(apps, None)
    certificate.refresh_from_db()
    earlier.refresh_from_db()
    assert (certificate.organisation, certificate.organisation_name) == (world["zeist"], "Gemeente Zeist")
    assert (earlier.organisation, earlier.organisation_name) == (None, "")


def test_the_track_page_says_certificates_are_for_members(client, settings, world):
    from curriculum.models import LearningTrackPage

    track = LearningTrackPage.objects.filter(leads_to_certificate=True).first()
    assert track is not None
    assert "voor deelnemers via hun organisatie" in client.get(track.url).content.decode()
    settings.CERTIFICATES_MEMBERS_ONLY = False
    assert "voor deelnemers via hun organisatie" not in client.get(track.url).content.decode()
