"""Where an uncached page spends its time: pyinstrument over repeated requests, in process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/spil_bench_pop \\
        .venv/bin/python -m benchmarks.profile_page /leeraanbod/ [--runs 50] [--html out.html]

Requests go through the whole middleware stack with ``benchmarks.settings`` (no debug), the
full-page cache off (``SPIL_PAGE_CACHE_SECONDS=0``) and fragments and kept routes on, as a page
is served to a reader the page cache cannot help (a signed-in one, or the first after a publish;
``--no-fragments`` switches the fragments off too). A few warm-up requests come first. It prints
the mean time, the queries of one request, and pyinstrument's tree (or writes its HTML page).
Needs the ``load`` extra (``pip install -e ".[load]"``). Only reads the database.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("path", help="the page's address, e.g. /leeraanbod/")
    parser.add_argument("--runs", type=int, default=50, help="profiled requests (default 50)")
    parser.add_argument("--no-fragments", action="store_true", help="render the fragments every time too")
    parser.add_argument("--html", help="write pyinstrument's HTML page here instead of printing the tree")
    parser.add_argument(
        "--flat", choices=["self", "total"], help="a flat list of functions by their own (or total) time, not the tree"
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    os.environ["SPIL_PAGE_CACHE_SECONDS"] = "0"
    if args.no_fragments:
        os.environ["SPIL_FRAGMENT_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from pyinstrument import Profiler

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(3):
        response = client.get(args.path)
    if response.status_code != 200:
        print(f"{args.path} answered {response.status_code}; profile a page that answers 200.", file=sys.stderr)
        return 1
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # A wrapper rather than CaptureQueriesContext: a request's start empties the query log.
    with connection.execute_wrapper(count):
        client.get(args.path)
    profiler = Profiler(interval=0.0005)
    started = time.perf_counter()
    profiler.start()
    for _ in range(args.runs):
        client.get(args.path)
    profiler.stop()
    mean_ms = (time.perf_counter() - started) / args.runs * 1000
    size = len(response.content)
    print(f"{args.path}: {mean_ms:.2f} ms a request (profiler on), {len(queries)} queries, {size} bytes")
    if args.html:
        with open(args.html, "w", encoding="utf-8") as out:
            out.write(profiler.output_html())
        print(f"Wrote {args.html}")
    else:
        flat = {"flat": True, "flat_time": args.flat} if args.flat else {}
        print(profiler.output_text(unicode=True, color=False, **flat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
