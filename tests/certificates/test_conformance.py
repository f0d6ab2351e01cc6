"""Issued credentials checked by implementations that are not ours: Digital Bazaar's
W3C Verifiable Credentials verifier with the eddsa-rdfc-2022 cryptosuite and the Bitstring
Status List checker (run by node), and 1EdTech's AchievementCredential JSON schema."""

import copy
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings

from certificates import jsonld, openbadges, services
from tests.curriculum.factories import LearningPathFactory

pytestmark = pytest.mark.django_db

HERE = Path(__file__).resolve().parent
VERIFIER = HERE / "verifier" / "verify.mjs"
SCHEMA = json.loads((HERE / "standards" / "ob_v3p0_achievementcredential_schema.json").read_text())
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(
    NODE is None or not (settings.BASE_DIR / "node_modules" / "@digitalbazaar" / "vc").exists(),
    reason="node and the npm dev dependencies (make install) are needed",
)


def served(client, url: str) -> dict:
    response = client.get(url.removeprefix(settings.SITE_URL))
    assert response.status_code == 200, url
    return response.json()


def independent_verdict(client, credential: dict) -> dict:
    """What Digital Bazaar's verifier says, given what Spil serves at the issuer and status
    list URLs (read through the test client, as a verifier would fetch them)."""
    status_url = credential["credentialStatus"]["statusListCredential"]
    documents = {
        openbadges.issuer_id(): served(client, openbadges.issuer_id()),
        status_url: served(client, status_url),
    }
    result = subprocess.run(  # noqa: S603 - our own verifier script, run by node
        [NODE, str(VERIFIER)],
        input=json.dumps({"credential": credential, "documents": documents}),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def certificate(world):
    return services.issue(user=world["anna"], track=world["track"], source_key="conformance")


@pytest.fixture
def path_certificate(world):
    path = LearningPathFactory(title="Van projectondersteuner naar PMO'er")
    return services.issue(user=world["anna"], path=path, source_key="conformance-path")


def downloaded(client, certificate) -> dict:
    response = client.get(f"/certificates/badge/{certificate.token}/")
    assert response.status_code == 200
    return response.json()


@needs_node
def test_a_valid_credential_verifies_and_is_not_revoked(client, certificate):
    verdict = independent_verdict(client, downloaded(client, certificate))
    assert verdict["verified"], verdict["errors"]
    assert verdict["status"] == [{"verified": True, "purpose": "revocation", "set": False, "error": None}]


@needs_node
@pytest.mark.parametrize(
    "change",
    [
        lambda c: c["credentialSubject"]["achievement"].update(name="Iets anders"),
        lambda c: c.update(validUntil="2099-01-01T00:00:00Z"),
        lambda c: c["proof"][0].update(created="2020-01-01T00:00:00Z"),
    ],
    ids=["achievement", "valid-until", "proof-options"],
)
def test_a_tampered_credential_fails(client, certificate, change):
    credential = copy.deepcopy(downloaded(client, certificate))
    change(credential)
    verdict = independent_verdict(client, credential)
    assert not verdict["verified"]
    assert any("signature" in error.lower() or "verif" in error.lower() for error in verdict["errors"])


@needs_node
def test_a_revoked_credential_reports_revoked_through_the_status_list(client, world, certificate):
    credential = downloaded(client, certificate)
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Ten onrechte uitgegeven")
    assert downloaded(client, certificate) == credential, "the credential itself is not signed again"
    verdict = independent_verdict(client, credential)
    assert verdict["verified"], verdict["errors"]
    assert verdict["status"][0]["set"] is True


@needs_node
def test_the_path_certificate_credential_verifies_too(client, world, path_certificate):
    verdict = independent_verdict(client, downloaded(client, path_certificate))
    assert verdict["verified"], verdict["errors"]


def test_the_credential_follows_the_achievement_credential_schema(client, certificate):
    credential = downloaded(client, certificate)
    jsonschema.validate(credential, SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_check_is_real():
    """The schema refuses what the issue found: a proof as an object, a missing context."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"@context": ["https://www.w3.org/ns/credentials/v2"]}, SCHEMA)


def test_the_bundled_open_badges_context_is_the_published_one():
    published = settings.BASE_DIR.parent / "shared" / "standards" / "openbadges" / "ob-context-3.0.3.json"
    if not published.exists():
        pytest.skip("the shared standards folder is not beside the project")
    assert jsonld.bundled(jsonld.OPEN_BADGES_V3) == json.loads(published.read_text())
