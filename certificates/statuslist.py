"""Revocation through a W3C Bitstring Status List (Bitstring Status List v1.0).

Each certificate holds one bit of a status list, at a random free index given when it is
issued. Revoking sets the bit: the list's ``BitstringStatusListCredential`` is signed afresh
with the platform's key and stored in the same transaction, so the published list is never
behind. Any checker that understands VC 2.0 reads it: the bitstring is GZIP-compressed and
multibase base64url encoded (``u`` prefix, no padding), bit 0 the leftmost bit.
"""

import base64
import gzip
import secrets

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from . import jsonld, proofs
from .models import Certificate, StatusList

# Start a new list when this share of the current one is taken, so random indexes stay cheap
# to find and a list never fills up completely.
FULL_SHARE = 0.5


def list_url(status_list: StatusList) -> str:
    return settings.SITE_URL + reverse("certificates:status_list", args=[status_list.pk])


def entry_for(certificate: Certificate) -> dict:
    """The ``credentialStatus`` of a certificate's credential."""
    url = list_url(certificate.status_list)
    return {
        "id": f"{url}#{certificate.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": certificate.status_list.purpose,
        "statusListIndex": str(certificate.status_index),
        "statusListCredential": url,
    }


def encode(bits: set[int], size: int) -> str:
    data = bytearray(size // 8)
    for index in bits:
        data[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(data), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def decode(encoded: str) -> bytes:
    """The bitstring of an ``encodedList`` (for our own tests and checks)."""
    body = encoded[1:] if encoded.startswith("u") else encoded
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def is_set(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


@transaction.atomic
def assign(certificate: Certificate) -> None:
    """Give ``certificate`` a random free place in the current status list (a new list when
    it is half full). Locks the list row, so two issues never take the same bit."""
    status_list = StatusList.objects.select_for_update().order_by("-pk").first()
    taken = set()
    if status_list is not None:
        taken = set(status_list.certificates.values_list("status_index", flat=True))
    if status_list is None or len(taken) >= status_list.size * FULL_SHARE:
        status_list = StatusList.objects.create()
        taken = set()
        publish(status_list)
    index = secrets.randbelow(status_list.size)
    while index in taken:
        index = secrets.randbelow(status_list.size)
    certificate.status_list = status_list
    certificate.status_index = index
    Certificate.objects.filter(pk=certificate.pk).update(status_list=status_list, status_index=index)


@transaction.atomic
def publish(status_list: StatusList) -> dict:
    """Sign the list as it stands and store it. The row lock makes two revocations at once
    publish one after the other, each seeing the other's bit."""
    status_list = StatusList.objects.select_for_update().get(pk=status_list.pk)
    revoked = set(status_list.certificates.filter(revoked_at__isnull=False).values_list("status_index", flat=True))
    url = list_url(status_list)
    document = {
        "@context": [jsonld.CREDENTIALS_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": proofs.issuer_id(),
        "validFrom": proofs.iso(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": status_list.purpose,
            "encodedList": encode(revoked, status_list.size),
        },
    }
    status_list.credential = proofs.sign(document)
    status_list.save(update_fields=["credential", "updated_at"])
    return status_list.credential


def credential(status_list: StatusList) -> dict:
    return status_list.credential or publish(status_list)
