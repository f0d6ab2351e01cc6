"""A queued mail keeps its text attachments (a calendar file) until a worker delivers it."""

import pytest
from django.core import mail

from people.models import OutgoingEmail
from people.services import send_templated_email
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Spil//test//NL\r\nEND:VCALENDAR\r\n"


def test_an_attachment_travels_with_the_mail():
    person = UserFactory(email="lid@example.org")
    send_templated_email(
        to=person,
        template="certificates/email/issued",
        context={"certificate": None, "url": "https://spil.example.org/mijn/"},
        attachments=[("bijeenkomst.ics", ICS, "text/calendar; method=REQUEST")],
    )
    stored = OutgoingEmail.objects.get()
    assert stored.attachments == [
        {"filename": "bijeenkomst.ics", "content": ICS, "mimetype": "text/calendar; method=REQUEST"}
    ]
    assert stored.sent_at is not None
    (filename, content, mimetype) = mail.outbox[0].attachments[0]
    assert (filename, mimetype) == ("bijeenkomst.ics", "text/calendar; method=REQUEST")
    assert content == ICS
