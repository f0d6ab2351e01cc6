"""A small closed-loop HTTP load generator for loopback benchmarks.

Each of ``concurrency`` threads keeps one ``http.client`` connection (keep-alive when the
server allows it, a fresh connection per request when it answers ``Connection: close``) and
sends GET requests back to back until the time or the request budget runs out.
"""

import http.client
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

LOOPBACK = "127.0.0.1"


@dataclass
class Result:
    path: str
    seconds: float
    concurrency: int
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return self.statuses.total()

    @property
    def failures(self) -> int:
        return self.requests - self.statuses["200"]

    @property
    def requests_per_second(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, q: float) -> float:
        """Nearest-rank percentile of the successful requests' latencies, q in [0, 100]."""
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]

    def summary(self) -> dict[str, object]:
        return {
            "path": self.path,
            "seconds": round(self.seconds, 3),
            "concurrency": self.concurrency,
            "requests": self.requests,
            "failures": self.failures,
            "statuses": dict(self.statuses),
            "requests_per_second": round(self.requests_per_second, 1),
            "p50_ms": round(self.percentile_ms(50), 2),
            "p95_ms": round(self.percentile_ms(95), 2),
        }


def run(port: int, path: str, seconds: float, concurrency: int, max_requests: int = 200_000) -> Result:
    """Load ``http://127.0.0.1:{port}{path}`` for ``seconds`` or ``max_requests``, whichever comes first.

    Only 200 responses count towards latencies and throughput; anything else (other
    statuses, connection errors as ``"error"``) is tallied in ``Result.statuses``.
    """
    result = Result(path=path, seconds=seconds, concurrency=concurrency)
    lock = threading.Lock()
    issued = 0
    started = time.perf_counter()
    deadline = started + seconds

    def take_ticket() -> bool:
        nonlocal issued
        with lock:
            issued += 1
            return issued <= max_requests

    def client() -> None:
        conn = http.client.HTTPConnection(LOOPBACK, port, timeout=30)
        latencies: list[float] = []
        statuses: Counter[str] = Counter()
        try:
            while time.perf_counter() < deadline and take_ticket():
                t0 = time.perf_counter()
                try:
                    conn.request("GET", path)
                    response = conn.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException):
                    conn.close()
                    statuses["error"] += 1
                    continue
                statuses[str(response.status)] += 1
                if response.status == 200:
                    latencies.append((time.perf_counter() - t0) * 1000)
        finally:
            conn.close()
            with lock:
                result.statuses.update(statuses)
                result.latencies_ms.extend(latencies)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result
