"""Data Integrity proofs with the platform's Ed25519 key.

New proofs use the ``eddsa-rdfc-2022`` cryptosuite (W3C Data Integrity EdDSA Cryptosuites
v1.0), the one Open Badges 3.0 accepts for embedded proofs: the proof options and the
document are each canonicalised with RDFC-1.0, hashed with SHA-256, and the two hashes
(options first) are signed. ``eddsa-jcs-2022`` proofs, which Spil made before, can still be
verified.
"""

import base64
import datetime
import hashlib
import json
from functools import cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone
from pyld.jsonld import JsonLdError

from . import jsonld

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ED25519_MULTICODEC = b"\xed\x01"
CRYPTOSUITE = "eddsa-rdfc-2022"
LEGACY_CRYPTOSUITE = "eddsa-jcs-2022"
PROOF_FIELDS = {"type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "proofValue"}


def base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = B58[remainder] + encoded
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + encoded


def base58btc_decode(text: str) -> bytes:
    """Decode base58btc; a ValueError for a character outside the alphabet."""
    number = 0
    for char in text:
        number = number * 58 + B58.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def iso(moment) -> str:
    """An xsd:dateTime in UTC, to the second, as credentials write it."""
    return moment.replace(microsecond=0).astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


@cache
def signing_key() -> Ed25519PrivateKey:
    raw = settings.OPEN_BADGES_SIGNING_KEY
    if not raw:
        raise ImproperlyConfigured("OPEN_BADGES_SIGNING_KEY is not set.")
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(raw))


def public_key_multibase(key: Ed25519PublicKey | None = None) -> str:
    key = key or signing_key().public_key()
    return "z" + base58btc(ED25519_MULTICODEC + key.public_bytes(Encoding.Raw, PublicFormat.Raw))


def issuer_id() -> str:
    return settings.SITE_URL + reverse("certificates:issuer")


def key_id() -> str:
    return issuer_id() + "#key-1"


def _hash_data(document: dict, options: dict) -> bytes:
    options = {"@context": document["@context"], **options}
    return (
        hashlib.sha256(jsonld.canonical(options).encode()).digest()
        + hashlib.sha256(jsonld.canonical(document).encode()).digest()
    )


def _jcs(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _legacy_hash_data(document: dict, options: dict) -> bytes:
    options = {**options, "@context": document["@context"]}
    return hashlib.sha256(_jcs(options)).digest() + hashlib.sha256(_jcs(document)).digest()


def sign(document: dict, *, created=None) -> dict:
    """``document`` with an embedded DataIntegrityProof (``proof`` as a list, as Open Badges
    3.0's schema wants it)."""
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": iso(created or timezone.now()),
        "verificationMethod": key_id(),
        "proofPurpose": "assertionMethod",
    }
    signature = signing_key().sign(_hash_data(document, options))
    return {**document, "proof": [{**options, "proofValue": "z" + base58btc(signature)}]}


def proofs_of(credential: dict) -> list:
    proof = credential.get("proof")
    return proof if isinstance(proof, list) else [proof]


def verify_proof(document: dict, proof, public_key: Ed25519PublicKey | None = None) -> bool:
    """Whether ``proof`` is this platform's valid proof of ``document`` (without its proof).
    Anything unexpected in the proof makes it invalid; nothing here raises."""
    if not isinstance(proof, dict) or set(proof) - PROOF_FIELDS:
        return False
    if not all(isinstance(proof.get(field), str) for field in PROOF_FIELDS):
        return False
    if proof["type"] != "DataIntegrityProof" or proof["proofPurpose"] != "assertionMethod":
        return False
    if proof["verificationMethod"] != key_id() or not proof["proofValue"].startswith("z"):
        return False
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    try:
        signature = base58btc_decode(proof["proofValue"][1:])
        if proof["cryptosuite"] == CRYPTOSUITE:
            data = _hash_data(document, options)
        elif proof["cryptosuite"] == LEGACY_CRYPTOSUITE:
            data = _legacy_hash_data(document, options)
        else:
            return False
        (public_key or signing_key().public_key()).verify(signature, data)
    except (ValueError, TypeError, JsonLdError, InvalidSignature, RecursionError):
        return False
    return True


def verify(credential: dict, public_key: Ed25519PublicKey | None = None) -> bool:
    """Whether every proof on ``credential`` is this platform's and valid."""
    document = {k: v for k, v in credential.items() if k != "proof"}
    proofs = proofs_of(credential)
    return bool(proofs) and all(verify_proof(document, proof, public_key) for proof in proofs)
