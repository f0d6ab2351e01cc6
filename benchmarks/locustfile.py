"""The people of the load test (``benchmarks.loadtest``) and what they do on the site.

Started by the runner, one locust process per phase (``locust -f benchmarks/locustfile.py
--headless ...`` with the user classes of the phase), and told by environment variables:

- ``SPIL_LOAD_DATA``: the JSON file the runner prepared: the site's pages, and the signed-in
  people (role, session key, the ids and addresses they work with). Sessions are made in the
  database beforehand, not through the login form, which is rate limited and slow by design.
- ``SPIL_LOAD_PLAN``: JSON, what this phase measures. ``{"mode": "stages", "stages": [{"name",
  "path", "role"}, ...], "stage_seconds": S, "warmup": W}``: every user asks for the first
  page for S seconds, then the next, so each page has the whole server to itself, as the floor
  has; the first W seconds of each stage are not counted (cold caches, spawning).
  ``{"mode": "mixed", "seconds": S, "warmup": W, "wait_max": T}``: the journeys below side by
  side, with a think time of 0 to T seconds between tasks (0: saturation).
- ``SPIL_LOAD_OUT``: where to write the raw figures at the end (latencies of the requests that
  completed inside the measured window, by page; statuses; failures with their reason; how
  often ``X-Spil-Cache`` said hit or miss). The runner turns them into the report.

Every request says what it expects (a 200 for a page, a 302 for a form that redirects); any
other answer, a 429 or a 500 too, is a failure with the status and the address in its reason.
The locust ``FastHttpUser`` is used because it costs the least CPU per request: locust runs
on the same two cores as the site.
"""

from __future__ import annotations

import http.cookiejar
import itertools
import json
import os
import random
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import gevent
from locust import between, constant, events, task
from locust.contrib.fasthttp import FastHttpUser, ResponseContextManager
from locust.exception import StopUser

DATA: dict[str, Any] = (
    json.loads(Path(os.environ["SPIL_LOAD_DATA"]).read_text()) if "SPIL_LOAD_DATA" in os.environ else {}
)
PLAN: dict[str, Any] = json.loads(os.environ.get("SPIL_LOAD_PLAN", '{"mode": "mixed", "seconds": 60, "warmup": 5}'))
OUT = os.environ.get("SPIL_LOAD_OUT", "")
WAIT_MAX = float(PLAN.get("wait_max", 0))
COOKIE_HOST = "127.0.0.1"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATEMENT_INPUT = re.compile(r'name="(statement-\d+)"')
EXPORT_POLL_SECONDS = 0.5
EXPORT_TIMEOUT = 120.0
RNG = random.Random()  # noqa: S311 (which page to read next, not a secret)

# What the request listener collects, by page name.
LATENCIES: dict[str, list[float]] = defaultdict(list)
STATUSES: dict[str, Counter[str]] = defaultdict(Counter)
FAILURES: dict[str, Counter[str]] = defaultdict(Counter)
CACHE: dict[str, Counter[str]] = defaultdict(Counter)
CLOCK: dict[str, float] = {}


def measured_window(name: str) -> tuple[float, float]:
    """The epoch seconds in which a request of ``name`` counts: after the warm-up of its stage."""
    t0 = CLOCK.get("t0", 0.0)
    warmup = float(PLAN.get("warmup", 0))
    if PLAN.get("mode") == "stages":
        seconds = float(PLAN["stage_seconds"])
        for index, stage in enumerate(PLAN["stages"]):
            if stage["name"] == name:
                return t0 + index * seconds + warmup, t0 + (index + 1) * seconds
        return 0.0, 0.0
    return t0 + warmup, t0 + warmup + float(PLAN["seconds"])


def planned_seconds() -> float:
    if PLAN.get("mode") == "stages":
        return len(PLAN["stages"]) * float(PLAN["stage_seconds"])
    return float(PLAN.get("warmup", 0)) + float(PLAN["seconds"])


@events.test_start.add_listener
def on_test_start(environment: Any, **kwargs: Any) -> None:
    CLOCK["t0"] = time.time()
    gevent.spawn(finish_when_done, environment)


def finish_when_done(environment: Any) -> None:
    """At the end of the plan no user starts another request; once the requests under way have
    come back (slow pages queue for seconds at saturation), locust quits."""
    gevent.sleep(planned_seconds())
    CLOCK["over"] = 1.0
    deadline = time.time() + 60
    while environment.runner.user_count > 0 and time.time() < deadline:
        gevent.sleep(0.1)
    environment.runner.quit()


