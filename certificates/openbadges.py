"""Open Badges 3.0 credentials for certificates, and checking one someone was given.

A certificate's credential is an ``OpenBadgeCredential`` (W3C Verifiable Credentials 2.0 with
1EdTech's Open Badges 3.0.3 context), signed once when the certificate is issued with an
embedded ``eddsa-rdfc-2022`` proof (see ``proofs``) and stored; downloads return the stored
credential. Its ``credentialStatus`` is a place in a Bitstring Status List (see
``statuslist``), so revocation shows without the credential changing. The issuer profile is a
controller document: its ``assertionMethod`` names the Multikey that signs.
"""

import hashlib

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import jsonld, proofs, statuslist
from .models import Certificate

# Re-exported: verifiers in the tests name the issuer through this module.
issuer_id = proofs.issuer_id

SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
# 1EdTech names the schema check "1EdTechJsonSchemaValidator2019" but none of the published
# contexts defines that term; this defines it, so strict (safe mode) JSON-LD processing passes.
SCHEMA_VALIDATOR_TERM = {
    "1EdTechJsonSchemaValidator2019": "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019"
}
CONTEXTS = [jsonld.CREDENTIALS_V2, jsonld.OPEN_BADGES_V3, SCHEMA_VALIDATOR_TERM]


def issuer_profile() -> dict:
    """The issuer's profile, also its controller document. The DID context comes first so that
    verifiers read ``assertionMethod`` and ``verificationMethod`` as Data Integrity defines them."""
    return {
        "@context": [jsonld.DID_V1, jsonld.CREDENTIALS_V2, jsonld.OPEN_BADGES_V3, jsonld.MULTIKEY_V1],
        "id": proofs.issuer_id(),
        "type": ["Profile"],
        "name": "Spil",
        "url": settings.SITE_URL + "/",
        "verificationMethod": [verification_method()],
        "assertionMethod": [proofs.key_id()],
    }


def verification_method() -> dict:
    return {
        "id": proofs.key_id(),
        "type": "Multikey",
        "controller": proofs.issuer_id(),
        "publicKeyMultibase": proofs.public_key_multibase(),
    }


def credential_id(certificate: Certificate) -> str:
    return settings.SITE_URL + reverse("certificates:badge", args=[certificate.token])


def achievement_id(*, track=None, path=None) -> str:
    """One id per track and per path; it serves the achievement's description."""
    kind, pk = ("track", track.pk) if track is not None else ("path", path.pk)
    return settings.SITE_URL + reverse("certificates:achievement", args=[kind, pk])


def criteria(*, track=None, path=None) -> str:
    if track is not None:
        return _("Alle verplichte modules van deze leergang afgerond in Spil.")
    return _("Alle verplichte leergangen van dit leerpad afgerond in Spil, en het gevraagde aantal keuzeleergangen.")


def achievement(*, name: str, description: str, track=None, path=None) -> dict:
    return {
        "id": achievement_id(track=track, path=path),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": name,
        "description": description or name,
        "criteria": {"narrative": criteria(track=track, path=path)},
    }


def document_for(certificate: Certificate) -> dict:
    """The unsigned credential of a certificate."""
    verify_url = settings.SITE_URL + reverse("certificates:verify", args=[certificate.token])
    salt = hashlib.sha256(certificate.token.encode()).hexdigest()[:16]
    identity = hashlib.sha256((certificate.user.email.lower() + salt).encode()).hexdigest()
    language = certificate.template.language if certificate.template_id else settings.LANGUAGE_CODE
    with translation.override(language):
        document = {
            "@context": CONTEXTS,
            "id": credential_id(certificate),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {"id": proofs.issuer_id(), "type": ["Profile"], "name": certificate.issuing_organisation},
            "validFrom": proofs.iso(certificate.issued_at),
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
                "achievement": achievement(
                    name=certificate.achievement,
                    description=certificate.achievement_description,
                    track=certificate.track,
                    path=certificate.path,
                ),
            },
            "awardedDate": proofs.iso(certificate.issued_at),
            "credentialStatus": statuslist.entry_for(certificate),
            "credentialSchema": [{"id": SCHEMA_URL, "type": "1EdTechJsonSchemaValidator2019"}],
            "evidence": [{"id": verify_url, "type": ["Evidence"], "name": _("Verificatiepagina")}],
        }
    if certificate.expires_at:
        document["validUntil"] = proofs.iso(certificate.expires_at)
    return document


