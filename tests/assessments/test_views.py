import pytest

from assessments import services
from assessments.models import Answer, Attempt, Invitation
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    zeist = OrganisationFactory()
    return {
        "anna": LearnerFactory(organisation=zeist).user,
        "bram": LearnerFactory(organisation=zeist).user,
        "hr": HRAdviserFactory(organisation=zeist).user,
        "other_hr": HRAdviserFactory(organisation=OrganisationFactory()).user,
    }


def submitted(scan, user, level=2):
    attempt = services.start_attempt(user=user, assessment=scan["page"])
    services.save_answers(user=user, attempt=attempt, levels={s.pk: level for s in scan["statements"]})
    return services.submit(user=user, attempt=attempt)


def test_taking_a_scan_step_by_step(client, scan, people):
    client.force_login(people["anna"])
    response = client.post(f"/zelfscan/{scan['page'].pk}/starten/")
    attempt = Attempt.objects.get()
    assert response["Location"] == f"/zelfscan/poging/{attempt.pk}/stap/1/"
    first, second = scan["statements"][0], scan["statements"][2]
    response = client.post(response["Location"], {f"statement-{first.pk}": "2", "action": "next"})
    assert response.status_code == 400, "both planning statements are needed"
    assert Answer.objects.get(statement=first).level == 2, "what was answered is kept"
    assert 'value="2" checked' in response.content.decode()
    response = client.post(
        f"/zelfscan/poging/{attempt.pk}/stap/1/",
        {f"statement-{first.pk}": "2", f"statement-{second.pk}": "3", "action": "next"},
    )
    assert response["Location"].endswith("/stap/2/")
    response = client.post(f"/zelfscan/poging/{attempt.pk}/stap/2/", {"action": "back"})
    assert response["Location"].endswith("/stap/1/")
    response = client.post(f"/zelfscan/poging/{attempt.pk}/stap/2/", {"action": "save"})
    assert response["Location"] == scan["page"].url
    for number, statement in [(2, scan["statements"][1]), (3, scan["statements"][3])]:
        response = client.post(
            f"/zelfscan/poging/{attempt.pk}/stap/{number}/", {f"statement-{statement.pk}": "1", "action": "next"}
        )
    assert response["Location"] == f"/zelfscan/poging/{attempt.pk}/resultaat/"
    result = response["Location"]
    assert client.post(result, {"profile": scan["profile"].pk})["Location"] == result
    html = client.get(result).content.decode()
    assert "Plannen: 2,5, gevraagd 3" in html
    assert "Projectplanning" in html
    assert client.get(f"/zelfscan/poging/{attempt.pk}/stap/9/").status_code == 302


def test_choosing_a_comparison_is_a_post_and_a_get_changes_nothing(client, scan, people):
    attempt = submitted(scan, people["anna"])
    result = f"/zelfscan/poging/{attempt.pk}/resultaat/"
    client.force_login(people["anna"])
    html = client.get(result + f"?profile={scan['profile'].pk}").content.decode()
    assert '<form class="spil-search" method="post">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    attempt.refresh_from_db()
    assert attempt.target_profile is None, "a GET writes nothing"
    assert client.post(result, {"profile": "987654"}).status_code == 400
    client.post(result, {"profile": scan["profile"].pk})
    attempt.refresh_from_db()
    assert attempt.target_profile == scan["profile"]
    client.post(result, {"profile": ""})
    attempt.refresh_from_db()
    assert attempt.target_profile is None
    client.force_login(people["bram"])
    assert client.post(result, {"profile": scan["profile"].pk}).status_code == 404
    attempt.refresh_from_db()
    assert attempt.target_profile is None


def test_starting_an_unknown_scan_is_a_404(client, people):
    client.force_login(people["anna"])
    for page_id in ("987654", "9" * 30):
        assert client.post(f"/zelfscan/{page_id}/starten/").status_code == 404


@pytest.mark.parametrize("viewer", ["bram", "hr", "other_hr"])
def test_nobody_else_sees_a_result(client, scan, people, viewer):
    attempt = submitted(scan, people["anna"])
    client.force_login(people[viewer])
    for url in [
        f"/zelfscan/poging/{attempt.pk}/resultaat/",
        f"/zelfscan/poging/{attempt.pk}/stap/1/",
        f"/zelfscan/poging/{attempt.pk}/tweede-blik/",
        f"/hr/zelfscans/poging/{attempt.pk}/",
    ]:
        assert client.get(url).status_code in (403, 404), url
    assert client.post(f"/zelfscan/poging/{attempt.pk}/delen/", {"share": "1"}).status_code == 404
    attempt.refresh_from_db()
    assert not attempt.is_shared