@events.request.add_listener
def on_request(
    request_type: str,
    name: str,
    response_time: float,
    response: Any,
    exception: BaseException | None,
    start_time: float,
    **kwargs: Any,
) -> None:
    """Keeps what the runner reports; only requests that started inside the measured window."""
    start, end = measured_window(name)
    if not start <= start_time < end:
        return
    status = str(getattr(response, "status_code", "") or "error")
    STATUSES[name][status] += 1
    if exception is not None:
        FAILURES[name][str(exception)[:300]] += 1
        return
    LATENCIES[name].append(response_time)
    headers = getattr(response, "headers", None) or {}
    CACHE[name][headers.get("X-Spil-Cache", "none")] += 1


@events.quitting.add_listener
def on_quitting(environment: Any, **kwargs: Any) -> None:
    if not OUT:
        return
    payload = {
        "plan": PLAN,
        "t0": CLOCK.get("t0"),
        "pages": {
            name: {
                "window": measured_window(name)[1] - measured_window(name)[0],
                "latencies_ms": LATENCIES.get(name, []),
                "statuses": dict(STATUSES[name]),
                "failures": dict(FAILURES.get(name, {})),
                "cache": dict(CACHE.get(name, {})),
            }
            for name in STATUSES
        },
    }
    with open(OUT, "w") as file:
        json.dump(payload, file)


# Helpers -------------------------------------------------------------------------------------


def expect(response: ResponseContextManager, *statuses: int) -> bool:
    """Marks the request failed unless its status is one of ``statuses`` (with what came instead)."""
    if response.status_code in statuses:
        response.success()
        return True
    where = response.headers.get("Location", "") if response.headers else ""
    response.failure(f"{response.status_code} for {response.request_meta['url']}" + (f" -> {where}" if where else ""))
    return False


class SiteUser(FastHttpUser):
    """A visitor with a browser's cookie jar; signed in when given a prepared session key."""

    abstract = True
    wait_time = between(0, WAIT_MAX) if WAIT_MAX > 0 else constant(0)
    role = ""
    counter = itertools.count()

    def on_start(self) -> None:
        self.number = next(SiteUser.counter)
        people = DATA.get(self.role, []) if self.role else []
        self.person: dict[str, Any] = people[self.number % len(people)] if people else {}
        if self.person:
            self.sign_in(self.person["session_key"])

    def sign_in(self, session_key: str | None) -> None:
        """Starts a fresh cookie jar, with the session cookie when ``session_key`` is given."""
        self.client.cookiejar.clear()
        if session_key:
            cookie = http.cookiejar.Cookie(
                version=0,
                name="sessionid",
                value=session_key,
                port=None,
                port_specified=False,
                domain=COOKIE_HOST,
                domain_specified=False,
                domain_initial_dot=False,
                path="/",
                path_specified=True,
                secure=False,
                expires=None,
                discard=False,
                comment=None,
                comment_url=None,
                rest={"HttpOnly": ""},
            )
            self.client.cookiejar.set_cookie(cookie)

    def fail(self, name: str, path: str, reason: str) -> None:
        """A failure that is no HTTP answer (a form missing, a job that failed), counted under ``name``."""
        self.environment.events.request.fire(
            request_type="CHECK",
            name=name,
            response_time=0.0,
            response_length=0,
            response=None,
            exception=RuntimeError(reason),
            context={},
            start_time=time.time(),
            url=path,
        )

    def page(self, path: str, name: str, *, status: int = 200, **kwargs: Any) -> str | None:
        """GET ``path`` expecting ``status``; the body when it came."""
        if CLOCK.get("over"):
            raise StopUser
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False, **kwargs) as response:
            return response.text if expect(response, status) else None

    def submit(self, path: str, name: str, form_html: str | None, data: dict[str, str] | None = None) -> str | None:
        """POST a form with the CSRF token of the page it is on; the redirect's address when it came."""
        token = CSRF_INPUT.search(form_html or "")
        if token is None:
            self.fail(name, path, f"no form with a CSRF token on the page before POST {path}")
            return None
        if CLOCK.get("over"):
            raise StopUser
        body = {"csrfmiddlewaretoken": token.group(1), **(data or {})}
        with self.client.post(path, name=name, data=body, catch_response=True, allow_redirects=False) as response:
            if expect(response, 302):
                return response.headers.get("Location", "")
        return None


# The phases of single pages: the floor, and each page alone ------------------------------------


