"""Spil as several processes on loopback, as it runs on several machines: one command.

    .venv/bin/python -m deploy.cluster up [--base-port 8100] [--dir DIR] [--database-url URL] [--redis-url URL]
    .venv/bin/python -m deploy.cluster status [--dir DIR]
    .venv/bin/python -m deploy.cluster down [--dir DIR]          (or Ctrl-C in the terminal of ``up``)
    .venv/bin/python -m deploy.cluster manage [--dir DIR] -- shell -c "..."   (manage.py in the cluster's environment)
    .venv/bin/python -m deploy.cluster beat [--dir DIR] [--wait]  (the one beat, behind a Redis lock)

``up`` migrates, collects static files and sets up the site, and starts two gunicorn instances
of the real site (``cms.settings.production``, DEBUG off) on ``base-port`` and ``base-port + 1``,
two Celery workers (``w1@<host>``, ``w2@<host>``) and one beat; each process starts as soon as
what it needs is there (workers at once, web after collectstatic, beat after migrate). They share what separate
machines would share: one PostgreSQL database, one Redis (cache and broker; sessions are in the
database), one MEDIA_ROOT and one PRIVATE_MEDIA_ROOT. It waits until each instance answers
/health/, prints the addresses and log files, and stays in the foreground as the supervisor:
Ctrl-C, SIGTERM or ``down`` stops everything it started; a process that dies stops the rest,
so a broken cluster is never mistaken for a working one. See deploy/README.md.

Why a Redis lock for beat rather than only a pid file: a pid file guards one machine, and the
point of the exercise is several. Beat takes ``spil:beat-lock:<deployment>`` in the shared Redis
(SET NX with a time-to-live, renewed while it runs); a second beat of the same deployment,
on this machine or another, is refused (or, with ``--wait``, stands by until the lock is free).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime
import hashlib
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
DEFAULT_DIR = Path(tempfile.gettempdir()) / "spil-cluster"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/spil_cluster"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/8"
STATE_FILE = "cluster.json"
ENV_FILE = "cluster.env"
# The beat lock lives this long unless renewed; renewed at a third of it. A beat that cannot
# renew for LOCK_TTL - LOCK_RENEW seconds stops itself before another one could take over.
LOCK_TTL = 30
LOCK_RENEW = 10
RELAY_ENTRY = "outbox-relay"
# Compare-and-renew and compare-and-delete: never touch a lock another beat holds.
RENEW_SCRIPT = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('expire', KEYS[1], ARGV[2]) end return 0"
)
RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
EXIT_BEAT_REFUSED = 3


def log(message: str) -> None:
    """The supervisor's own lines, with a time, so they line up with the processes' logs."""
    print(f"{datetime.datetime.now():%H:%M:%S} cluster: {message}", flush=True)


# --- the environment every process shares ------------------------------------------------


def without_password(url: str) -> str:
    """A database or Redis address fit to print and to hash: the password is never shown."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc}"))


def deployment_id(database_url: str) -> str:
    """One deployment is one database: processes on any machine that share it are one cluster."""
    parts = urlsplit(database_url)
    identity = f"{parts.hostname}:{parts.port or 5432}/{parts.path.lstrip('/')}"
    return hashlib.sha256(identity.encode()).hexdigest()[:16]


def beat_lock_key(database_url: str) -> str:
    return f"spil:beat-lock:{deployment_id(database_url)}"


def read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name] = value
    return values


def write_env_file(path: Path, values: dict[str, str]) -> None:
    """Owner-only: it holds SECRET_KEY and the badge signing key."""
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    lines = ["# The environment of every process of this cluster (deploy/cluster.py). Secret: mode 0600."]
    path.write_text("\n".join([*lines, *(f"{name}={value}" for name, value in values.items())]) + "\n")


