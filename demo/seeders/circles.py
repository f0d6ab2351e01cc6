"""The 'Leerkringen' page and the learning circle of `demo.content.circles`: the pages written as an
editor would, then the circle's history replayed through the services of the circles app, as its
organiser and members would have done it in the site, oldest first. People join and answer the intake
poll; the organiser publishes each session; members register and cancel, a full session fills its
waitlist and promotes from it; after a past session members check in with the code, the organiser marks
the others present or absent and adds a walk-in, members give feedback and the organiser writes the report.

The services stamp what they write with the present moment and hold it against the session's times:
registering closes at the start, attendance opens a quarter of an hour before it, feedback is open for a
month after the end. So a past session is replayed on the present clock: its times are moved (with
`.update()`) to the day after tomorrow while members register, to the present while it runs, and to just
now when it has ended; then it gets its own date, and everything the replay wrote is stamped with the
moment it happened. The mails the services queued went out on that moment too: they are recorded as sent
then, so that `make run` does not deliver months-old confirmations today.

Each part is done once: people who are members already are not joined again, answers are not given
twice, and a session that exists (by its theme) is not replayed, so running the seeding again changes
nothing. Moments count from the week in which the circle's page was first published."""

import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from careers.models import RoleProfilePage
from circles import attendance, services
from circles.models import (
    Attendance,
    CircleIndexPage,
    CircleMember,
    Feedback,
    IntakeAnswer,
    IntakeQuestion,
    LearningCirclePage,
    Registration,
    Session,
)
from circles.selectors import AMSTERDAM
from curriculum.models import LearningTrackPage
from people.models import Membership, Organisation, OutgoingEmail, User
from people.services import add_membership

from ..content import circles as content
from .pages import by_slug, ensure_child_page, is_published_as, publish

CIRCLE_FIELDS = ["title", "theme", "description", "membership", "sessions_required"]
LENGTH = timedelta(minutes=90)
OFFICE_HOURS = (8 * 60, 17 * 60)  # minutes after midnight in which people join, register and answer


@transaction.atomic
def seed_circles(*, home, users: dict[str, User]) -> dict:
    """Write the pages and replay what is missing of the circle's history."""
    index = ensure_child_page(home, CircleIndexPage, content.INDEX_PAGE)
    circle = _save_circle(index, users=users)
    history = History(circle=circle, organiser=users[content.CIRCLE["organisers"][0]])
    members = _made_up_members(history) + _login_members(history, users=users)
    done = Counter()
    done["members joined"] = history.join(members)
    done["intake polls answered"] = history.answer_intake(members)
    leavers = [member for member in members if member.left_at]
    events = [(history.starts_at(data), "session", data) for data in content.SESSIONS]
    events += [(member.left_at, "leave", member) for member in leavers]
    for _when, kind, item in sorted(events, key=lambda event: event[0]):
        if kind == "leave":
            done["members left"] += history.leave(item)
        elif history.replay_session(item, members=members):
            done["sessions"] += 1
    return {"circle pages": 2, **done}


def _save_circle(index, *, users) -> LearningCirclePage:
    """Create or update the circle's page and publish it, unless it already matches data. The intake
    questions are written with a new page only: answers hang on them."""
    data = content.CIRCLE
    fields = {name: data[name] for name in CIRCLE_FIELDS}
    fields["track"] = LearningTrackPage.objects.get(locale=Locale.get_default(), slug=data["track"])
    profiles = list(by_slug(RoleProfilePage.objects.all(), data["role_profiles"], "role profile").values())
    organisers = [users[email] for email in data["organisers"]]

    page = LearningCirclePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is None:
        questions = [
            IntakeQuestion(question=question, kind=kind, choices=choices, sort_order=position)
            for position, (question, kind, choices) in enumerate(content.INTAKE_QUESTIONS)
        ]
        page = index.add_child(instance=LearningCirclePage(slug=data["slug"], intake_questions=questions, **fields))
    elif (
        is_published_as(page, fields)
        and set(page.role_profiles.all()) == set(profiles)
        and set(page.organisers.all()) == set(organisers)
    ):
        return page
    page.role_profiles.set(profiles)
    page.organisers.set(organisers)
    publish(page, fields)
    page.refresh_from_db()
    return page