def test_hr_sees_a_shared_result_until_it_is_withdrawn(client, scan, people):
    attempt = submitted(scan, people["anna"])
    client.force_login(people["anna"])
    client.post(f"/zelfscan/poging/{attempt.pk}/delen/", {"share": "1"})
    client.force_login(people["hr"])
    assert client.get(f"/hr/zelfscans/poging/{attempt.pk}/").status_code == 200
    assert people["anna"].full_name in client.get("/hr/zelfscans/").content.decode()
    client.force_login(people["other_hr"])
    assert client.get(f"/hr/zelfscans/poging/{attempt.pk}/").status_code == 404
    client.force_login(people["anna"])
    client.post(f"/zelfscan/poging/{attempt.pk}/delen/", {"share": "0"})
    client.force_login(people["hr"])
    assert client.get(f"/hr/zelfscans/poging/{attempt.pk}/").status_code == 404


def test_hr_overview_hides_small_groups_and_is_refused_to_learners(client, scan, people):
    submitted(scan, people["anna"])
    client.force_login(people["hr"])
    html = client.get("/hr/zelfscans/").content.decode()
    assert "Te weinig deelnemers" in html
    client.force_login(people["anna"])
    assert client.get("/hr/zelfscans/").status_code == 403


def test_the_invitation_link_works_once_and_then_says_so(
    client, scan, people, mailoutbox, django_capture_on_commit_callbacks
):
    attempt = submitted(scan, people["anna"])
    client.force_login(people["anna"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/zelfscan/poging/{attempt.pk}/tweede-blik/",
            {"name": "Chef", "email": "chef@example.org", "relation": "manager"},
        )
    assert response.status_code == 302
    link = next(line for line in mailoutbox[0].body.splitlines() if "/zelfscan/tweede-blik/" in line)
    path = link[link.index("/zelfscan/") :]
    client.logout()
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"], "a page behind a private link is never cached"
    partial = {f"statement-{scan['statements'][0].pk}": "3"}
    response = client.post(path, partial)
    assert response.status_code == 400
    assert 'value="3" checked' in response.content.decode()
    full = {f"statement-{s.pk}": "3" for s in scan["statements"]}
    assert client.post(path, full).status_code == 200
    assert client.get(path).status_code == 410
    assert client.post(path, full).status_code == 410
    assert client.get("/zelfscan/tweede-blik/niet-bestaand/").status_code == 404
    assert Invitation.objects.get().used_at is not None


def test_invitation_form_errors_keep_the_input(client, scan, people):
    attempt = submitted(scan, people["anna"])
    client.force_login(people["anna"])
    response = client.post(
        f"/zelfscan/poging/{attempt.pk}/tweede-blik/", {"name": "Chef", "email": "geen-adres", "relation": "manager"}
    )
    assert response.status_code == 400
    assert 'value="Chef"' in response.content.decode()


def test_plan_add_and_remove(client, scan, people):
    attempt = submitted(scan, people["anna"], level=1)
    client.force_login(people["anna"])
    response = client.post(
        "/mijn/ontwikkelplan/toevoegen/",
        {
            "track": scan["track"].pk,
            "competency": scan["planning"].pk,
            "attempt": attempt.pk,
            "next": "https://evil.example.com/",
        },
    )
    assert response["Location"] == "/mijn/"
    html = client.get("/mijn/").content.decode()
    assert "Mijn ontwikkelplan" in html
    assert "Projectplanning" in html
    client.force_login(people["bram"])
    item = people["anna"].development_plan.items.get()
    client.post(f"/mijn/ontwikkelplan/{item.pk}/verwijderen/")
    assert people["anna"].development_plan.items.exists(), "another learner cannot remove it"
    response = client.post("/mijn/ontwikkelplan/toevoegen/", {"track": scan["track"].pk, "attempt": attempt.pk})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "data",
    [{"track": "abc"}, {"track": "987654"}, {}, {"track": "1", "attempt": "x"}, {"track": "1", "competency": "y"}],
)
def test_plan_add_refuses_bad_input_without_an_error(client, scan, people, data):
    client.force_login(people["anna"])
    assert client.post("/mijn/ontwikkelplan/toevoegen/", data).status_code == 404


