"""Home page versus floor: how much of Django's bare throughput does the Wagtail home page keep?

    .venv/bin/python -m benchmarks.run [--seconds N] [--concurrency C]

Builds a throw-away SQLite site, serves it with gunicorn (2 sync workers) on 127.0.0.1, loads
the floor view and then the home page, prints a table and writes benchmarks/results/latest.json.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

from benchmarks import load

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
WORKERS = 2
TARGETS = [("floor", "/__bench__/floor/"), ("home", "/")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((load.LOOPBACK, 0))
        return sock.getsockname()[1]


def bench_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DATABASE_URL=f"sqlite:///{tmp / 'bench.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp / "private"),
        STATIC_ROOT=str(tmp / "static"),
        REDIS_URL="",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args, "-v", "0"], cwd=ROOT, env=env, check=True)


def wait_until_up(server: subprocess.Popen[bytes], port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {server.returncode} before answering")
        conn = http.client.HTTPConnection(load.LOOPBACK, port, timeout=2)
        try:
            conn.request("GET", TARGETS[0][1])
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            conn.close()
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on port {port} within {timeout:.0f}s")


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def report(results: dict[str, load.Result]) -> float:
    print(f"{'target':<7} {'path':<18} {'requests':>9} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8}")
    for name, r in results.items():
        print(
            f"{name:<7} {r.path:<18} {r.requests:>9} {r.requests_per_second:>9.1f} "
            f"{r.percentile_ms(50):>8.2f} {r.percentile_ms(95):>8.2f}"
        )
    floor = results["floor"].requests_per_second
    ratio = results["home"].requests_per_second / floor if floor else float("nan")
    print(f"home/floor: {ratio:.2f}x of the floor")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per target")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent clients")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds per target first")
    args = parser.parse_args()
    if args.seconds <= 0 or args.warmup < 0 or args.concurrency < 1:
        parser.error("--seconds must be > 0, --warmup >= 0 and --concurrency >= 1")

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_sigterm)

    with tempfile.TemporaryDirectory(prefix="spil-bench-") as tmp:
        env = bench_env(Path(tmp))
        (Path(tmp) / "static").mkdir()  # WhiteNoise warns about a missing STATIC_ROOT otherwise.
        print(f"Preparing a fresh database in {tmp} ...", flush=True)
        manage(env, "migrate", "--no-input")
        manage(env, "setup_site")

        port = free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "benchmarks.wsgi", "--bind", f"{load.LOOPBACK}:{port}"]
        command += ["--workers", str(WORKERS), "--worker-class", "sync", "--log-level", "warning"]
        # Own session, so a Ctrl-C reaches only this runner, which then stops gunicorn itself.
        server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        try:
            wait_until_up(server, port)
            for _, path in TARGETS:
                warmup = load.run(port, path, args.warmup, args.concurrency)
                if warmup.failures:
                    raise RuntimeError(f"warm-up of {path} failed: {dict(warmup.statuses)}")
            results: dict[str, load.Result] = {}
            for name, path in TARGETS:
                print(f"Loading {path} for {args.seconds:g}s with {args.concurrency} clients ...", flush=True)
                results[name] = load.run(port, path, args.seconds, args.concurrency)
        finally:
            stop(server)

    print()
    ratio = report(results)
    RESULTS.parent.mkdir(exist_ok=True)
    payload = {
        "scenario": "home-vs-floor",
        "finished_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "seconds": args.seconds,
        "concurrency": args.concurrency,
        "gunicorn_workers": WORKERS,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "targets": {name: r.summary() for name, r in results.items()},
        "home_over_floor": round(ratio, 3),
    }
    RESULTS.write_text(json.dumps(payload, indent=2) + "\n")
    print(f"Wrote {RESULTS.relative_to(ROOT)}")

    failed = {name: dict(r.statuses) for name, r in results.items() if r.failures}
    if failed:
        print(f"Non-200 responses: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