@dataclass(eq=False)
class Member:
    """A member of the circle as the history needs them: when they joined and left, what they answered."""

    user: User
    joined_at: datetime
    left_at: datetime | None = None
    intake: list[str] | None = None
    login: bool = False


def _made_up_members(history) -> list[Member]:
    """The made-up members at their organisations, with the same names, addresses and dates on every
    run. Their accounts have no usable password: nobody logs in as them."""
    rng = random.Random("leerkring-leden")  # noqa: S311 - the same demo world every time, not a secret
    people = _made_up_people()
    accounts = {user.email: user for user in User.objects.filter(email__in=[person[1] for person in people])}
    late = range(content.LATE_JOINER_EVERY - 1, len(people), content.LATE_JOINER_EVERY)
    earliest, latest = content.EARLY_JOINING_DAYS_BEFORE_FIRST_SESSION
    members = []
    for number, (full_name, email, organisation, team) in enumerate(people):
        user = accounts.get(email) or User.objects.create_user(email=email, full_name=full_name)
        add_membership(user=user, organisation=organisation, role=Membership.Role.LEARNER, team=team)
        # The how-manieth of the late or of the early joiners this member is: their days spread evenly.
        position = number // content.LATE_JOINER_EVERY
        if number in late:
            days = 1 + content.LATE_JOINING_DAYS_AFTER_FIRST_SESSION * position // len(late)
        else:
            days = -earliest + (earliest - latest) * (number - position) // (len(people) - len(late))
        member = Member(user=user, joined_at=_office_moment(history.first_session_at.date() + timedelta(days), rng))
        if rng.random() < content.INTAKE_SHARE:
            member.intake = [rng.choices(*zip(*weights, strict=True))[0] for weights in content.INTAKE_ANSWER_WEIGHTS]
        members.append(member)
    left_on = history.today.date() - timedelta(weeks=content.LEAVING_WEEKS_AGO)
    early = [member for number, member in enumerate(members) if number not in late]
    for member in rng.sample(early, content.LEAVERS):
        member.left_at = _office_moment(left_on, rng)
    return members


def _made_up_people() -> list[tuple[str, str, Organisation, str]]:
    """(full name, email, organisation, team) of each made-up member: a first name and a surname from
    the lists, taken with different strides so that no pair comes twice."""
    organisations = [
        (Organisation.objects.update_or_create(slug=slug, defaults={"name": name, "kind": kind})[0], count)
        for name, slug, kind, count in content.ORGANISATIONS
    ]
    demo_organisations = by_slug(Organisation.objects.all(), content.MEMBERS_AT_DEMO_ORGANISATIONS, "organisation")
    organisations += [(demo_organisations[slug], n) for slug, n in content.MEMBERS_AT_DEMO_ORGANISATIONS.items()]
    people, taken = [], set()
    for organisation, count in organisations:
        teams = content.TEAMS[organisation.kind]
        for _ in range(count):
            number = len(people)
            first = content.FIRST_NAMES[number * 7 % len(content.FIRST_NAMES)]
            surname = content.SURNAMES[number * 11 % len(content.SURNAMES)]
            email = _address(f"{first}.{surname}", organisation.slug, taken)
            people.append((f"{first} {surname}", email, organisation, teams[number % len(teams)]))
    return people


def _login_members(history, *, users) -> list[Member]:
    return [
        Member(
            user=users[email],
            joined_at=datetime.combine(
                history.first_session_at.date() - timedelta(days=data["joined_days_before"]), time(9, 30), AMSTERDAM
            ),
            intake=data["intake"],
            login=True,
        )
        for email, data in content.LOGIN_MEMBERS.items()
    ]


def _address(local: str, slug: str, taken: set) -> str:
    """name@organisation.example.org, in plain ASCII, unique among the made-up members."""
    plain = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode().lower()
    plain = "".join(character for character in plain if character.isalnum() or character == ".")
    email, number = f"{plain}@{slug}.example.org", 1
    while email in taken:
        number += 1
        email = f"{plain}{number}@{slug}.example.org"
    taken.add(email)
    return email


