"""The fixed-window rate limit, counted in Django's cache."""

import threading
import types

import pytest
from django.core.cache import cache

from common import throttle
from common.throttle import Throttle

# The start of a window of 600 seconds, plus ten seconds.
START = 1_800_000_000.0 + 10


@pytest.fixture
def clock(monkeypatch):
    clock = types.SimpleNamespace(time=lambda: START)
    monkeypatch.setattr(throttle, "time", clock)
    return clock


def test_allows_the_limit_and_refuses_the_next(clock):
    limit = Throttle("test", window=600)
    assert [limit.hit("ip:10.0.0.1", limit=3) for _ in range(5)] == [True, True, True, False, False]


def test_keys_scopes_and_limits_count_apart(clock):
    first, second = Throttle("first", window=600), Throttle("second", window=600)
    assert first.hit("a", limit=1)
    assert not first.hit("a", limit=1)
    assert first.hit("b", limit=1), "another key"
    assert second.hit("a", limit=1), "another scope"
    assert first.hit("a", limit=5), "a larger limit for the same key"


def test_the_next_window_starts_afresh(clock):
    limit = Throttle("test", window=600)
    assert limit.seconds_left() == 590
    assert limit.hit("a", limit=1)
    assert not limit.hit("a", limit=1)
    clock.time = lambda: START + 589
    assert not limit.hit("a", limit=1)
    assert limit.seconds_left() == 1
    clock.time = lambda: START + 590
    assert limit.seconds_left() == 600
    assert limit.hit("a", limit=1)


def test_a_count_that_expired_between_add_and_incr_starts_again(clock, monkeypatch):
    limit = Throttle("test", window=600)

    def expired(key, delta=1, version=None):
        cache.delete(key)
        raise ValueError(f"Key '{key}' not found")

    monkeypatch.setattr(cache, "incr", expired)
    assert limit.hit("a", limit=1)
    assert cache.get(f"test:a:{int(START // 600)}") == 1


def test_parallel_hits_cannot_slip_through(clock):
    limit = Throttle("test", window=600)
    allowed = []
    barrier = threading.Barrier(20)

    def hit():
        barrier.wait()
        allowed.append(limit.hit("a", limit=7))

    threads = [threading.Thread(target=hit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(allowed) == [False] * 13 + [True] * 7
