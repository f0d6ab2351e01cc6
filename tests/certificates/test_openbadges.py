import copy
import threading

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.db import connection

from certificates import openbadges, proofs, services, statuslist
from certificates.models import Certificate, StatusList
from tests.curriculum.factories import LearningPathFactory, LearningTrackPageFactory
from tests.people.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def public_key_from_profile(profile) -> Ed25519PublicKey:
    method = profile["verificationMethod"][0]
    assert profile["assertionMethod"] == [method["id"]]
    raw = proofs.base58btc_decode(method["publicKeyMultibase"][1:])
    assert raw[:2] == proofs.ED25519_MULTICODEC
    return Ed25519PublicKey.from_public_bytes(raw[2:])


@pytest.fixture
def certificate(world):
    return services.issue(user=world["anna"], track=world["track"], source_key="b1")


def test_the_credential_is_an_open_badge_signed_by_the_platform(world, certificate, settings):
    credential = openbadges.credential_for(certificate)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["credentialSubject"]["achievement"]["name"] == "Risicomanagement voor de PMO"
    assert f"/certificates/verify/{certificate.token}/" in credential["evidence"][0]["id"]
    assert "validUntil" in credential
    assert world["anna"].email not in str(credential), "the holder is identified by a salted hash only"
    [proof] = credential["proof"]
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["verificationMethod"] == f"{settings.SITE_URL}/certificates/issuer/#key-1"
    key = public_key_from_profile(openbadges.issuer_profile())
    assert proofs.verify(credential, key)
    assert not proofs.verify({**credential, "name": "Iets anders"}, key)
    assert credential["credentialSchema"][0]["id"].endswith("ob_v3p0_achievementcredential_schema.json")


def test_the_credential_is_signed_once_and_stored(client, certificate):
    certificate.refresh_from_db()
    assert certificate.credential
    first = client.get(f"/certificates/badge/{certificate.token}/").json()
    second = client.get(f"/certificates/badge/{certificate.token}/").json()
    assert first == second == certificate.credential


def test_a_certificate_from_before_stored_credentials_is_signed_on_first_download(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(credential=None, status_list=None, status_index=None)
    credential = client.get(f"/certificates/badge/{certificate.token}/").json()
    certificate.refresh_from_db()
    assert certificate.credential == credential
    assert certificate.status_index is not None
    assert proofs.verify(credential)


def test_each_track_and_path_has_its_own_achievement_id(client, world, certificate, settings):
    other = LearningTrackPageFactory(parent=world["track"].get_parent(), leads_to_certificate=True)
    path = LearningPathFactory()
    ids = {
        openbadges.credential_for(certificate)["credentialSubject"]["achievement"]["id"],
        openbadges.credential_for(services.issue(user=world["anna"], track=other, source_key="b2"))[
            "credentialSubject"
        ]["achievement"]["id"],
        openbadges.credential_for(services.issue(user=world["anna"], path=path, source_key="b3"))["credentialSubject"][
            "achievement"
        ]["id"],
    }
    assert len(ids) == 3
    for achievement_id in ids:
        response = client.get(achievement_id.removeprefix(settings.SITE_URL))
        assert response.status_code == 200
        assert response.json()["id"] == achievement_id
    assert client.get("/certificates/achievements/track/999999/").status_code == 404
    assert client.get("/certificates/achievements/other/1/").status_code == 404


def test_revocation_sets_the_bit_and_resigns_the_list_at_once(client, world, certificate):
    certificate.refresh_from_db()
    url = f"/certificates/status-lists/{certificate.status_list_id}/"
    before = client.get(url)
    assert "no-cache" in before["Cache-Control"]
    bits = statuslist.decode(before.json()["credentialSubject"]["encodedList"])
    assert len(bits) == StatusList.DEFAULT_SIZE // 8
    assert not statuslist.is_set(bits, certificate.status_index)
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Ten onrechte")
    after = client.get(url).json()
    assert statuslist.is_set(statuslist.decode(after["credentialSubject"]["encodedList"]), certificate.status_index)
    assert proofs.verify(after), "the list is signed by the same key"
    assert after["proof"] != before.json()["proof"]


def test_every_certificate_gets_its_own_bit(world):
    indexes = set()
    for n in range(20):
        person = LearnerFactory(organisation=world["zeist"]).user
        issued = services.issue(user=person, track=world["track"], source_key=f"bit-{n}")
        issued.refresh_from_db()
        indexes.add((issued.status_list_id, issued.status_index))
    assert len(indexes) == 20


def test_a_new_list_starts_when_the_current_one_is_half_full(world, certificate):
    certificate.refresh_from_db()
    StatusList.objects.filter(pk=certificate.status_list_id).update(size=2)
    later = services.issue(user=LearnerFactory(organisation=world["zeist"]).user, track=world["track"], source_key="x")
    later.refresh_from_db()
    assert later.status_list_id != certificate.status_list_id


def test_encoding_is_the_bitstring_status_list_one():
    encoded = statuslist.encode({0, 9}, 16)
    assert encoded.startswith("u")
    assert "=" not in encoded
    assert statuslist.decode(encoded) == bytes([0b10000000, 0b01000000])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_revocations_at_once_both_show_in_the_list(world, home_page):
    first = services.issue(user=world["anna"], track=world["track"], source_key="r1")
    second = services.issue(
        user=LearnerFactory(organisation=world["zeist"]).user, track=world["track"], source_key="r2"
    )
    errors = []

    def revoke(certificate):
        try:
            services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Tegelijk")
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=revoke, args=(c,)) for c in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    first.refresh_from_db()
    second.refresh_from_db()
    status_list = StatusList.objects.get(pk=first.status_list_id)
    bits = statuslist.decode(status_list.credential["credentialSubject"]["encodedList"])
    assert statuslist.is_set(bits, first.status_index)
    assert statuslist.is_set(bits, second.status_index)


