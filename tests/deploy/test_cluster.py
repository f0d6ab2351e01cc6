"""Spil on several processes at once, as on several machines: ``deploy/cluster.py up`` starts
two gunicorn instances, two Celery workers and one beat on loopback against a database of
their own, and everything a visitor does on one instance holds on the other, over real HTTP.

What one process does and another must see, and why each would break with a per-process store:
sessions (a login on A is valid on B), the cache (allauth's failed-login counter, and the
anonymous page cache), files (a document an editor uploads in the Wagtail admin on A is served
by B from MEDIA_ROOT; a data export ZIP written by a worker into PRIVATE_MEDIA_ROOT is
downloaded from B) and beat (each scheduled job runs once, not once per worker, and a second
beat is refused).

The test starts real processes and takes about a minute, most of it ``migrate``: it runs in
the real-worker phase of ``make test`` (``-m celery_worker -n 0``) and is skipped without
REDIS_URL or without a PostgreSQL DATABASE_URL, whose server it creates its database on.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import http.client
import http.cookies
import io
import json
import os
import random
import re
import signal
import socket
import struct
import subprocess
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

pytestmark = pytest.mark.celery_worker

ROOT = Path(__file__).resolve().parents[2]
HOST = "localhost"  # the one public name both instances answer to, as behind a load balancer
PASSWORD = "Lang-genoeg-2026"
RELAY_INTERVAL = 2.0
# An editor with an authenticator app: production settings ask editors for two-step verification.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
CREATE_PEOPLE = f"""
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from people.models import User
for email, name in [("lea@example.org", "Lea Jansen"), ("piet@example.org", "Piet Smit")]:
    user = User.objects.create_user(email=email, password="{PASSWORD}", full_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
editor = User.objects.create_superuser(email="eva@example.org", password="{PASSWORD}", full_name="Eva Redactie")
EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
TOTP.activate(editor, "{TOTP_SECRET}")
"""
PUBLISH_TITLE = """
from cms.models import HomePage
page = HomePage.objects.live().get(depth=2)
page.title = "{title}"
page.save_revision().publish()
"""


def totp(secret: str) -> str:
    """The authenticator app's code (RFC 6238: HMAC-SHA1, 30 seconds, 6 digits). allauth
    accepts only the current period's code, so one about to expire is waited out."""
    if (remaining := 30 - time.time() % 30) < 5:
        time.sleep(remaining + 0.1)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", int(time.time() // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body, as a browser sends a form with a file."""
    boundary = f"spil-{random.getrandbits(64):x}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{n}"\r\n\r\n{v}\r\n'.encode() for n, v in fields.items()
    ]
    for name, (filename, content) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(f"{head}Content-Type: text/plain\r\n\r\n".encode() + content + b"\r\n")
    return b"".join([*parts, f"--{boundary}--\r\n".encode()]), f"multipart/form-data; boundary={boundary}"


def wait_for(condition: Callable[[], object], *, timeout: float, every: float = 0.3) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    return condition()


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")

    def csrf_token(self) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.text)
        assert match, f"no CSRF token in the page ({self.status})"
        return match.group(1)


class Browser:
    """Just enough of a browser: its cookies, sent to both instances (cookies belong to the
    host name, not the port, as behind one load balancer). It says it came over https, as a
    TLS-terminating proxy would (``SECURE_PROXY_SSL_HEADER``): production marks the session
    and CSRF cookies Secure and checks the Referer of https posts."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, port: int, method: str, path: str, data: dict | bytes | None = None, **headers: str) -> Response:
        body = urlencode(data).encode() if isinstance(data, dict) else data
        sent = {"Host": HOST, "X-Forwarded-Proto": "https", "Referer": f"https://{HOST}{path}"}
        if isinstance(data, dict):
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        sent.update(headers)
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=sent)
            raw = conn.getresponse()
            response = Response(raw.status, raw.msg, raw.read())
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response

    def get(self, port: int, path: str, **headers: str) -> Response:
        return self.request(port, "GET", path, **headers)

    def post_form(self, port: int, path: str, data: dict, *, form_page: str | None = None) -> Response:
        """Posts as the page's form would: with the CSRF token the page (on the same instance) gave."""
        token = self.get(port, form_page or path).csrf_token()
        return self.request(port, "POST", path, {"csrfmiddlewaretoken": token, **data})

    def log_in(self, port: int, email: str, password: str) -> Response:
        return self.post_form(port, "/accounts/login/", {"login": email, "password": password})

    def log_in_with_code(self, port: int, email: str, password: str, secret: str) -> Response:
        """Password, then the authenticator app's code (allauth's second step)."""
        first = self.log_in(port, email, password)
        assert first.status == 302, first.text[:2000]
        assert first.headers["Location"] == "/accounts/2fa/authenticate/"
        token = self.get(port, "/accounts/2fa/authenticate/").csrf_token()
        code = totp(secret)  # after the page, so the code is fresh when it is posted
        return self.request(port, "POST", "/accounts/2fa/authenticate/", {"csrfmiddlewaretoken": token, "code": code})


