import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assessments import selectors, services
from assessments.models import Attempt, Invitation, RaterAnswer
from assessments.scoring import Gap
from curriculum.models import TrackCompetency
from tests.curriculum.factories import LearningTrackPageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def answer_all(user, scan, level_by_competency):
    attempt = services.start_attempt(user=user, assessment=scan["page"])
    services.save_answers(
        user=user,
        attempt=attempt,
        levels={s.pk: level_by_competency[s.competency_id] for s in scan["statements"]},
    )
    return services.submit(user=user, attempt=attempt)


@pytest.fixture
def anna():
    return LearnerFactory().user


def test_steps_group_statements_by_competency_in_order(scan):
    steps = selectors.steps_of(assessment=scan["page"])
    assert [(c.name, [s.text for s in st]) for c, st in steps] == [
        ("Plannen", ["Ik maak planningen", "Ik bewaak mijlpalen"]),
        ("Notuleren", ["Ik notuleer overleggen"]),
        ("Risico's beheren", ["Ik houd een risicolog bij"]),
    ]


def test_submit_needs_every_step(scan, anna):
    attempt = services.start_attempt(user=anna, assessment=scan["page"])
    services.save_answers(user=anna, attempt=attempt, levels={scan["statements"][0].pk: 2})
    with pytest.raises(ValidationError, match="stap 1, 2, 3"):
        services.submit(user=anna, attempt=attempt)


def test_a_partly_answered_attempt_is_continued_not_restarted(scan, anna):
    first = services.start_attempt(user=anna, assessment=scan["page"])
    services.save_answers(user=anna, attempt=first, levels={scan["statements"][0].pk: 2})
    assert services.start_attempt(user=anna, assessment=scan["page"]).pk == first.pk


def test_another_person_cannot_answer_or_share(scan, anna):
    attempt = services.start_attempt(user=anna, assessment=scan["page"])
    other = LearnerFactory().user
    with pytest.raises(PermissionDenied):
        services.save_answers(user=other, attempt=attempt, levels={scan["statements"][0].pk: 4})
    with pytest.raises(PermissionDenied):
        services.set_sharing(user=other, attempt=attempt, shared=True)
    assert not attempt.answers.exists()


def test_result_gaps_and_recommendations(scan, anna):
    s = scan
    attempt = answer_all(anna, s, {s["planning"].pk: 1, s["notes"].pk: 3, s["risks"].pk: 2})
    result = selectors.result_data(attempt=attempt, profile=s["profile"], viewer=anna)
    assert [(g["gap"].name, g["gap"].size) for g in result["gaps"]] == [("Plannen", 2.0), ("Risico's beheren", 1.0)]
    planning = result["gaps"][0]
    # 'Plannen voor beginners' brings planning to 1, where Anna already is: it is left out.
    assert [(r.track.title, r.reaches) for r, _status, _planned in planning["tracks"]] == [("Projectplanning", True)]
    assert result["gaps"][1]["tracks"] == []


def test_recommendations_include_tracks_that_raise_a_level_part_of_the_way(scan, anna):
    s = scan
    halfway = LearningTrackPageFactory(parent=s["track"].get_parent(), title="Plannen in de praktijk")
    TrackCompetency.objects.create(page=halfway, competency=s["planning"], level=2)
    risks = LearningTrackPageFactory(parent=s["track"].get_parent(), title="Risico's in kaart")
    TrackCompetency.objects.create(page=risks, competency=s["risks"], level=4)
    attempt = answer_all(anna, s, {s["planning"].pk: 1, s["notes"].pk: 3, s["risks"].pk: 2})
    result = selectors.result_data(attempt=attempt, profile=s["profile"], viewer=anna)
    planning, risk = result["gaps"]
    assert [(r.track.title, r.level, r.reaches) for r, _status, _planned in planning["tracks"]] == [
        ("Projectplanning", 3, True),
        ("Plannen in de praktijk", 2, False),
    ]
    assert [(r.track.title, r.reaches) for r, _status, _planned in risk["tracks"]] == [("Risico's in kaart", True)]


def test_recommendations_put_the_nearest_reaching_level_first_and_skip_unpublished_tracks(scan):
    s = scan
    catalog = s["track"].get_parent()
    expert = LearningTrackPageFactory(parent=catalog, title="A. Plannen voor experts")
    TrackCompetency.objects.create(page=expert, competency=s["planning"], level=4)
    draft = LearningTrackPageFactory(parent=catalog, title="Plannen (concept)", live=False)
    TrackCompetency.objects.create(page=draft, competency=s["planning"], level=3)
    gap = Gap(competency_id=s["planning"].pk, name="Plannen", level=1.5, required=3)
    found = selectors.recommendations(gaps=[gap])[s["planning"].pk]
    assert [(r.track.title, r.level) for r in found] == [("Projectplanning", 3), ("A. Plannen voor experts", 4)]
    assert selectors.recommendations(gaps=[]) == {}


