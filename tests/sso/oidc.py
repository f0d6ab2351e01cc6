"""A real OpenID Connect provider (the npm package oidc-provider, tests/sso/oidc_provider.mjs)
on loopback, and a person's way through its sign-in page. The fixture is imported by
tests/sso/conftest.py and by the browser test."""

import json
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
from django.conf import settings
from django.urls import reverse

from people.models import Organisation
from sso import services
from sso.models import IdentityProvider, OrganisationDomain

SCRIPT = Path(__file__).with_name("oidc_provider.mjs")
START_TIMEOUT = 30


@dataclass
class OidcProvider:
    """One running oidc-provider process."""

    issuer: str
    accounts: dict[str, dict]
    process: subprocess.Popen = field(repr=False)

    def register_client(self, *, redirect_uri: str) -> tuple[str, str]:
        """Register a client (RFC 7591) that may return to ``redirect_uri``: (id, secret)."""
        response = requests.post(
            f"{self.issuer}/reg",
            json={
                "redirect_uris": [redirect_uri],
                "token_endpoint_auth_method": "client_secret_post",
                "grant_types": ["authorization_code"],
                "response_types": ["code"],
            },
            timeout=10,
        )
        response.raise_for_status()
        return response.json()["client_id"], response.json()["client_secret"]

    def configure(
        self,
        organisation: Organisation,
        *,
        domains: list[OrganisationDomain],
        base_url: str = "http://testserver",
        required: bool = False,
    ) -> IdentityProvider:
        """The organisation's identity provider in Spil, as the platform admin would set it up,
        with a client registered at this provider for Spil at ``base_url``."""
        provider_id = IdentityProvider.provider_id_for(organisation=organisation, issuer=self.issuer)
        callback = reverse("openid_connect_callback", kwargs={"provider_id": provider_id})
        client_id, secret = self.register_client(redirect_uri=f"{base_url}{callback}")
        identity_provider = IdentityProvider(
            organisation=organisation, issuer=self.issuer, client_id=client_id, required=required
        )
        identity_provider.save()
        identity_provider.allowed_domains.set(domains)
        return services.save_identity_provider(identity_provider=identity_provider, secret=secret)


@pytest.fixture
def start_oidc_provider():
    """Start oidc-provider processes with the given accounts; each is stopped after the test."""
    processes: list[subprocess.Popen] = []
    logs = []

    def start(*accounts: dict) -> OidcProvider:
        log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed after the test
        logs.append(log)
        process = subprocess.Popen(  # noqa: S603 - a fixed script of ours, run by node
            ["node", str(SCRIPT), json.dumps({"accounts": list(accounts)})],  # noqa: S607
            cwd=settings.BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        processes.append(process)
        try:
            line = process.stdout.readline()
            issuer = json.loads(line)["issuer"]
        except (ValueError, KeyError):
            log.seek(0)
            pytest.fail(f"oidc-provider did not start: {line!r}\n{log.read()}")
        return OidcProvider(issuer=issuer, accounts={account["sub"]: account for account in accounts}, process=process)

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
    for log in logs:
        log.close()


def account(sub: str, email: str, *, name: str = "", amr: tuple[str, ...] = ("pwd",)) -> dict:
    return {"sub": sub, "email": email, "name": name or sub.title(), "password": f"wachtwoord-{sub}", "amr": list(amr)}


def sign_in_at_provider(authorize_url: str, *, sub: str, stop_at: str = "http://testserver") -> str:
    """Go through the provider's pages as a browser would: its sign-in form, its redirects.
    Returns the address it sends the browser back to (on ``stop_at``)."""
    session = requests.Session()
    url, response = authorize_url, None
    for _ in range(10):
        if url.startswith(stop_at):
            return url
        response = session.get(url, allow_redirects=False, timeout=10)
        if response.status_code in (302, 303):
            url = urljoin(url, response.headers["Location"])
            continue
        assert response.status_code == 200, f"{url}: {response.status_code} {response.text[:500]}"
        action = re.search(r'<form method="post" action="([^"]+)"', response.text).group(1)
        response = session.post(
            urljoin(url, action),
            data={"login": sub, "password": f"wachtwoord-{sub}"},
            allow_redirects=False,
            timeout=10,
        )
        assert response.status_code in (302, 303), f"sign-in at the provider failed: {response.text[:500]}"
        url = urljoin(response.url, response.headers["Location"])
    pytest.fail(f"the provider never sent the browser back to {stop_at}; last: {url}")


def sso_sign_in(client, email: str, *, sub: str, next_url: str = ""):
    """Through Spil's 'Inloggen met je organisatie', the provider, and back: the response
    of Spil's callback (which exchanges the code with the provider over HTTP)."""
    data = {"email": email, **({"next": next_url} if next_url else {})}
    response = client.post(reverse("sso:login"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    callback = sign_in_at_provider(response["Location"], sub=sub)
    return client.get(callback.removeprefix("http://testserver"))