class StagedPageUser(SiteUser):
    """Asks for the page of the current stage, back to back, as the stage's role (or anonymous)."""

    @task
    def current_page(self) -> None:
        elapsed = time.time() - CLOCK.get("t0", time.time())
        stages = PLAN["stages"]
        stage = stages[min(len(stages) - 1, int(elapsed // float(PLAN["stage_seconds"])))]
        if stage.get("role") != getattr(self, "stage_role", "-"):
            self.stage_role = stage.get("role")
            people = DATA.get(self.stage_role, []) if self.stage_role else []
            self.sign_in(people[self.number % len(people)]["session_key"] if people else None)
        self.page(stage["path"], stage["name"])


# The mixed journeys -------------------------------------------------------------------------------


class AnonymousReader(SiteUser):
    """Reads the catalogue and the role profiles without signing in: most of the site's visitors."""

    weight = 6

    @task(3)
    def catalogue(self) -> None:
        self.page(DATA["paths"]["catalogue"], "catalogue")
        self.page(RNG.choice(DATA["tracks"]), "track page")

    @task(2)
    def role_profiles(self) -> None:
        self.page(DATA["paths"]["role profiles"], "role profiles")
        self.page(RNG.choice(DATA["role_profiles"]), "role profile")

    @task(1)
    def other_pages(self) -> None:
        name, path = RNG.choice(DATA["anonymous_pages"])
        self.page(path, name)


class CertificateChecker(SiteUser):
    """An employer checking a certificate by the address on it (public, no account)."""

    weight = 1

    @task
    def verify(self) -> None:
        self.page(RNG.choice(DATA["certificates"]), "certificate verification")


class Learner(SiteUser):
    """A learner with an active enrolment: the dashboard, the career page, finishing modules in
    order, a self-assessment from start to result, and registering for a circle session (and
    cancelling again, so that the journey can repeat)."""

    weight = 10
    role = "learners"

    def on_start(self) -> None:
        super().on_start()
        self.modules = itertools.cycle(self.person["modules"])

    @task(4)
    def dashboard(self) -> None:
        self.page("/mijn/", "learner dashboard")

    @task(2)
    def career(self) -> None:
        self.page("/mijn/loopbaan/", "learner career")

    @task(3)
    def complete_module(self) -> None:
        path = next(self.modules)
        html = self.page(path, "module page")
        if html is not None:
            self.submit(path, "POST module completion", html)

    @task(1)
    def self_assessment(self) -> None:
        assessment = RNG.choice(DATA["assessments"])
        html = self.page(assessment["path"], "self-assessment page")
        if html is None:
            return
        location = self.submit(assessment["start"], "POST self-assessment start", html)
        for _step in range(30):
            if not location or "/stap/" not in location:
                break
            html = self.page(location, "self-assessment step")
            if html is None:
                return
            levels = {name: str(RNG.randint(1, 4)) for name in set(STATEMENT_INPUT.findall(html))}
            location = self.submit(location, "POST self-assessment step", html, {**levels, "action": "next"})
        if location and "/resultaat/" in location:
            self.page(location, "self-assessment result")
        elif location is not None:
            self.page(location or "/", "self-assessment result")

    @task(1)
    def circle_session(self) -> None:
        session = RNG.choice(DATA["circle_sessions"])
        path = f"/leerkringen/bijeenkomsten/{session}/"
        html = self.page(path, "circle session")
        if html is None:
            return
        if self.submit(f"{path}aanmelden/", "POST circle registration", html) is None:
            return
        html = self.page(path, "circle session")
        self.submit(f"{path}afmelden/", "POST circle cancellation", html)


class HRAdviser(SiteUser):
    """An HR adviser of the big ministry or of a small organisation: the dashboard, and an export
    of the overdue assignments (a background job for the ministry: started, polled, downloaded)."""

    weight = 2
    role = "advisers"

    @task(3)
    def dashboard(self) -> None:
        self.page("/hr/", "HR dashboard")

    @task(1)
    def export(self) -> None:
        path = "/hr/export/te-laat/csv/"
        with self.client.get(path, name="HR export start", catch_response=True, allow_redirects=False) as response:
            if not expect(response, 200, 302):
                return
            job = response.headers.get("Location", "") if response.status_code == 302 else ""
        if not job:
            return  # small enough to stream at once: the CSV came with the first answer
        deadline = time.time() + EXPORT_TIMEOUT
        while time.time() < deadline:
            if CLOCK.get("over"):
                raise StopUser
            with self.client.get(
                job,
                name="HR export progress",
                headers={"Accept": "application/json"},
                catch_response=True,
                allow_redirects=False,
            ) as response:
                if not expect(response, 200):
                    return
                status = response.json().get("status")
            if status == "done":
                self.page(f"{job}download/", "HR export download")
                return
            if status == "failed":
                self.fail("HR export job", job, f"export job {job} failed")
                return
            gevent.sleep(EXPORT_POLL_SECONDS)
        self.fail("HR export job", job, f"export job {job} not done within {EXPORT_TIMEOUT:.0f}s")


class Organiser(SiteUser):
    """A learning-circle organiser: their overview and the page of one of their circles."""

    weight = 1
    role = "organisers"

    @task
    def overview(self) -> None:
        self.page("/leerkringen/beheer/", "organiser overview")
        self.page(f"/leerkringen/beheer/kring/{self.person['circle']}/", "organiser circle")