def test_a_retake_keeps_history(scan, anna):
    s = scan
    answer_all(anna, s, {s["planning"].pk: 1, s["notes"].pk: 2, s["risks"].pk: 2})
    latest = answer_all(anna, s, {s["planning"].pk: 3, s["notes"].pk: 2, s["risks"].pk: 4})
    history = selectors.history_of(attempt=latest, names={s["planning"].pk: "Plannen"})
    assert [history["levels"][a.pk][s["planning"].pk] for a in history["attempts"]] == [1.0, 3.0]


def test_an_invitation_works_once(scan, anna, mailoutbox, django_capture_on_commit_callbacks):
    s = scan
    attempt = answer_all(anna, s, {s["planning"].pk: 2, s["notes"].pk: 2, s["risks"].pk: 2})
    with django_capture_on_commit_callbacks(execute=True):
        _invitation, token = services.invite(
            user=anna, attempt=attempt, email="chef@zeist.example.org", name="Chef", relation="manager"
        )
    assert token in mailoutbox[0].body
    assert token not in Invitation.objects.get().token_hash
    levels = {st.pk: 3 for st in s["statements"]}
    services.rate(token=token, levels=levels)
    with pytest.raises(PermissionDenied):
        services.rate(token=token, levels=levels)
    assert RaterAnswer.objects.count() == len(levels)
    opinions = selectors.second_opinions(attempt=attempt, steps=selectors.steps_of(assessment=s["page"]))
    assert next((c.name, own, other) for c, own, other in opinions[0]["rows"]) == ("Plannen", 2.0, 3.0)