JUNK_NEXT = [
    "true",
    "mijn",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "https://evil.example.com/",
    "http://testserver/mijn/",
    "javascript:alert(1)",
    "\x00",
    "/mijn/\x00",
    "/mijn/\r\nSet-Cookie: x=1",
    " /mijn/",
    "",
]


@pytest.mark.parametrize("target", JUNK_NEXT)
@pytest.mark.parametrize("secure", [False, True])
def test_plan_add_falls_back_on_a_bad_next_never_an_error(client, scan, people, target, secure):
    client.force_login(people["anna"])
    response = client.post("/mijn/ontwikkelplan/toevoegen/", {"track": scan["track"].pk, "next": target}, secure=secure)
    assert response.status_code == 302
    assert response["Location"] == "/mijn/"
    assert people["anna"].development_plan.items.filter(track=scan["track"]).exists()


@pytest.mark.parametrize("target", JUNK_NEXT)
def test_plan_remove_falls_back_on_a_bad_next_never_an_error(client, scan, people, target):
    item = services.add_to_plan(user=people["anna"], track=scan["track"])
    client.force_login(people["anna"])
    response = client.post(f"/mijn/ontwikkelplan/{item.pk}/verwijderen/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/mijn/"
    assert not people["anna"].development_plan.items.exists()


@pytest.mark.parametrize("secure", [False, True])
def test_a_path_on_this_site_is_followed(client, scan, people, secure):
    attempt = submitted(scan, people["anna"], level=1)
    client.force_login(people["anna"])
    back = f"/zelfscan/poging/{attempt.pk}/resultaat/?doel={scan['profile'].pk}"
    response = client.post(
        "/mijn/ontwikkelplan/toevoegen/",
        {"track": scan["track"].pk, "attempt": attempt.pk, "next": back},
        secure=secure,
    )
    assert response["Location"] == back
    item = people["anna"].development_plan.items.get()
    response = client.post(f"/mijn/ontwikkelplan/{item.pk}/verwijderen/", {"next": back}, secure=secure)
    assert response["Location"] == back


def test_anonymous_visitors_cannot_change_a_plan_or_see_hr_pages(client, scan, people):
    item = services.add_to_plan(user=people["anna"], track=scan["track"])
    attempt = submitted(scan, people["anna"])
    services.set_sharing(user=people["anna"], attempt=attempt, shared=True)
    for response in (
        client.post("/mijn/ontwikkelplan/toevoegen/", {"track": scan["track"].pk, "next": "true"}),
        client.post(f"/mijn/ontwikkelplan/{item.pk}/verwijderen/", {"next": "true"}),
        client.get("/hr/zelfscans/"),
        client.get(f"/hr/zelfscans/poging/{attempt.pk}/"),
        client.get(f"/zelfscan/poging/{attempt.pk}/resultaat/"),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert people["anna"].development_plan.items.count() == 1


def test_the_hr_overview_says_it_uses_shared_results_only(client, scan, people):
    client.force_login(people["hr"])
    html = client.get("/hr/zelfscans/").content.decode()
    assert "alleen gemaakt van resultaten die deelnemers zelf met hun HR-adviseur hebben gedeeld" in html
    assert "minstens 5 mensen hun resultaat deelden" in html


def test_the_hr_overview_shows_averages_of_five_sharers_only(client, scan, people):
    zeist = people["anna"].memberships.get().organisation
    learners = [people["anna"], people["bram"]] + [LearnerFactory(organisation=zeist).user for _ in range(4)]
    for learner in learners[:4]:
        services.set_sharing(user=learner, attempt=submitted(scan, learner), shared=True)
    submitted(scan, learners[4])  # not shared
    client.force_login(people["hr"])
    assert "Te weinig deelnemers" in client.get("/hr/zelfscans/").content.decode()
    services.set_sharing(user=learners[5], attempt=submitted(scan, learners[5]), shared=True)
    html = client.get("/hr/zelfscans/").content.decode()
    assert "Gemiddeld niveau van 5 gedeelde resultaten" in html


@pytest.mark.parametrize("target", JUNK_NEXT)
@pytest.mark.parametrize("secure", [False, True])
def test_safe_next_itself_refuses_junk(rf, target, secure):
    """Straight at the helper, past any middleware that cleans input first."""
    from assessments.views import _safe_next

    response = _safe_next(rf.post("/mijn/ontwikkelplan/toevoegen/", {"next": target}, secure=secure))
    assert response["Location"] == "/mijn/"
    assert _safe_next(rf.post("/", {"next": "/mijn/?tab=plan"}, secure=secure))["Location"] == "/mijn/?tab=plan"
