"""One vocabulary on every account page and in every account mail (DESIGN.md, "Words the users use").

allauth's and Django's own Dutch says "aanmelden", "registreren", "twee-factor-authenticatie"
and "u"; locale/nl/LC_MESSAGES/django.po and templates/account/email/ override them. These
tests render what a person meets, in Dutch, and read its visible text.
"""

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation

from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# Words the glossary replaces, as whole words where a substring would give false positives.
FORBIDDEN = re.compile(
    r"\b(?:u|uw)\b"  # "u" and "uw" (a.u.b. too): the site says "je"
    r"|alstublieft"
    r"|aan(?:ge)?meld|af(?:ge)?meld"  # aanmelden, aangemeld, afmelden, afgemeld: inloggen / uitloggen
    r"|registr"  # registreren, registratie: account aanmaken
    r"|twee[- ]?factor"  # tweestapsverificatie
    r"|\bde e-?mail ?adres",
    re.IGNORECASE,
)

# Attributes whose text a person reads or hears (labels, tooltips, button values).
READABLE_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "aria-description"}


class VisibleText(HTMLParser):
    """The text of a page as a person meets it: text nodes and readable attributes, no markup,
    no scripts, no styles, no URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1
        attributes = dict(attrs)
        for name, value in attrs:
            if name in READABLE_ATTRIBUTES and value:
                self.parts.append(value)
        if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
            self.parts.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def assert_glossary(text: str, where: str) -> None:
    found = sorted({match.group(0) for match in FORBIDDEN.finditer(text)})
    lines = [line for line in text.splitlines() if FORBIDDEN.search(line)]
    assert not found, f"{where}: words outside the glossary {found} in:\n" + "\n".join(lines)


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    text = visible_text(response.content.decode())
    assert_glossary(text, url)
    return text


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def h1_of(html: str) -> str:
    return visible_text(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))


def totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal import auth

    counter = next(auth.yield_hotp_counters_from_time())
    return auth.format_hotp_value(auth.hotp_value(secret, counter))


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def anna(home_page):
    return UserFactory(email="anna@zeist.example.org", full_name="Anna de Vries")


@pytest.fixture
def signed_in(client, anna):
    response = client.post("/accounts/login/", {"login": anna.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


# The catalogue ---------------------------------------------------------------------------------

DUTCH = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES"


def po_entries() -> dict[str, list[str]]:
    """msgid -> msgstr(s) of locale/nl/LC_MESSAGES/django.po (plural entries keyed by the singular)."""

    def text(quoted: str) -> str:
        raw = "".join(re.findall(r'"(.*)"', quoted))
        return raw.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")

    entries = {}
    for block in (DUTCH / "django.po").read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.MULTILINE)
        if msgid and text(msgid.group(1)):
            forms = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block, re.MULTILINE)
            entries[text(msgid.group(1))] = [text(form) for form in forms]
    return entries


def test_the_overrides_follow_the_glossary_and_are_compiled():
    entries = po_entries()
    assert len(entries) > 50
    with (DUTCH / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    for msgid, forms in entries.items():
        for form in forms:
            assert_glossary(form, msgid)
        if len(forms) == 1:
            assert compiled.get(msgid) == forms[0], f"run compilemessages --locale nl: {msgid!r}"
        else:
            assert [compiled.get((msgid, n)) for n in range(len(forms))] == forms, msgid


def test_the_overrides_win_over_allauth_and_django_in_dutch_only():
    assert translation.gettext("Sign In") == "Inloggen"
    assert translation.gettext("Sign Up") == "Account aanmaken"
    assert translation.gettext("Two-Factor Authentication") == "Tweestapsverificatie"
    hint = "Your password must contain at least %(min_length)d character."
    plural = "Your password must contain at least %(min_length)d characters."
    assert (
        translation.ngettext(hint, plural, 10) % {"min_length": 10}
        == "Je wachtwoord moet minstens 10 tekens lang zijn."
    )
    with translation.override("en"):
        assert translation.gettext("Sign In") == "Sign In"


# Pages for someone who is not signed in ------------------------------------------------------


def test_the_login_page_says_inloggen(client, home_page):
    response = client.get("/accounts/login/")
    html = response.content.decode()
    text = page_text(client, "/accounts/login/")
    assert title_of(html).startswith("Inloggen")
    assert h1_of(html) == "Inloggen"
    assert re.search(r"<button[^>]*>\s*Inloggen\s*</button>", html), "the submit button says Inloggen"
    assert "Account aanmaken" in text
    assert "Ingelogd blijven" in text


def test_the_signup_page_says_account_aanmaken(client, home_page):
    response = client.get("/accounts/signup/")
    html = response.content.decode()
    text = page_text(client, "/accounts/signup/")
    assert title_of(html).startswith("Account aanmaken")
    assert h1_of(html) == "Account aanmaken"
    assert re.search(r"<button[^>]*>\s*Account aanmaken\s*</button>", html), "the submit button"
    assert "Log dan in" in text
    # Django's password hints, in the "je" form
    assert "Je wachtwoord moet minstens 10 tekens lang zijn." in text


def test_the_password_reset_pages(client, anna):
    text = page_text(client, "/accounts/password/reset/")
    assert "Wachtwoord vergeten?" in text
    response = client.post("/accounts/password/reset/", {"email": anna.email})
    assert response.status_code == 302
    text = page_text(client, response["Location"])
    assert "We hebben je een e-mail gestuurd" in text
    text = page_text(client, "/accounts/password/reset/key/1-ongeldig/")
    assert "Ongeldige link" in text


def test_the_verification_pages(client, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/signup/",
            {
                "full_name": "Sanne Smit",
                "email": "sanne@gouda.example.org",
                "password1": "een-lang-wachtwoord-2026",
                "password2": "een-lang-wachtwoord-2026",
            },
        )
    assert response["Location"] == "/accounts/confirm-email/"
    text = page_text(client, "/accounts/confirm-email/")
    assert "aanmaken van je account" in text
    link = re.search(r"(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    text = page_text(client, link)
    assert "Bevestig e-mailadres" in text
    text = page_text(client, "/accounts/confirm-email/ongeldig/")
    assert "Deze bevestigingslink is verlopen of ongeldig" in text


def test_the_csrf_failure_page(home_page):
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
    text = visible_text(response.content.decode())
    assert_glossary(text, "CSRF failure")
    assert "Je ziet deze melding" in text


def test_login_errors_and_the_rate_limit(client, anna):
    response = client.post("/accounts/login/", {"login": anna.email, "password": "niet-goed"})
    assert_glossary(visible_text(response.content.decode()), "login error")
    for _ in range(6):
        response = client.post("/accounts/login/", {"login": anna.email, "password": "niet-goed"})
    text = visible_text(response.content.decode())
    assert_glossary(text, "login rate limit")
    assert "Te veel inlogpogingen" in text


# Pages for someone who is signed in --------------------------------------------------------


def test_the_account_pages(signed_in):
    text = page_text(signed_in, "/accounts/email/")
    assert "Tweestapsverificatie" in text
    assert "Verificatiemail opnieuw sturen" in text
    page_text(signed_in, "/accounts/password/change/")
    text = page_text(signed_in, "/accounts/2fa/")
    assert "Tweestapsverificatie" in text
    text = page_text(signed_in, "/accounts/logout/")
    assert "Weet je zeker dat je wilt uitloggen?" in text
    response = signed_in.post("/accounts/logout/", follow=True)
    text = visible_text(response.content.decode())
    assert_glossary(text, "after logging out")
    assert "Je bent uitgelogd." in text


def test_the_password_change_errors_and_messages(signed_in):
    response = signed_in.post(
        "/accounts/password/change/",
        {"oldpassword": "niet-goed", "password1": "1234567890", "password2": "1234567890"},
    )
    text = visible_text(response.content.decode())
    assert_glossary(text, "password change errors")
    response = signed_in.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "een-nieuw-wachtwoord-2026", "password2": "een-nieuw-wachtwoord-2026"},
        follow=True,
    )
    text = visible_text(response.content.decode())
    assert_glossary(text, "password changed")
    assert "Je wachtwoord is gewijzigd." in text


def test_setting_a_password_for_an_account_without_one(client, home_page):
    user = UserFactory(email="zonder@example.org")
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    text = page_text(client, "/accounts/password/set/")
    assert "Wachtwoord instellen" in text


def test_reauthentication_and_totp_with_recovery_codes(signed_in, anna):
    # A security change asks for the password again, once the login is no longer fresh.
    session = signed_in.session
    session.pop("account_authentication_methods", None)
    session.save()
    response = signed_in.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    text = page_text(signed_in, response["Location"])
    assert "Toegang bevestigen" in text
    signed_in.post(response["Location"], {"password": PASSWORD})

    response = signed_in.get("/accounts/2fa/totp/activate/")
    text = visible_text(response.content.decode())
    assert_glossary(text, "activate TOTP")
    assert "tweestapsverificatie" in text
    secret = response.context["form"].secret
    response = signed_in.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert_glossary(visible_text(response.content.decode()), "activate TOTP, wrong code")
    response = signed_in.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)}, follow=True)
    assert_glossary(visible_text(response.content.decode()), "TOTP activated")

    for url in [
        "/accounts/2fa/",
        "/accounts/2fa/recovery-codes/",
        "/accounts/2fa/recovery-codes/generate/",
        "/accounts/2fa/totp/deactivate/",
    ]:
        page_text(signed_in, url)

    signed_in.post("/accounts/logout/")
    response = signed_in.post("/accounts/login/", {"login": anna.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    text = page_text(signed_in, "/accounts/2fa/authenticate/")
    assert "tweestapsverificatie" in text
    response = signed_in.post("/accounts/2fa/authenticate/", {"code": "00000000"})
    assert_glossary(visible_text(response.content.decode()), "MFA wrong code")
    recovery = Authenticator.objects.get(user=anna, type=Authenticator.Type.RECOVERY_CODES)
    code = recovery.wrap().get_unused_codes()[0]
    response = signed_in.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302


# Password validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("kort", "Dit wachtwoord is te kort."),
        ("1234567890123", "Dit wachtwoord bevat alleen cijfers."),
        ("password1234", "Dit wachtwoord is te algemeen."),
        ("sanne.smit@gouda.example.org", "Het wachtwoord lijkt te veel op je e-mailadres."),
    ],
)
def test_password_validation_errors(client, home_page, password, expected):
    response = client.post(
        "/accounts/signup/",
        {
            "full_name": "Sanne Smit",
            "email": "sanne.smit@gouda.example.org",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert_glossary(text, f"password {password!r}")
    assert expected in text


# Mails ---------------------------------------------------------------------------------------


def assert_mail_reads_well(message) -> None:
    for part, text in [("subject", message.subject), ("body", message.body)]:
        assert_glossary(text, part)
        assert not re.search(r"\bvan\s*[!.,]|\s[!.,]|\{\{|\}\}|%\(", text), f"a blank in the {part}:\n{text}"
    assert message.subject.startswith("[Spil] ")
    assert "Spil" in message.body


def test_the_verification_mail(client, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/signup/",
            {
                "full_name": "Sanne Smit",
                "email": "sanne@gouda.example.org",
                "password1": "een-lang-wachtwoord-2026",
                "password2": "een-lang-wachtwoord-2026",
            },
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert_mail_reads_well(message)
    assert message.subject == "[Spil] Bevestig je e-mailadres"
    assert message.body.startswith("Beste Sanne,")
    assert "account aangemaakt" in message.body
    assert "Met vriendelijke groet," in message.body
    assert re.search(r"/accounts/confirm-email/\S+/", message.body)
    assert "Hallo van" not in message.body


def test_the_other_account_mails(client, anna, django_capture_on_commit_callbacks):
    # a second sign-up with a known address, a reset for an unknown one, a reset for Anna
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/signup/",
            {
                "full_name": "Anna de Vries",
                "email": anna.email,
                "password1": "een-lang-wachtwoord-2026",
                "password2": "een-lang-wachtwoord-2026",
            },
        )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "onbekend@example.org"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": anna.email})
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert_mail_reads_well(message)
    exists, unknown, reset = mail.outbox
    assert "Account bestaat al" in exists.subject
    assert "/accounts/password/reset/" in exists.body
    assert "/accounts/signup/" in unknown.body
    assert reset.body.startswith("Beste Anna,")
    assert "/accounts/password/reset/key/" in reset.body


def test_adding_an_email_address(signed_in, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            "/accounts/email/", {"action_add": "", "email": "anna@utrecht.example.org"}, follow=True
        )
    text = visible_text(response.content.decode())
    assert_glossary(text, "email added")
    assert "We hebben een bevestigingsmail gestuurd naar anna@utrecht.example.org." in text
    (message,) = mail.outbox
    assert_mail_reads_well(message)
    assert message.body.startswith("Beste Anna,")
    assert "Dit e-mailadres is opgegeven voor een account bij Spil" in message.body