class TestCheck:
    def test_the_issued_credential_is_trusted(self, certificate):
        verdict = openbadges.check(openbadges.credential_for(certificate))
        assert verdict.trusted
        assert verdict.certificate == certificate
        assert verdict.holder == "Anna de Vries"

    @pytest.mark.parametrize(
        "change",
        [
            lambda c: c["credentialSubject"]["achievement"].update(name="Iets anders"),
            lambda c: c.update(undefinedTerm="JSON-LD would drop this"),
            lambda c: c["proof"][0].update(proofValue=c["proof"][0]["proofValue"][:-2] + "11"),
            lambda c: c.update(proof=[]),
            lambda c: c.update(proof={"type": "DataIntegrityProof"}),
            lambda c: c["proof"][0].update(cryptosuite="eddsa-2022"),
            lambda c: c["proof"][0].update(proofValue="z0OIl"),
        ],
    )
    def test_a_changed_credential_is_not_valid(self, certificate, change):
        credential = copy.deepcopy(openbadges.credential_for(certificate))
        change(credential)
        verdict = openbadges.check(credential)
        assert verdict.issued_here
        assert not verdict.signature_valid
        assert not verdict.trusted

    @pytest.mark.parametrize("value", [None, 1, "x", [], {}, {"proof": 1}, {"proof": [], "credentialSubject": 3}])
    def test_anything_else_gets_an_answer(self, value):
        verdict = openbadges.check(value)
        assert not verdict.trusted

    def test_a_credential_from_elsewhere_is_not_issued_here(self, certificate):
        credential = copy.deepcopy(openbadges.credential_for(certificate))
        credential["id"] = "https://elders.example.org/badge/1"
        credential["issuer"]["id"] = "https://elders.example.org/issuer"
        verdict = openbadges.check(credential)
        assert not verdict.issued_here
        assert verdict.certificate is None
        assert verdict.achievement == "Risicomanagement voor de PMO"


def test_base58_round_trip():
    for data in [b"\x00\x00abc", b"\xed\x01" + bytes(range(32)), b"x"]:
        assert proofs.base58btc_decode(proofs.base58btc(data)) == data