@transaction.atomic
def issue_credential(certificate: Certificate) -> dict:
    """Give the certificate its place in the status list, then sign and store its credential.
    Called once, when the certificate is issued (and for a certificate from before credentials
    were stored, on its first download)."""
    certificate = Certificate.objects.select_for_update().select_related("template", "user").get(pk=certificate.pk)
    if certificate.credential:
        return certificate.credential
    if certificate.status_list_id is None:
        statuslist.assign(certificate)
    certificate.credential = proofs.sign(document_for(certificate), created=certificate.issued_at)
    Certificate.objects.filter(pk=certificate.pk).update(credential=certificate.credential)
    return certificate.credential


def credential_for(certificate: Certificate) -> dict:
    """The certificate's stored, signed credential."""
    return certificate.credential or issue_credential(certificate)


class Verdict:
    """What a credential someone was given turned out to be (see ``check``).

    - ``problem``: a translated sentence when the input is not an Open Badges credential at
      all (then the other fields say nothing); empty otherwise.
    - ``signature_valid``: the proof verifies against this platform's key, over exactly the
      credential Spil issued.
    - ``issued_here``: the issuer is this platform and the id names one of its certificates.
    - ``certificate``: that certificate, when issued here (else None).
    - ``status``: ``Certificate.Status`` value of that certificate now ("" when unknown).
    - ``achievement``, ``holder``: what was achieved and by whom, as far as known.
    """

    def __init__(self, *, problem="", signature_valid=False, issued_here=False, certificate=None, achievement=""):
        self.problem = problem
        self.signature_valid = signature_valid
        self.issued_here = issued_here
        self.certificate = certificate
        self.achievement = achievement

    @property
    def status(self) -> str:
        return self.certificate.status if self.certificate else ""

    @property
    def holder(self) -> str:
        return self.certificate.holder_name if self.certificate else ""

    @property
    def trusted(self) -> bool:
        return not self.problem and self.signature_valid and self.issued_here


def _achievement_name(credential: dict) -> str:
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and isinstance(subject.get("achievement"), dict):
        name = subject["achievement"].get("name", "")
        return name[:255] if isinstance(name, str) else ""
    return ""


def _certificate_named_by(credential: dict) -> Certificate | None:
    prefix = settings.SITE_URL + reverse("certificates:badge", args=["-"])[:-2]
    credential_id_ = credential.get("id")
    if not isinstance(credential_id_, str) or not credential_id_.startswith(prefix):
        return None
    token = credential_id_[len(prefix) :].strip("/")
    if not token or len(token) > 64:
        return None
    return Certificate.objects.select_related("template", "user", "track", "path").filter(token=token).first()


def check(credential) -> Verdict:
    """Check a credential someone was given. Any JSON value is accepted; nothing raises.

    Only credentials Spil issued can be checked here, so the presented credential is compared
    with the stored one before its proof is verified: a credential that differs in anything,
    even in a term JSON-LD would drop, is not the one Spil signed. This also means no
    untrusted document is ever canonicalised."""
    if not isinstance(credential, dict) or "proof" not in credential or "credentialSubject" not in credential:
        return Verdict(problem=_("Dit is geen Open Badges-credential: het mist een bewijs of een onderwerp."))
    achievement_name = _achievement_name(credential)
    certificate = _certificate_named_by(credential)
    issuer = credential.get("issuer")
    issuer = issuer.get("id") if isinstance(issuer, dict) else issuer
    if certificate is None or issuer != proofs.issuer_id():
        return Verdict(achievement=achievement_name)
    presented = {k: v for k, v in credential.items() if k != "proof"}
    proof_list = proofs.proofs_of(credential)
    stored = credential_for(certificate)
    if any(p.get("cryptosuite") == proofs.LEGACY_CRYPTOSUITE for p in proof_list if isinstance(p, dict)):
        # Downloaded before credentials were stored: signed with JCS over the whole JSON text,
        # so the proof alone shows whether anything was changed.
        valid = proofs.verify(credential)
    else:
        document = {k: v for k, v in stored.items() if k != "proof"}
        valid = bool(proof_list) and presented == document and all(proofs.verify_proof(document, p) for p in proof_list)
    return Verdict(signature_valid=valid, issued_here=True, certificate=certificate, achievement=achievement_name)