@dataclass
class Cluster:
    directory: Path
    database_url: str
    web_a: int
    web_b: int
    supervisor: subprocess.Popen[bytes]

    def log(self, name: str) -> str:
        path = self.directory / "logs" / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def logs(self) -> str:
        """The tail of every log, for an assertion's message."""
        names = ["supervisor", "web-a", "web-b", "worker-1", "worker-2", "beat", "migrate"]
        return "\n".join(f"--- {name}\n{self.log(name)[-2500:]}" for name in names)

    def run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "deploy.cluster", *args]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)  # noqa: S603

    def manage_shell(self, code: str) -> None:
        result = self.run("manage", "--dir", str(self.directory), "--", "shell", "-c", code)
        assert result.returncode == 0, result.stdout + result.stderr

    def state(self) -> dict | None:
        path = self.directory / "cluster.json"
        with contextlib.suppress(FileNotFoundError, ValueError):
            return json.loads(path.read_text())
        return None

    def health(self, port: int) -> dict:
        response = Browser().get(port, "/health/")
        assert response.status == 200, response.text
        return json.loads(response.body)


def free_port_pair() -> int:
    """A port whose neighbour is free too: web-a and web-b take base and base + 1."""
    for _ in range(50):
        base = random.randint(20000, 40000)  # noqa: S311
        with socket.socket() as first, socket.socket() as second:
            try:
                first.bind(("127.0.0.1", base))
                second.bind(("127.0.0.1", base + 1))
            except OSError:
                continue
        return base
    raise RuntimeError("no two free neighbouring ports")


def postgres_server() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme not in ("postgres", "postgresql", "pgsql"):
        pytest.skip("DATABASE_URL is not a PostgreSQL server: the cluster needs one to create its database on")
    return url


def drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    server = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(server, autocommit=True) as conn:
        name = sql.Identifier(parts.path.lstrip("/"))
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))