def test_an_invitation_expires(scan, anna):
    s = scan
    attempt = answer_all(anna, s, {s["planning"].pk: 2, s["notes"].pk: 2, s["risks"].pk: 2})
    invitation, token = services.invite(
        user=anna, attempt=attempt, email="c@example.org", name="C", relation="colleague"
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert not selectors.invitation_by_token(token=token).is_usable
    with pytest.raises(PermissionDenied):
        services.rate(token=token, levels={st.pk: 3 for st in s["statements"]})


def test_a_rating_must_answer_everything(scan, anna):
    s = scan
    attempt = answer_all(anna, s, {s["planning"].pk: 2, s["notes"].pk: 2, s["risks"].pk: 2})
    _invitation, token = services.invite(user=anna, attempt=attempt, email="c@example.org", name="C", relation="other")
    with pytest.raises(ValidationError):
        services.rate(token=token, levels={s["statements"][0].pk: 3})
    assert selectors.invitation_by_token(token=token).is_usable


def test_hr_sees_an_individual_result_only_when_shared(scan):
    s = scan
    zeist = OrganisationFactory()
    anna = LearnerFactory(organisation=zeist).user
    hr = HRAdviserFactory(organisation=zeist).user
    other_hr = HRAdviserFactory(organisation=OrganisationFactory()).user
    attempt = answer_all(anna, s, {s["planning"].pk: 2, s["notes"].pk: 2, s["risks"].pk: 2})
    assert selectors.hr_visible_attempt(adviser=hr, attempt_id=attempt.pk) is None
    services.set_sharing(user=anna, attempt=attempt, shared=True)
    assert selectors.hr_visible_attempt(adviser=hr, attempt_id=attempt.pk) == attempt
    assert selectors.hr_visible_attempt(adviser=other_hr, attempt_id=attempt.pk) is None
    services.set_sharing(user=anna, attempt=attempt, shared=False)
    assert selectors.hr_visible_attempt(adviser=hr, attempt_id=attempt.pk) is None


def share(user, attempt):
    services.set_sharing(user=user, attempt=attempt, shared=True)
    return attempt


@pytest.mark.parametrize(("sharers", "shown"), [(4, False), (5, True)])
def test_aggregates_need_at_least_five_people_who_shared(scan, sharers, shown):
    s = scan
    zeist = OrganisationFactory()
    for n in range(sharers):
        learner = LearnerFactory(organisation=zeist).user
        share(learner, answer_all(learner, s, {s["planning"].pk: 1 + n % 4, s["notes"].pk: 2, s["risks"].pk: 3}))
    for _n in range(3):  # results kept to oneself never count, however many there are
        learner = LearnerFactory(organisation=zeist).user
        answer_all(learner, s, {s["planning"].pk: 4, s["notes"].pk: 4, s["risks"].pk: 4})
    LearnerFactory(organisation=zeist)  # a member without a result does not count
    heatmap = selectors.organisation_heatmap(organisation=zeist, assessment=s["page"], profile=s["profile"])
    assert heatmap["hidden"] is not shown
    assert heatmap["people"] == sharers
    if shown:
        notes = next(row for row in heatmap["rows"] if row["name"] == "Notuleren")
        assert notes == {"name": "Notuleren", "average": 2.0, "required": 3, "gap": 1.0}
    else:
        assert "rows" not in heatmap


def test_the_heat_map_cannot_be_differenced(scan):
    """HR compares the map before and after one person submits: a result that was not
    shared must leave it exactly as it was, so nobody's levels can be read back."""
    s = scan
    zeist = OrganisationFactory()
    sharers = [LearnerFactory(organisation=zeist).user for _ in range(5)]
    for n, learner in enumerate(sharers):
        share(learner, answer_all(learner, s, {s["planning"].pk: 1 + n % 4, s["notes"].pk: 2, s["risks"].pk: 3}))

    def heatmap():
        return selectors.organisation_heatmap(organisation=zeist, assessment=s["page"], profile=s["profile"])

    before = heatmap()
    assert before["hidden"] is False
    newcomer = LearnerFactory(organisation=zeist).user
    answer_all(newcomer, s, {s["planning"].pk: 4, s["notes"].pk: 4, s["risks"].pk: 4})
    assert heatmap() == before, "a newcomer's result that was not shared changes nothing"
    answer_all(sharers[0], s, {s["planning"].pk: 4, s["notes"].pk: 4, s["risks"].pk: 4})
    assert heatmap() == before, "a retake that was not shared changes nothing either"


def test_the_heat_map_uses_the_latest_shared_attempt_per_person(scan):
    s = scan
    zeist = OrganisationFactory()
    learners = [LearnerFactory(organisation=zeist).user for _ in range(5)]
    for learner in learners:
        share(learner, answer_all(learner, s, {s["planning"].pk: 1, s["notes"].pk: 1, s["risks"].pk: 1}))
    share(learners[0], answer_all(learners[0], s, {s["planning"].pk: 1, s["notes"].pk: 4, s["risks"].pk: 1}))
    heatmap = selectors.organisation_heatmap(organisation=zeist, assessment=s["page"], profile=None)
    assert heatmap["people"] == 5
    assert next(row for row in heatmap["rows"] if row["name"] == "Notuleren")["average"] == 1.6
    assert Attempt.objects.count() == 6
    services.set_sharing(user=learners[1], attempt=learners[1].assessment_attempts.get(), shared=False)
    assert selectors.organisation_heatmap(organisation=zeist, assessment=s["page"], profile=None)["hidden"]


def test_a_competency_with_fewer_than_five_sharers_is_left_out(scan):
    """A statement added later is answered by fewer people: its row would show their levels."""
    from careers.models import Level
    from tests.assessments.factories import StatementFactory
    from tests.careers.factories import CompetencyFactory

    s = scan
    zeist = OrganisationFactory()
    learners = [LearnerFactory(organisation=zeist).user for _ in range(5)]
    for learner in learners:
        share(learner, answer_all(learner, s, {s["planning"].pk: 2, s["notes"].pk: 2, s["risks"].pk: 2}))
    writing = CompetencyFactory(name="Schrijven")
    new = StatementFactory(page=s["page"], competency=writing, text="Ik schrijf een verslag", sort_order=9)
    attempt = services.start_attempt(user=learners[0], assessment=s["page"])
    services.save_answers(
        user=learners[0],
        attempt=attempt,
        levels={**{st.pk: 2 for st in s["statements"]}, new.pk: Level.choices[-1][0]},
    )
    share(learners[0], services.submit(user=learners[0], attempt=attempt))
    heatmap = selectors.organisation_heatmap(organisation=zeist, assessment=s["page"], profile=None)
    assert heatmap["hidden"] is False
    assert [row["name"] for row in heatmap["rows"]] == ["Notuleren", "Plannen", "Risico's beheren"]


def test_a_result_compares_with_the_current_role_unless_a_target_was_chosen(scan, anna):
    from careers.models import CurrentRole
    from tests.careers.factories import RoleProfilePageFactory

    s = scan
    attempt = answer_all(anna, s, {s["planning"].pk: 2, s["notes"].pk: 2, s["risks"].pk: 2})
    assert selectors.comparison_profile(attempt=attempt) is None
    CurrentRole.objects.create(user=anna, profile=s["profile"], since=timezone.localdate())
    assert selectors.comparison_profile(attempt=attempt) == s["profile"]
    target = RoleProfilePageFactory(parent=s["profile"].get_parent(), title="PMO tactisch")
    services.set_target(user=anna, attempt=attempt, profile=target)
    attempt.refresh_from_db()
    assert selectors.comparison_profile(attempt=attempt) == target
