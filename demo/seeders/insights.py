"""Anna's colleagues of `demo.content.insights` at Gemeente Zeist, for the HR adviser's insights: each
made a learner of the organisation, their career recorded by the HR adviser, and their timeline replayed
through the services with `demo.seeders.histories.Replay`, on the same days as Anna's and Bram's.

As there, the services stamp what they write with the present moment, and a finished event's timestamps
are moved back to its day; here that includes the certificate of a completed track (issued that day, valid
from then) and a revocation. Every event is skipped when what it made is there already, so running the
seeding again changes nothing."""

from collections import Counter
from datetime import timedelta

from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Locale

from certificates import services as certificates
from certificates.models import Certificate
from curriculum.models import Enrolment, LearningTrackPage
from curriculum.selectors import live_modules
from people.models import Membership, Organisation, User
from people.services import add_membership

from ..content import insights as content
from .histories import Replay, _page


def seed_insights(*, users: dict[str, User]) -> dict:
    first_day = LearningTrackPage.objects.filter(locale=Locale.get_default()).aggregate(
        first=Min("first_published_at")
    )["first"]
    if first_day is None:
        raise LookupError("No published learning track: seed the curriculum first")
    organisation = Organisation.objects.get(slug=content.ORGANISATION)
    done = Counter()
    for colleague in content.COLLEAGUES:
        with transaction.atomic():
            learner, created = _colleague(colleague, organisation=organisation)
            done["colleagues"] += created
            replay = ColleagueReplay(
                learner=learner, adviser=users[content.ADVISER], organisation=organisation, first_day=first_day
            )
            for from_slug, to_slug, when, note in colleague["career"]:
                if isinstance(when, int):
                    when = timezone.localdate(first_day) - timedelta(days=when)
                done["career_step"] += replay.career_step(from_slug=from_slug, to_slug=to_slug, date=when, note=note)
            for days_ago, event, details in sorted(colleague["timeline"], key=lambda entry: -entry[0]):
                if event not in ColleagueReplay.EVENTS:
                    raise ValueError(f"Unknown event in the timeline of {colleague['email']}: {event}")
                moment = first_day - timedelta(days=days_ago)
                done[event] += getattr(replay, event)(when=moment, **details)
    return dict(done)


def _colleague(colleague: dict, *, organisation: Organisation) -> tuple[User, bool]:
    """The colleague's account, without a usable password, and their membership as a learner."""
    user = User.objects.filter(email=colleague["email"]).first()
    created = user is None
    if created:
        user = User.objects.create_user(email=colleague["email"], password=None, full_name=colleague["name"])
    add_membership(user=user, organisation=organisation, role=Membership.Role.LEARNER, team=colleague["team"])
    return user, created


class ColleagueReplay(Replay):
    EVENTS = (*Replay.EVENTS, "complete_track", "revoke_certificate")

    def complete_track(self, *, when, track) -> bool:
        """Every required module completed on the day, an hour apart, after enrolling a fortnight before;
        the certificate of the completed track issued that day."""
        page = _page(LearningTrackPage, track)
        enrolment = Enrolment.objects.filter(user=self.learner, track=page).first()
        if enrolment is not None and enrolment.status == Enrolment.Status.COMPLETED:
            return False
        self.enrol(when=when - timedelta(days=14), track=track)
        modules = [module for module in live_modules(track=page) if module.required]
        for number, module in enumerate(modules):
            assignments = sum(1 for block in module.body if block.block_type == "assignment")
            reflections = [content.REFLECTIONS[(number + n) % len(content.REFLECTIONS)] for n in range(assignments)]
            moment = when - timedelta(hours=len(modules) - 1 - number)
            self.complete_module(when=moment, track=track, module=module.slug, reflections=reflections)
        certificate = Certificate.objects.filter(user=self.learner, track=page).order_by("-pk").first()
        if certificate is not None:
            months = page.certificate_validity_months
            Certificate.objects.filter(pk=certificate.pk).update(
                issued_at=when, expires_at=certificates.add_months(when, months) if months else None
            )
        return True

    def revoke_certificate(self, *, when, track, reason) -> bool:
        certificate = Certificate.objects.filter(user=self.learner, track=_page(LearningTrackPage, track)).first()
        if certificate is None or certificate.revoked_at is not None:
            return False
        certificates.revoke(actor=self.adviser, certificate_id=certificate.pk, reason=reason)
        Certificate.objects.filter(pk=certificate.pk).update(revoked_at=when)
        return True