def stop(cluster_dir: Path, supervisor: subprocess.Popen[bytes]) -> None:
    """The supervisor stops its processes on SIGTERM; whatever is left is killed by group,
    so nothing outlives the test, even when it failed half-way through start-up."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(supervisor.pid, signal.SIGTERM)
    try:
        supervisor.wait(timeout=40)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(supervisor.pid, signal.SIGKILL)
        supervisor.wait(timeout=10)
    state_path = cluster_dir / "cluster.json"
    pids = [p["pid"] for p in json.loads(state_path.read_text())["processes"]] if state_path.exists() else []
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url:
        pytest.skip("REDIS_URL is not set: there is no broker for the cluster's Celery workers")
    database_url = urlunsplit(urlsplit(postgres_server())._replace(path=f"/spil_cluster_{os.getpid()}"))
    drop_database(database_url)  # left by an earlier run that was killed
    import redis

    # Messages other tests may have left in the default queue are not this cluster's, and the
    # cache starts empty (Django's keys, "spil:1:..."), so that a failed-login count or a page
    # stored by an earlier run cannot pass for one stored by this cluster.
    client = redis.Redis.from_url(redis_url)
    client.delete("celery", "unacked", "unacked_index")
    for key in client.scan_iter("spil:1:*", count=1000):
        client.delete(key)
    directory = tmp_path / "cluster"
    base = free_port_pair()
    command = [sys.executable, "-m", "deploy.cluster", "up", "--dir", str(directory), "--base-port", str(base)]
    command += ["--database-url", database_url, "--redis-url", redis_url, "--relay-interval", str(RELAY_INTERVAL)]
    command += ["--web-workers", "2", "--worker-concurrency", "1"]
    directory.mkdir()
    (directory / "logs").mkdir()
    out = (directory / "supervisor.log").open("wb")
    supervisor = subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )
    out.close()
    running = Cluster(directory, database_url, base, base + 1, supervisor)
    try:
        yield running
    finally:
        stop(directory, supervisor)
        drop_database(database_url)


def test_two_instances_two_workers_one_beat_share_sessions_cache_files_and_schedule(cluster: Cluster) -> None:
    started = time.monotonic()
    # The people are made while the processes start, as soon as the database is migrated.

    def migrated() -> bool:
        return (cluster.state() or {}).get("stage") in ("migrated", "ready")

    assert wait_for(lambda: migrated() or cluster.supervisor.poll() is not None, timeout=300), cluster.logs()
    assert cluster.supervisor.poll() is None, cluster.logs()
    cluster.manage_shell(CREATE_PEOPLE)
    assert wait_for(lambda: (cluster.state() or {}).get("ready") or cluster.supervisor.poll() is not None, timeout=300)
    assert (cluster.state() or {}).get("ready"), cluster.logs()
    a, b = cluster.web_a, cluster.web_b
    ready_after = time.monotonic() - started

    # Sessions: signed in through allauth's form on A, the same cookie is Lea's on B.
    lea = Browser()
    signed_in = lea.log_in(a, "lea@example.org", PASSWORD)
    assert signed_in.status == 302, signed_in.text[:2000]
    assert signed_in.headers["Location"] == "/mijn/"
    assert "sessionid" in lea.cookies
    mine = lea.get(b, "/mijn/")
    assert mine.status == 200, mine.text[:2000]
    assert "Lea Jansen" in mine.text

    # The cache: five failed sign-ins for Piet on A lock his account on B too (allauth counts
    # them in the cache), so the right password is refused there.
    piet = Browser()
    for _ in range(5):
        assert piet.log_in(a, "piet@example.org", "fout-wachtwoord").status == 200
    refused = piet.log_in(b, "piet@example.org", PASSWORD)
    assert refused.status == 200, "signed in on B despite the failures counted on A"
    assert "Te veel inlogpogingen" in refused.text
    assert "sessionid" not in piet.cookies

    # The anonymous page cache (cms/pagecache.py, on by default): a page B stored is a hit on
    # A, and publishing a new title from a third process reaches B at once.
    visitor = Browser()
    first, second, on_a = visitor.get(b, "/"), visitor.get(b, "/"), visitor.get(a, "/")
    assert first.status == second.status == on_a.status == 200
    page_cache = (ROOT / "cms" / "pagecache.py").exists()
    if page_cache:
        assert first.headers.get("X-Spil-Cache") == "miss", "the anonymous page cache is not switched on"
        assert second.headers["X-Spil-Cache"] == "hit"
        assert on_a.headers["X-Spil-Cache"] == "hit", "A did not see the page B stored"
        cluster.manage_shell(PUBLISH_TITLE.format(title="Spil op twee machines"))
        after = visitor.get(b, "/")
        assert "Spil op twee machines" in after.text
        assert after.headers["X-Spil-Cache"] == "miss"

    # Files: the export is asked for on A, made by a worker into the shared private storage,
    # followed and downloaded on B.
    asked = lea.post_form(a, "/mijn/privacy/export/", {}, form_page="/mijn/privacy/")
    assert asked.status == 302, asked.text[:2000]
    export_page = asked.headers["Location"]

    def done() -> bool:
        progress = json.loads(lea.get(b, export_page, Accept="application/json").body)
        assert progress["status"] != "failed", cluster.logs()
        return progress["status"] == "done"

    assert wait_for(done, timeout=60), cluster.logs()
    download = lea.get(b, f"{export_page}download/")
    assert download.status == 200, download.text[:2000]
    assert download.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(download.body)) as archive:
        assert archive.namelist()
    stored = list((cluster.directory / "private").rglob("*.zip"))
    assert [path.read_bytes() for path in stored] == [download.body], "not the file in the shared storage"
    ran_export = [n for n in ("worker-1", "worker-2") if "Task privacy.tasks.run_data_export[" in cluster.log(n)]
    assert len(ran_export) == 1, "the export ran on both workers"

    # Uploads: a document an editor uploads in the Wagtail admin on A is listed and served on B.
    eva = Browser()
    second_step = eva.log_in_with_code(a, "eva@example.org", PASSWORD, TOTP_SECRET)
    assert second_step.status == 302, second_step.text[:2000]
    form = eva.get(a, "/admin/documents/add/")
    assert form.status == 200, form.text[:2000]
    content = f"Uploaded on A at {time.time()}\n".encode()
    fields = {"csrfmiddlewaretoken": form.csrf_token(), "title": "Rooster", "tags": ""}
    if 'name="collection"' in form.text:  # Wagtail asks only when there is more than one
        chosen = re.search(r'<option value="(\d+)"', form.text[form.text.index('name="collection"') :])
        fields["collection"] = chosen.group(1) if chosen else ""
    body, content_type = multipart(fields, {"file": ("rooster.txt", content)})
    uploaded = eva.request(a, "POST", "/admin/documents/add/", body, **{"Content-Type": content_type})
    assert uploaded.status == 302, uploaded.text[:3000]
    listing = eva.get(b, "/admin/documents/")
    link = re.search(r'href="(/documents/\d+/rooster[^"]*\.txt)"', listing.text)
    assert link, listing.text[:3000]
    served = eva.get(b, link.group(1))
    assert served.status == 200, served.text[:2000]
    assert served.body == content
    assert [p.read_bytes() for p in (cluster.directory / "media").rglob("rooster*.txt")] == [content]

    # /health/ on both: database, cache, storage, broker, and the workers' heartbeat.
    for port in (a, b):
        report = cluster.health(port)
        assert report["status"] == "ok", report
        assert report["services"]["workers"] == "ok", report

    # Beat: a second one is refused while the first holds the deployment's lock.
    second_beat = cluster.run("beat", "--dir", str(cluster.directory), timeout=30)
    assert second_beat.returncode == 3, second_beat.stdout + second_beat.stderr
    assert "refused" in second_beat.stdout

    # Beat's jobs ran once each, not once per worker: every relay beat published was run by
    # exactly one of the two workers (beat's log names each message's id).
    wait_for(lambda: cluster.log("beat").count("Sending due task outbox-relay") >= 4, timeout=20)
    time.sleep(RELAY_INTERVAL)  # the last one sent has reached a worker
    beat_log = cluster.log("beat")
    sent = beat_log.count("Sending due task outbox-relay (outbox.tasks.relay_outbox)")
    published = re.findall(r"published outbox\.tasks\.relay_outbox\[([0-9a-f-]+)\]", beat_log)
    assert sent >= 4, beat_log
    assert len(published) == sent == len(set(published))
    ran: Counter[str] = Counter()
    for name in ("worker-1", "worker-2"):
        log = cluster.log(name)
        assert f"w{name[-1]}@" in log, f"{name} does not carry its own node name"
        ran.update(re.findall(r"Task outbox\.tasks\.relay_outbox\[([0-9a-f-]+)\] succeeded", log))
    finished = published[:-1]  # the very last may still be on its way
    assert all(ran[task_id] == 1 for task_id in finished), (ran, published)
    assert set(ran) <= set(published), "a relay ran that this beat did not send"
    for web in ("web-a", "web-b"):
        assert "Traceback" not in cluster.log(web), cluster.logs()
    print(
        f"cluster ready after {ready_after:.0f}s; page cache {'proven' if page_cache else 'not there'}; "
        f"{sent} relays sent, run by worker-1/worker-2: "
        f"{sum(1 for i in published if i in cluster.log('worker-1'))}/"
        f"{sum(1 for i in published if i in cluster.log('worker-2'))}"
    )


def test_beat_lock_admits_one_holder_and_frees_only_its_own() -> None:
    """The lock behind "exactly one beat", on the real Redis: a second holder is refused, a
    holder's release never frees another's lock, and a released lock can be taken again."""
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url:
        pytest.skip("REDIS_URL is not set: there is no Redis for the beat lock")
    from deploy.cluster import LOCK_TTL, BeatLock

    key = f"spil:beat-lock:test-{os.getpid()}"
    first, second = BeatLock(redis_url, key), BeatLock(redis_url, key)
    try:
        assert first.acquire(wait=False)
        assert 0 < first.client.ttl(key) <= LOCK_TTL
        assert not second.acquire(wait=False)
        assert second.holder() == first.token
        second.release()  # not its lock: nothing happens
        assert first.holder() == first.token
        first.release()
        assert second.acquire(wait=False)
    finally:
        first.client.delete(key)