def cluster_env(directory: Path, database_url: str, redis_url: str, site_url: str, hosts: list[str]) -> dict[str, str]:
    """The settings the processes share, the secrets kept from an earlier ``up`` of this
    directory (so sessions and signed links survive a restart of the cluster)."""
    env_file = directory / ENV_FILE
    kept = read_env_file(env_file) if env_file.exists() else {}
    values = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # Shared media storage: on one machine a directory; across machines a network file
        # system mounted at the same path on each, or an S3 bucket (deploy/README.md).
        "MEDIA_ROOT": str(directory / "media"),
        "PRIVATE_MEDIA_ROOT": str(directory / "private"),
        "STATIC_ROOT": str(directory / "static"),
        "SECRET_KEY": kept.get("SECRET_KEY") or secrets.token_urlsafe(64),
        "OPEN_BADGES_SIGNING_KEY": kept.get("OPEN_BADGES_SIGNING_KEY")
        or base64.b64encode(secrets.token_bytes(32)).decode(),
        # Production refuses anything but https here; on loopback nothing terminates TLS, so
        # the address is the one a proxy in front would have, and no redirect to it is made.
        "SITE_URL": site_url,
        "ALLOWED_HOSTS": ",".join(hosts),
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    write_env_file(env_file, values)
    return values


def process_env(values: dict[str, str]) -> dict[str, str]:
    """This process's environment with the cluster's settings over it."""
    return {**os.environ, **values}


# --- the database -------------------------------------------------------------------------


def ensure_database(database_url: str) -> bool:
    """Creates the database when it is missing (True when it did): ``up`` on a fresh machine
    needs nothing but a PostgreSQL server it may create databases on."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(server, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


def manage_command(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), *args]


class StopAskedError(Exception):
    """Ctrl-C, SIGTERM or ``down`` while the cluster was still starting."""


Step = tuple[str, subprocess.Popen[bytes]]


def start_step(env: dict[str, str], logs: Path, name: str, *args: str) -> Step:
    """A manage.py command of the release step, into its own log. It stays in the supervisor's
    process group, so a Ctrl-C (or the test's SIGTERM to the group) ends it too."""
    with (logs / f"{name}.log").open("wb") as out:
        command = manage_command(name, *args)
        return name, subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603


def finish_steps(steps: list[Step], logs: Path, stopping: threading.Event) -> None:
    """Waits for the steps; raises when one failed or a stop was asked for meanwhile."""
    while any(proc.poll() is None for _, proc in steps):
        if stopping.wait(0.2):
            raise StopAskedError
    failed = [name for name, proc in steps if proc.returncode != 0]
    if failed:
        raise RuntimeError(f"{', '.join(failed)} failed; see {', '.join(str(logs / f'{n}.log') for n in failed)}")


# --- the processes --------------------------------------------------------------------------


@dataclass
class Process:
    """One started process: its own session (process group), so stopping it stops its
    children too (gunicorn's and Celery's worker processes), and a Ctrl-C in the terminal
    reaches only the supervisor, which stops everything in order."""

    name: str
    command: list[str]
    log: Path
    port: int | None = None
    popen: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self, env: dict[str, str]) -> None:
        out = self.log.open("ab")
        self.popen = subprocess.Popen(  # noqa: S603
            self.command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        out.close()

    @property
    def pid(self) -> int:
        assert self.popen is not None  # noqa: S101
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "pid": self.pid, "port": self.port, "log": str(self.log), "command": self.command}


def signal_group(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signum)


