import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from certificates import openbadges, services

pytestmark = pytest.mark.django_db


def public_key_from_profile(profile) -> Ed25519PublicKey:
    multibase = profile["verificationMethod"][0]["publicKeyMultibase"]
    raw = openbadges.base58btc_decode(multibase[1:])
    assert raw[:2] == openbadges.ED25519_MULTICODEC
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def test_the_credential_is_an_open_badge_signed_by_the_platform(world):
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="b1")
    credential = openbadges.credential_for(certificate)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["credentialSubject"]["achievement"]["name"] == "Risicomanagement voor de PMO"
    assert f"/certificates/status/{certificate.token}/" in credential["credentialStatus"]["id"]
    assert f"/certificates/verify/{certificate.token}/" in credential["evidence"][0]["id"]
    assert "validUntil" in credential
    assert world["anna"].email not in str(credential), "the holder is identified by a salted hash only"
    key = public_key_from_profile(openbadges.issuer_profile())
    assert openbadges.verify(credential, key)
    tampered = {**credential, "name": "Iets anders"}
    assert not openbadges.verify(tampered, key)


def test_base58_round_trip():
    for data in [b"\x00\x00abc", b"\xed\x01" + bytes(range(32)), b"x"]:
        assert openbadges.base58btc_decode(openbadges.base58btc(data)) == data


def test_jcs_is_canonical():
    assert openbadges.jcs({"b": 1, "a": ["é", True, None]}) == '{"a":["é",true,null],"b":1}'.encode()
