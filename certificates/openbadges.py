"""Open Badges 3.0 credentials, signed with the platform's Ed25519 key.

The proof is a Data Integrity proof with the ``eddsa-jcs-2022`` cryptosuite: the document
and the proof options are canonicalised with JCS (RFC 8785), hashed with SHA-256, and the
concatenated hashes are signed. The issuer profile publishes the public key, and the
credential's status points back to Spil's own verification page.
"""

import base64
import datetime
import hashlib
import json
from functools import cache

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ED25519_MULTICODEC = b"\xed\x01"
CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = B58[remainder] + encoded
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + encoded


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + B58.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def jcs(value) -> bytes:
    """JSON Canonicalization Scheme for the values we sign (strings, integers, bools,
    null, lists and objects; no floats)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@cache
def signing_key() -> Ed25519PrivateKey:
    raw = settings.OPEN_BADGES_SIGNING_KEY
    if not raw:
        raise ImproperlyConfigured("OPEN_BADGES_SIGNING_KEY is not set.")
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(raw))


def public_key_multibase(key: Ed25519PublicKey | None = None) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = key or signing_key().public_key()
    return "z" + base58btc(ED25519_MULTICODEC + key.public_bytes(Encoding.Raw, PublicFormat.Raw))


def issuer_id() -> str:
    return settings.SITE_URL + reverse("certificates:issuer")


def issuer_profile() -> dict:
    return {
        "@context": CONTEXTS,
        "id": issuer_id(),
        "type": ["Profile"],
        "name": "Spil",
        "url": settings.SITE_URL + "/",
        "verificationMethod": [
            {
                "id": issuer_id() + "#key-1",
                "type": "Multikey",
                "controller": issuer_id(),
                "publicKeyMultibase": public_key_multibase(),
            }
        ],
    }


def signing_input(document: dict, proof_options: dict) -> bytes:
    return hashlib.sha256(jcs(proof_options)).digest() + hashlib.sha256(jcs(document)).digest()


def sign(document: dict) -> dict:
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "verificationMethod": issuer_id() + "#key-1",
        "proofPurpose": "assertionMethod",
        "@context": document["@context"],
    }
    signature = signing_key().sign(signing_input(document, proof))
    return {**document, "proof": {**proof, "proofValue": "z" + base58btc(signature)}}


def verify(credential: dict, public_key: Ed25519PublicKey) -> bool:
    document = {k: v for k, v in credential.items() if k != "proof"}
    proof = dict(credential["proof"])
    value = proof.pop("proofValue")
    try:
        public_key.verify(base58btc_decode(value[1:]), signing_input(document, proof))
    except Exception:
        return False
    return True


def iso(moment) -> str:
    return moment.replace(microsecond=0).astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def credential_id(certificate) -> str:
    return settings.SITE_URL + reverse("certificates:badge", args=[certificate.token])


def revocation_list(certificate) -> dict:
    """The 1EdTech revocation list the credential's status points to. A revoked credential
    is listed with the moment it was revoked; HR's reason is internal and never published."""
    revoked = []
    if certificate.revoked_at:
        revoked = [{"id": credential_id(certificate), "revoked": True, "revokedAt": iso(certificate.revoked_at)}]
    return {
        "id": settings.SITE_URL + reverse("certificates:status", args=[certificate.token]),
        "issuer": issuer_id(),
        "revokedCredentials": revoked,
    }


def credential_for(certificate) -> dict:
    """The certificate as a signed OpenBadgeCredential."""
    verify_url = settings.SITE_URL + reverse("certificates:verify", args=[certificate.token])
    salt = hashlib.sha256(certificate.token.encode()).hexdigest()[:16]
    identity = hashlib.sha256((certificate.user.email.lower() + salt).encode()).hexdigest()
    achievement_url = settings.SITE_URL + (certificate.track.url if certificate.track else "/")
    document = {
        "@context": CONTEXTS,
        "id": credential_id(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_id(), "type": ["Profile"], "name": certificate.issuing_organisation},
        "validFrom": iso(certificate.issued_at),
        "name": certificate.achievement,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": "sha256$" + identity,
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": salt,
                }
            ],
            "achievement": {
                "id": achievement_url,
                "type": ["Achievement"],
                "name": certificate.achievement,
                "description": certificate.achievement_description or certificate.achievement,
                "criteria": {"narrative": "Alle verplichte onderdelen afgerond in Spil."},
            },
        },
        "credentialStatus": {
            "id": settings.SITE_URL + reverse("certificates:status", args=[certificate.token]),
            "type": "1EdTechRevocationList",
        },
        "evidence": [{"id": verify_url, "type": ["Evidence"], "name": "Verificatiepagina"}],
    }
    if certificate.expires_at:
        document["validUntil"] = iso(certificate.expires_at)
    return sign(document)