def stop_processes(processes: list[Process], timeout: float = 20.0) -> None:
    """SIGTERM to every group (gunicorn and Celery finish what they are doing), then SIGKILL
    to what is left after ``timeout``: nothing this script started outlives it."""
    for process in reversed(processes):
        if process.popen is not None:
            signal_group(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for process in reversed(processes):
        if process.popen is None:
            continue
        try:
            process.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            log(f"{process.name} did not stop within {timeout:.0f}s: killed")
        # The group may hold children still (a Celery pool process): they go too.
        signal_group(process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.popen.wait(timeout=5)


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


def get_health(port: int, timeout: float = 5.0) -> tuple[int, dict[str, Any]]:
    conn = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        conn.request("GET", "/health/", headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
        response = conn.getresponse()
        body = response.read()
        try:
            return response.status, json.loads(body)
        except ValueError:
            return response.status, {"raw": body[:200].decode(errors="replace")}
    finally:
        conn.close()


def wait_for_health(web: Process, processes: list[Process], timeout: float) -> dict[str, Any]:
    """Until the instance answers /health/ with 200 (ok or degraded: the workers' heartbeat
    comes with beat's first relay); any process dying meanwhile ends the wait."""
    assert web.port is not None  # noqa: S101
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        dead = [p.name for p in processes if not p.alive()]
        if dead:
            raise RuntimeError(f"{', '.join(dead)} exited during start-up; see the logs in {web.log.parent}")
        with contextlib.suppress(OSError):
            status, report = get_health(web.port)
            if status == 200:
                return report
        time.sleep(0.3)
    raise RuntimeError(f"{web.name} did not answer /health/ on port {web.port} within {timeout:.0f}s; see {web.log}")


def build_processes(args: argparse.Namespace, directory: Path) -> list[Process]:
    logs = directory / "logs"
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    processes = []
    for index, name in enumerate(("web-a", "web-b")):
        port = args.base_port + index
        command = [gunicorn, "cms.wsgi", "--bind", f"{LOOPBACK}:{port}", "--workers", str(args.web_workers)]
        # --preload: the site is imported once per instance, not once per worker process.
        command += ["--preload", "--name", f"spil-{name}", "--access-logfile", "-", "--error-logfile", "-"]
        command += ["--graceful-timeout", "10"]
        processes.append(Process(name, command, logs / f"{name}.log", port=port))
    celery = [sys.executable, "-m", "celery", "-A", "cms"]
    for number in (1, 2):
        command = [*celery, "worker", "-n", f"w{number}@%h", "--loglevel", "INFO"]
        command += ["--concurrency", str(args.worker_concurrency)]
        processes.append(Process(f"worker-{number}", command, logs / f"worker-{number}.log"))
    beat = [sys.executable, "-m", "deploy.cluster", "beat", "--dir", str(directory)]
    if args.relay_interval:
        beat += ["--relay-interval", str(args.relay_interval)]
    processes.append(Process("beat", beat, logs / "beat.log"))
    return processes


def read_state(directory: Path) -> dict[str, Any] | None:
    path = directory / STATE_FILE
    if not path.exists():
        return None
    return json.loads(path.read_text())


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cmd_up(args: argparse.Namespace) -> int:
    directory = Path(args.dir).resolve()
    state = read_state(directory)
    if state and pid_alive(state["supervisor_pid"]):
        log(f"a cluster already runs from {directory} (supervisor pid {state['supervisor_pid']}); `down` first")
        return 1
    ports = [args.base_port, args.base_port + 1]
    busy = [port for port in ports if not port_free(port)]
    if busy:
        log(f"port(s) {busy} are in use; choose another --base-port")
        return 1
    for sub in ("media", "private", "static", "logs"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    for old in (directory / "logs").glob("*.log"):
        old.unlink()
    env = process_env(
        cluster_env(directory, args.database_url, args.redis_url, args.site_url, ["127.0.0.1", "localhost"])
    )
    if ensure_database(args.database_url):
        log(f"created database {urlsplit(args.database_url).path.lstrip('/')}")
    processes = build_processes(args, directory)
    stopping = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    state_path = directory / STATE_FILE
    logs = directory / "logs"
    web, workers, beat = processes[:2], processes[2:4], processes[4]
    state: dict[str, Any] = {
        "supervisor_pid": os.getpid(),
        "ready": False,
        "database": without_password(args.database_url),
        "redis": without_password(args.redis_url),
        "dir": str(directory),
        "stage": "starting",
        "processes": [],
    }
    steps: list[Step] = []

    def start(*group: Process) -> None:
        for process in group:
            process.start(env)
        state["processes"] = [p.describe() for p in processes if p.popen is not None]
        state_path.write_text(json.dumps(state, indent=2))

    try:
        # The release step: migrate and collectstatic at once (one needs a core and the
        # database, the other the rest of the CPU). Meanwhile the workers start: importing the
        # site takes seconds, and nothing sends them a task before beat starts after migrate.
        started = time.monotonic()
        migrate = start_step(env, logs, "migrate", "--noinput")
        collectstatic = start_step(env, logs, "collectstatic", "--noinput")
        steps += [migrate, collectstatic]
        start(*workers)
        # The web instances need the collected files (WhiteNoise and the manifest are read at
        # start-up), and nothing asks them for a page before /health/ is polled, after migrate.
        finish_steps([collectstatic], logs, stopping)
        start(*web)
        finish_steps([migrate], logs, stopping)
        log(f"migrated and collected static files in {time.monotonic() - started:.1f}s")
        state["stage"] = "migrated"
        start(beat)
        # The site's pages and locales (idempotent); /health/ does not need them, pages do.
        steps.append(start_step(env, logs, "setup_site"))
        finish_steps(steps[-1:], logs, stopping)
        for instance in web:
            report = wait_for_health(instance, processes, timeout=args.timeout)
            log(f"{instance.name} answers /health/ on http://{LOOPBACK}:{instance.port}/: {report.get('status')}")
        state["ready"], state["stage"] = True, "ready"
        state_path.write_text(json.dumps(state, indent=2))
        log(f"ready {time.monotonic() - started:.1f}s after start; database {state['database']}")
        for process in processes:
            where = f" on http://{LOOPBACK}:{process.port}/" if process.port else ""
            log(f"  {process.name:<9} pid {process.pid}{where}  log {process.log}")
        log(f"  redis {state['redis']}")
        log(f"  media {directory / 'media'}, private media {directory / 'private'}")
        log("Ctrl-C (or `down`) stops all")
        while not stopping.wait(0.5):
            dead = [p for p in processes if not p.alive()]
            if dead:
                for process in dead:
                    log(f"{process.name} exited with code {process.popen.returncode if process.popen else '?'}")
                log("stopping the rest: a cluster with a process missing is not what was asked for")
                return 1
        return 0
    except RuntimeError as exc:
        log(str(exc))
        return 1
    except StopAskedError:
        return 130
    finally:
        log("stopping all processes")
        for _, step in steps:
            if step.poll() is None:
                step.kill()
                step.wait()
        stop_processes(processes)
        with contextlib.suppress(FileNotFoundError):
            state_path.unlink()
        log("stopped")


def cmd_down(args: argparse.Namespace) -> int:
    """Asks the supervisor to stop everything; kills what is left if it does not."""
    directory = Path(args.dir).resolve()
    state = read_state(directory)
    if state is None:
        log(f"no cluster runs from {directory}")
        return 0
    supervisor = state["supervisor_pid"]
    if pid_alive(supervisor):
        os.kill(supervisor, signal.SIGTERM)
        deadline = time.monotonic() + args.timeout
        while pid_alive(supervisor) and time.monotonic() < deadline:
            time.sleep(0.2)
    for process in state["processes"]:
        if pid_alive(process["pid"]):
            log(f"{process['name']} (pid {process['pid']}) still ran: killed")
            signal_group(process["pid"], signal.SIGKILL)
    with contextlib.suppress(FileNotFoundError):
        (directory / STATE_FILE).unlink()
    log("stopped")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    directory = Path(args.dir).resolve()
    state = read_state(directory)
    if state is None:
        log(f"no cluster runs from {directory}")
        return 1
    healthy = pid_alive(state["supervisor_pid"])
    print(f"supervisor pid {state['supervisor_pid']}: {'running' if healthy else 'gone'}; ready: {state['ready']}")
    for process in state["processes"]:
        alive = pid_alive(process["pid"])
        healthy &= alive
        line = f"{process['name']:<9} pid {process['pid']:<7} {'running' if alive else 'gone':<8} {process['log']}"
        if process["port"]:
            try:
                status, report = get_health(process["port"])
                line += f"\n          /health/ {status}: {json.dumps(report)}"
            except OSError as exc:
                healthy = False
                line += f"\n          /health/ unreachable: {exc.__class__.__name__}"
        print(line)
    return 0 if healthy else 1


def cmd_manage(args: argparse.Namespace) -> int:
    """manage.py with the cluster's environment: a release step, a shell, a user to create."""
    env_file = Path(args.dir).resolve() / ENV_FILE
    if not env_file.exists():
        log(f"no {env_file}: run `up` first")
        return 1
    argv = args.manage_args[1:] if args.manage_args[:1] == ["--"] else args.manage_args
    return subprocess.run(manage_command(*argv), cwd=ROOT, env=process_env(read_env_file(env_file))).returncode  # noqa: S603


# --- beat, once ----------------------------------------------------------------------------


class BeatLock:
    """Exactly one beat per deployment, whatever machine it runs on: a key in the shared
    Redis, taken with SET NX and a time-to-live, renewed while beat runs, released when it
    stops. A beat killed without a chance to release it blocks the next one for at most
    LOCK_TTL seconds. When renewing fails for longer than the lock is sure to be still ours,
    beat stops itself, so two beats never run at once, even across a Redis outage."""

    def __init__(self, redis_url: str, key: str):
        import redis

        self.client = redis.Redis.from_url(redis_url, socket_timeout=5, socket_connect_timeout=5)
        self.key = key
        self.token = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self.stopped = threading.Event()

    def holder(self) -> str:
        value = self.client.get(self.key)
        return value.decode() if value else "nobody"

    def acquire(self, *, wait: bool) -> bool:
        announced = False
        while True:
            if self.client.set(self.key, self.token, nx=True, ex=LOCK_TTL):
                return True
            if not wait:
                return False
            if not announced:
                log(f"standing by: {self.holder()} holds {self.key}")
                announced = True
            time.sleep(LOCK_RENEW / 2)

    def keep(self) -> None:
        """Renews in a thread; SIGTERM to this process when the lock is lost or unsure."""

        def renew() -> None:
            last_ok = time.monotonic()
            while not self.stopped.wait(LOCK_RENEW):
                try:
                    if self.client.eval(RENEW_SCRIPT, 1, self.key, self.token, LOCK_TTL):
                        last_ok = time.monotonic()
                        continue
                    log(f"beat lock {self.key} was taken by {self.holder()}: this beat stops")
                except Exception as exc:  # Redis away: keep trying while the lock is surely ours
                    if time.monotonic() - last_ok < LOCK_TTL - LOCK_RENEW:
                        continue
                    log(f"beat lock {self.key} could not be renewed ({exc.__class__.__name__}): this beat stops")
                os.kill(os.getpid(), signal.SIGTERM)
                return

        threading.Thread(target=renew, name="beat-lock", daemon=True).start()

    def release(self) -> None:
        self.stopped.set()
        with contextlib.suppress(Exception):
            self.client.eval(RELEASE_SCRIPT, 1, self.key, self.token)


def cmd_beat(args: argparse.Namespace) -> int:
    """Celery beat behind the deployment's lock (see BeatLock), with the cluster's
    environment when ``--dir`` names one, else this process's (a machine of its own)."""
    env_file = Path(args.dir).resolve() / ENV_FILE if args.dir else None
    if env_file is not None and env_file.exists():
        os.environ.update(read_env_file(env_file))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if not redis_url or not database_url:
        log("beat needs DATABASE_URL and REDIS_URL (or --dir of a cluster)")
        return 1
    lock = BeatLock(redis_url, beat_lock_key(database_url))
    if not lock.acquire(wait=args.wait):
        log(f"refused: another beat of this deployment runs ({lock.holder()} holds {lock.key}); exactly one may")
        return EXIT_BEAT_REFUSED
    log(f"beat lock {lock.key} taken by {lock.token}")
    try:
        lock.keep()
        from cms.celery import app

        if args.relay_interval:
            # For a quick demonstration or test only: the relay (and the workers' heartbeat) every
            # N seconds instead of the settings' 60. Every other job keeps its schedule.
            schedule = dict(app.conf.beat_schedule)
            relay = dict(schedule[RELAY_ENTRY])
            relay["schedule"] = args.relay_interval
            relay["options"] = {**relay.get("options", {}), "expires": max(1.0, args.relay_interval * 55 / 60)}
            schedule[RELAY_ENTRY] = relay
            app.conf.beat_schedule = schedule
            log(f"{RELAY_ENTRY} every {args.relay_interval:g}s (instead of the settings' schedule)")
        _log_published_ids()
        beat_args = ["beat", "--loglevel", args.loglevel]
        schedule_file = args.schedule or (str(Path(args.dir).resolve() / "celerybeat-schedule") if args.dir else "")
        if schedule_file:
            beat_args += ["--schedule", schedule_file]
        return app.start(beat_args) or 0
    finally:
        lock.release()


def _log_published_ids() -> None:
    """Beat says which task it sends ("Sending due task") but, at INFO, not under which id;
    one line per message published, with its id, lets anyone match each send with the one
    worker that ran it."""
    import logging

    from celery.signals import after_task_publish

    logger = logging.getLogger("deploy.cluster")

    def published(sender: str | None = None, headers: dict | None = None, **kwargs: Any) -> None:
        logger.info("published %s[%s]", sender, (headers or {}).get("id"))

    after_task_publish.connect(published, weak=False)


# --- command line ---------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = main.add_subparsers(dest="command", required=True)

    up = commands.add_parser("up", help="migrate, start every process, wait until they answer; Ctrl-C stops")
    up.add_argument("--base-port", type=int, default=8100, help="web-a listens here, web-b on the next port")
    up.add_argument("--dir", default=str(DEFAULT_DIR), help="logs, state, secrets, media and static files")
    up.add_argument("--database-url", default=os.environ.get("SPIL_CLUSTER_DATABASE_URL", DEFAULT_DATABASE_URL))
    up.add_argument("--redis-url", default=os.environ.get("SPIL_CLUSTER_REDIS_URL", DEFAULT_REDIS_URL))
    up.add_argument("--site-url", default="https://localhost", help="the public https address (SITE_URL)")
    up.add_argument("--web-workers", type=int, default=2, help="gunicorn worker processes per instance")
    up.add_argument("--worker-concurrency", type=int, default=2, help="task processes per Celery worker")
    up.add_argument(
        "--relay-interval", type=float, default=0, help="seconds between beat's relays (default: the settings' 60)"
    )
    up.add_argument("--timeout", type=float, default=90, help="seconds to wait for each instance's /health/")
    up.set_defaults(func=cmd_up)

    for name, func, text in (("down", cmd_down, "stop the cluster"), ("status", cmd_status, "processes and health")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--dir", default=str(DEFAULT_DIR))
        sub.add_argument("--timeout", type=float, default=40)
        sub.set_defaults(func=func)

    manage = commands.add_parser("manage", help="manage.py in the cluster's environment: manage -- shell -c ...")
    manage.add_argument("--dir", default=str(DEFAULT_DIR))
    manage.add_argument("manage_args", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)

    beat = commands.add_parser("beat", help="Celery beat behind the deployment's lock (refused if one runs)")
    beat.add_argument("--dir", default="", help="a cluster's directory: its environment and schedule file")
    beat.add_argument("--wait", action="store_true", help="stand by until the lock is free instead of refusing")
    beat.add_argument("--relay-interval", type=float, default=0)
    beat.add_argument("--loglevel", default="INFO")
    beat.add_argument("--schedule", default="", help="beat's schedule file (default: DIR/celerybeat-schedule)")
    beat.set_defaults(func=cmd_beat)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