def _office_moment(day: date, rng: random.Random) -> datetime:
    minutes = rng.randrange(*OFFICE_HOURS)
    return datetime.combine(day, time(minutes // 60, minutes % 60), AMSTERDAM)


@dataclass
class Plan:
    """Who does what in one session, and when: registrations and cancellations in the order they happen."""

    events: list[tuple[datetime, str, Member]]
    present: list[Member] = field(default_factory=list)
    absent: list[Member] = field(default_factory=list)
    check_ins: list[Member] = field(default_factory=list)
    feedback: list[tuple[Member, int, str]] = field(default_factory=list)


class History:
    """The circle's history, each step through the service the site itself calls."""

    def __init__(self, *, circle: LearningCirclePage, organiser: User):
        self.circle = circle
        self.organiser = organiser
        self.today = timezone.localtime(circle.first_published_at, AMSTERDAM)
        self.monday = self.today.date() - timedelta(days=self.today.weekday())
        self.first_session_at = min(self.starts_at(data) for data in content.SESSIONS)
        # The mails of this replay are those queued after this one.
        self.last_mail_before = OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def starts_at(self, data) -> datetime:
        day = self.monday + timedelta(weeks=data["weeks"], days=data["weekday"])
        return datetime.combine(day, data["start"], AMSTERDAM)

    def join(self, members: list[Member]) -> int:
        """Join the circle, as each did on the circle's page."""
        already = set(CircleMember.objects.filter(circle=self.circle).values_list("user_id", flat=True))
        joining = {member.user.pk: member for member in members if member.user.pk not in already}
        for member in joining.values():
            services.join_circle(circle=self.circle, user=member.user)
        rows = list(CircleMember.objects.filter(circle=self.circle, user_id__in=list(joining)))
        for row in rows:
            row.joined_at = joining[row.user_id].joined_at
        CircleMember.objects.bulk_update(rows, ["joined_at"])
        return len(rows)

    def answer_intake(self, members: list[Member]) -> int:
        """The intake poll, answered an hour after joining."""
        questions = attendance.intake_questions(circle=self.circle)
        answered = set(IntakeAnswer.objects.filter(question__circle=self.circle).values_list("user_id", flat=True))
        answering = {member.user.pk: member for member in members if member.intake and member.user.pk not in answered}
        for member in answering.values():
            answers = {question.pk: value for question, value in zip(questions, member.intake, strict=True)}
            attendance.save_intake_answers(user=member.user, circle=self.circle, answers=answers)
        rows = list(IntakeAnswer.objects.filter(question__circle=self.circle, user_id__in=list(answering)))
        for row in rows:
            row.answered_at = answering[row.user_id].joined_at + timedelta(hours=1)
        IntakeAnswer.objects.bulk_update(rows, ["answered_at"])
        return len(answering)

    def leave(self, member: Member) -> bool:
        """Leave the circle; their membership row stays, with the day they left."""
        if not CircleMember.objects.filter(circle=self.circle, user=member.user, left_at__isnull=True).exists():
            return False
        services.leave_circle(circle=self.circle, user=member.user)
        CircleMember.objects.filter(circle=self.circle, user=member.user).update(left_at=member.left_at)
        self._mails_sent(member.left_at)
        return True

    def replay_session(self, data, *, members: list[Member]) -> bool:
        """Publish the session and replay what happened to it; False if it is there already, or if it
        is still to come but nobody can register for it any more."""
        if Session.objects.filter(circle=self.circle, theme=data["theme"]).exists():
            return False
        starts_at = self.starts_at(data)
        past = "present" in data
        if not past and starts_at <= timezone.now() + timedelta(days=1):
            return False
        published_on = starts_at.date() - timedelta(days=data["published_days_before"])
        # On the working day before, if that was a Saturday or Sunday.
        published_on -= timedelta(days=max(0, published_on.weekday() - 4))
        published_at = datetime.combine(published_on, time(9, 0), AMSTERDAM)
        plan = _plan(data, members=members, published_at=published_at, starts_at=starts_at, today=self.today)
        with transaction.atomic():
            if past:
                session = self._past_session(data, plan)
            else:
                session = self._create(data, starts_at=starts_at)
                self._register(session, plan)
            Session.objects.filter(pk=session.pk).update(
                starts_at=starts_at,
                ends_at=starts_at + LENGTH,
                registration_deadline=_deadline(data, starts_at=starts_at),
                created_at=published_at,
            )
        return True

    def _create(self, data, *, starts_at: datetime) -> Session:
        return services.create_session(
            circle=self.circle,
            created_by=self.organiser,
            theme=data["theme"],
            agenda=data["agenda"],
            starts_at=starts_at,
            ends_at=starts_at + LENGTH,
            online_url=content.ONLINE_URL,
            capacity=data["capacity"],
            registration_deadline=_deadline(data, starts_at=starts_at),
        )

    def _past_session(self, data, plan: Plan) -> Session:
        """Registrations two days ahead, attendance while it runs, feedback and the report once it has
        ended; then every moment of it back to its own date."""
        starts_at = self.starts_at(data)
        ends_at = starts_at + LENGTH
        session = self._create(data, starts_at=timezone.now() + timedelta(days=2))
        self._register(session, plan)

        _move(session, starts_at=timezone.now() - timedelta(minutes=30))
        code = attendance.check_in_code(actor=self.organiser, session=session)
        for member in plan.check_ins:
            attendance.check_in(user=member.user, session=session, code=code)
        checked_in = {member.user.pk for member in plan.check_ins}
        marked = {member.user.pk: attendance.PRESENT for member in plan.present if member.user.pk not in checked_in}
        marked.update({member.user.pk: attendance.ABSENT for member in plan.absent})
        attendance.record_attendance(actor=self.organiser, session=session, by_user=marked)
        if data["walk_in"]:
            name, email = data["walk_in"]
            attendance.add_walk_in(actor=self.organiser, session=session, name=name, email=email)

        _move(session, starts_at=timezone.now() - LENGTH - timedelta(minutes=10))
        for member, rating, comment in plan.feedback:
            attendance.give_feedback(user=member.user, session=session, rating=rating, comment=comment)
        attendance.save_report(
            actor=self.organiser, session=session, report=data["report"], publish=data["publish_report"]
        )

        rows = list(Attendance.objects.filter(session=session))
        for number, row in enumerate(sorted(rows, key=lambda row: row.pk)):
            checked = row.method == Attendance.Method.CHECK_IN
            row.recorded_at = starts_at - timedelta(minutes=8) + timedelta(seconds=15 * number) if checked else ends_at
        Attendance.objects.bulk_update(rows, ["recorded_at"])
        rows = list(Feedback.objects.filter(session=session).order_by("pk"))
        for number, row in enumerate(rows):
            row.created_at = ends_at + timedelta(minutes=20 + 97 * number)
        Feedback.objects.bulk_update(rows, ["created_at"])
        written = min(ends_at + timedelta(days=2), self.today)
        Session.objects.filter(pk=session.pk).update(
            updated_at=written, report_published_at=written if data["publish_report"] else None
        )
        self._mails_sent(written)
        return session

    def _register(self, session: Session, plan: Plan) -> None:
        """Registrations and cancellations in their order; a cancellation promotes the first in line."""
        registered, cancelled, promoted = {}, {}, {}
        for when, action, member in plan.events:
            if action == "register":
                services.register(session=session, user=member.user)
                registered[member.user.pk] = when
            else:
                services.cancel_registration(session=session, user=member.user)
                cancelled[member.user.pk] = when
                for user_id in (
                    Registration.objects.filter(session=session, promoted_at__isnull=False)
                    .exclude(user_id__in=list(promoted))
                    .values_list("user_id", flat=True)
                ):
                    promoted[user_id] = when
        rows = list(Registration.objects.filter(session=session))
        for row in rows:
            row.created_at = registered[row.user_id]
            row.cancelled_at = cancelled.get(row.user_id)
            row.promoted_at = promoted.get(row.user_id)
        Registration.objects.bulk_update(rows, ["created_at", "cancelled_at", "promoted_at"])
        self._stamp_mails(plan.events)

    def _unsent_mails(self):
        return OutgoingEmail.objects.filter(pk__gt=self.last_mail_before, sent_at__isnull=True)

    def _stamp_mails(self, events: list[tuple[datetime, str, Member]]) -> None:
        """The mails of these events, in the order they were queued, as sent when they happened: a mail
        to the person of the next event goes with that event, any other (a promotion from the waitlist)
        with the event before it."""
        mails = list(self._unsent_mails().order_by("pk"))
        position, when = 0, events[0][0]
        for mail in mails:
            if position < len(events) and mail.to == events[position][2].user.email:
                when = events[position][0]
                position += 1
            mail.created_at = mail.sent_at = when
            mail.status = OutgoingEmail.Status.SENT
        OutgoingEmail.objects.bulk_update(mails, ["created_at", "sent_at", "status"])

    def _mails_sent(self, when: datetime) -> None:
        self._unsent_mails().update(created_at=when, sent_at=when, status=OutgoingEmail.Status.SENT)


def _deadline(data, *, starts_at: datetime) -> datetime | None:
    """Registration closes at 17.00, so many days before the start; None: at the start."""
    if data["deadline_days_before"] is None:
        return None
    day = starts_at.date() - timedelta(days=data["deadline_days_before"])
    return datetime.combine(day, time(17, 0), AMSTERDAM)


def _move(session: Session, *, starts_at: datetime) -> None:
    session.starts_at, session.ends_at = starts_at, starts_at + LENGTH
    Session.objects.filter(pk=session.pk).update(starts_at=session.starts_at, ends_at=session.ends_at)


def _plan(data, *, members: list[Member], published_at: datetime, starts_at: datetime, today: datetime) -> Plan:
    """Who registers (made-up members who were in the circle then, drawn the same way on every run, and
    the demo logins at their place in the line), in what order, who cancels, and after a past session
    who was there and who gave feedback."""
    rng = random.Random(data["theme"])  # noqa: S311 - the same demo world every time, not a secret
    eligible = [
        member
        for member in members
        if not member.login
        and member.joined_at < published_at
        and (member.left_at is None or member.left_at > starts_at)
    ]
    line = rng.sample(eligible, data["registrations"])
    by_email = {member.user.email: member for member in members if member.login}
    logins = sorted(data["logins"].items(), key=lambda item: item[1]["status"] == "waitlisted")
    for email, login in logins:
        place = data["capacity"] + 1 if login["status"] == "waitlisted" else 3
        line.insert(min(place, len(line)), by_email[email])

    # Most register soon after the session is published; those who cancel do so shortly before the start.
    at = _office_clock(published_at + timedelta(hours=1), min(starts_at, today) - timedelta(hours=2))
    shares = [((number + 1) / (len(line) + 1)) ** 1.8 for number in range(len(line))]
    with_place = [member for member in line[: data["capacity"]] if not member.login]
    cancelling = set(rng.sample(with_place, data["cancel"]))
    events = [(at(share), "register", member) for share, member in zip(shares, line, strict=True)]
    events += [
        (at(share + (1 - share) * 0.95), "cancel", member)
        for share, member in zip(shares, line, strict=True)
        if member in cancelling
    ]
    plan = Plan(events=sorted(events, key=lambda event: event[0]))
    if "present" not in data:
        return plan

    kept = [member for member in line if not member.login and member not in cancelling]
    plan.present = rng.sample(kept, data["present"])
    plan.absent = [member for member in kept if member not in plan.present]
    plan.check_ins = rng.sample(plan.present, data["check_ins"])
    givers = rng.sample(plan.present, data["feedback"])
    rated = list(data["comments"])
    ratings, weights = zip(*data["ratings"], strict=True)
    rated += [(rating, "") for rating in rng.choices(ratings, weights, k=len(givers) - len(rated))]
    plan.feedback = [(member, rating, comment) for member, (rating, comment) in zip(givers, rated, strict=True)]
    for email, login in data["logins"].items():
        member = by_email[email]
        (plan.present if login["status"] == "present" else plan.absent).append(member)
        if login["feedback"]:
            plan.feedback.append((member, *login["feedback"]))
    return plan


def _office_clock(first: datetime, last: datetime):
    """A clock that turns a share of the time between first and last (0 to 1) into a moment in office
    hours on a working day, keeping their order: people register from the office."""
    spans, day = [], first.date()
    while day <= last.date():
        opens = max(first, datetime.combine(day, time(OFFICE_HOURS[0] // 60), AMSTERDAM))
        closes = min(last, datetime.combine(day, time(OFFICE_HOURS[1] // 60), AMSTERDAM))
        if day.weekday() < 5 and opens < closes:
            spans.append((opens, closes))
        day += timedelta(days=1)
    if not spans:
        return lambda share: first + (last - first) * share
    total = sum((closes - opens for opens, closes in spans), timedelta())

    def at(share: float) -> datetime:
        left = total * share
        for opens, closes in spans:
            if left <= closes - opens:
                return opens + left
            left -= closes - opens
        return spans[-1][1]

    return at
