"""The benchmark behind ``make bench``: a 10,000-page dossier served as in production.

    python -m bench.run [--pages 10000] [--seconds 5] [--day-seconds 60] [--only day]
                        [--out bench-results.md]

1. Creates its own database: ``<name>_bench`` on the PostgreSQL server of DATABASE_URL, or a
   SQLite file in a temporary folder when DATABASE_URL is unset or SQLite. The demo database
   is never touched.
2. Migrates, loads the demo dossier and adds the synthetic pages (bench/populate.py, which
   times the search index rebuild), then counts the SQL queries of every measured page
   (bench/pages.py).
3. Serves it with gunicorn and the production settings (2 workers, plain HTTP on 127.0.0.1),
   once with the page cache off (every request rendered: "cold") and once on ("warm"), and
   drives each page with wrk from a separate process; the finder's queries are driven once
   more at one connection, with the page cache off.
4. A day's traffic (bench/day.py): Zipf-distributed readers while an editor publishes, through
   gunicorn alone and through Varnish; ``--only day`` runs this phase alone (after the same
   preparation, without the query counts).
5. Prints the table with the performance targets below, writes it to ``--out`` and removes the
   database, the media folder and the servers.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench import day, day_report
from bench.common import PROJECT, PYTHON, free_port, log

LUA = Path(__file__).resolve().parent / "report.lua"
COLD_CONNECTIONS = 8
WARM_CONNECTIONS = 16
WORKERS = 2

# The performance targets: warm pages' throughput and p99, rendered pages' median, SQL queries
# per page; the finder's (search's) throughput and p95 at COLD_CONNECTIONS and at one
# connection, its queries per page, and the time of the search index rebuild.
WARM_MIN_RPS = 1000
WARM_MAX_P99_MS = 50
COLD_MAX_P50_MS = 50
MAX_QUERIES = 15
FINDER_MIN_RPS = 25
FINDER_MAX_P95_MS = 400
FINDER_ONE_MAX_P95_MS = 100
FINDER_MAX_QUERIES = 12
INDEX_MAX_SECONDS = 60
# The day's traffic (bench/day.py) uses a Redis database of its own when a Redis answers here.
DAY_REDIS_URL = "redis://127.0.0.1:6379/7"


@contextmanager
def bench_database(suffix="bench"):
    """A database URL of our own, dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        name = f"{parts.path.lstrip('/') or 'dossier'}_{suffix}"
        admin_url = urlunsplit(parts._replace(path="/postgres"))

        def run(sql):
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(sql)

        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        run(f'CREATE DATABASE "{name}"')
        try:
            yield urlunsplit(parts._replace(path=f"/{name}")), f"PostgreSQL database {name}"
        finally:
            run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        folder = Path(tempfile.mkdtemp(prefix="dossier-bench-db-"))
        try:
            yield f"sqlite:///{folder / 'bench.sqlite3'}", "SQLite file (DATABASE_URL unset)"
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def production_env(database_url, work, **extra):
    """The environment of a production server on loopback over plain HTTP: its own database
    and media folders under ``work``, a random secret key, and ``extra`` settings."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dossier.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(work / "media"),
        "PRIVATE_MEDIA_ROOT": str(work / "private-media"),
        "PYTHONPATH": str(PROJECT),
        **extra,
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=PROJECT, env=env, check=True)


@contextmanager
def server(env, *, page_cache, port=None):
    port = port or free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "dossier.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            # No control socket: its default path is shared by every gunicorn of the user,
            # so a make serve (or the test suite) beside the bench would lose its own.
            "--no-control-socket",
        ],
        cwd=PROJECT,
        env={**env, "PAGE_CACHE_ENABLED": "true" if page_cache else "false"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    raise SystemExit("gunicorn stopped at start") from None
                time.sleep(0.1)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def wrk(url, connections, seconds, *, script=LUA, threads=1):
    """wrk against ``url``; the JSON line its Lua ``script`` prints, as a dict."""
    result = subprocess.run(
        [
            "wrk",
            "--threads",
            str(threads),
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "10s",
            "--script",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def load(url, connections, seconds):
    """The figures of ``url`` under load, after a second of the same load that is not
    counted: every worker has rendered the page (renditions, its own page cache) by then,
    which a few requests in a row do not make sure of."""
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
    wrk(url, connections, 1)
    figures = wrk(url, connections, seconds)
    return {
        "rps": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50": figures["p50_us"] / 1000,
        "p95": figures["p95_us"] / 1000,
        "p99": figures["p99_us"] / 1000,
        "bad": figures["non2xx"] + figures["socket_errors"],
    }


def table(pages, cold, warm):
    head = (
        "| page | queries | cold req/s | cold p50 ms | cold p99 ms | warm req/s | "
        "warm p50 ms | warm p99 ms | non-2xx |"
    )
    lines = [head, "|" + "---|" * 9]
    for page in pages:
        c, w = cold[page["name"]], warm[page["name"]]
        lines.append(
            f"| {page['name']} | {page['queries']} | {c['rps']:,.0f} | {c['p50']:.1f} | "
            f"{c['p99']:.1f} | {w['rps']:,.0f} | {w['p50']:.1f} | {w['p99']:.1f} | "
            f"{c['bad'] + w['bad']} |"
        )
    return lines


def finder_table(pages, cold, one):
    """The finder's queries with their p95 at COLD_CONNECTIONS and at one connection."""
    lines = [
        "| finder query | queries | pages matched | req/s | p50 ms | p95 ms | "
        "1 conn req/s | 1 conn p50 ms | 1 conn p95 ms |",
        "|" + "---|" * 9,
    ]
    for page in pages:
        if not page.get("finder"):
            continue
        c, o = cold[page["name"]], one[page["name"]]
        matched = "" if page.get("matches") is None else f"{page['matches']:,}"
        lines.append(
            f"| {page['name']} | {page['queries']} | {matched} | {c['rps']:,.0f} | "
            f"{c['p50']:.1f} | {c['p95']:.1f} | {o['rps']:,.0f} | {o['p50']:.1f} | "
            f"{o['p95']:.1f} |"
        )
    return lines


def targets(pages, cold, warm, one, timings):
    """[(target, measured, met)] for each performance target."""
    checks = []
    for name in ("home", "detail news"):
        w = warm[name]
        checks.append(
            (
                f"warm {name} at {WARM_CONNECTIONS} connections: >= {WARM_MIN_RPS:,} req/s "
                f"and p99 < {WARM_MAX_P99_MS} ms",
                f"{w['rps']:,.0f} req/s, p99 {w['p99']:.1f} ms",
                w["rps"] >= WARM_MIN_RPS and w["p99"] < WARM_MAX_P99_MS,
            )
        )
    rendered = [p["name"] for p in pages if not p["name"].startswith("static")]
    slowest = max(rendered, key=lambda name: cold[name]["p50"])
    checks.append(
        (
            f"cold p50 < {COLD_MAX_P50_MS} ms for every page type at {COLD_CONNECTIONS} "
            "connections",
            f"slowest {slowest}: p50 {cold[slowest]['p50']:.1f} ms; over: "
            + (", ".join(n for n in rendered if cold[n]["p50"] >= COLD_MAX_P50_MS) or "none"),
            cold[slowest]["p50"] < COLD_MAX_P50_MS,
        )
    )
    finder = [p["name"] for p in pages if p.get("finder")]
    slowest = min(finder, key=lambda name: cold[name]["rps"])
    worst = max(finder, key=lambda name: cold[name]["p95"])
    checks.append(
        (
            f"finder (search) at {COLD_CONNECTIONS} connections, cold: >= {FINDER_MIN_RPS} "
            f"req/s and p95 < {FINDER_MAX_P95_MS} ms for every query",
            f"slowest {slowest}: {cold[slowest]['rps']:,.1f} req/s; worst p95 {worst}: "
            f"{cold[worst]['p95']:.1f} ms",
            cold[slowest]["rps"] >= FINDER_MIN_RPS and cold[worst]["p95"] < FINDER_MAX_P95_MS,
        )
    )
    worst = max(finder, key=lambda name: one[name]["p95"])
    checks.append(
        (
            f"finder at 1 connection, cold: p95 < {FINDER_ONE_MAX_P95_MS} ms for every query",
            f"worst {worst}: p95 {one[worst]['p95']:.1f} ms",
            one[worst]["p95"] < FINDER_ONE_MAX_P95_MS,
        )
    )
    most = max((p for p in pages if p.get("finder")), key=lambda p: p["queries"])
    checks.append(
        (
            f"queries per finder page <= {FINDER_MAX_QUERIES}",
            f"most: {most['name']} with {most['queries']}",
            most["queries"] <= FINDER_MAX_QUERIES,
        )
    )
    seconds = timings["update_index_s"]
    checks.append(
        (
            f"search index rebuild (update_index) < {INDEX_MAX_SECONDS} s",
            f"{seconds:.1f} s for the demo and {timings['pages']:,} synthetic pages",
            seconds < INDEX_MAX_SECONDS,
        )
    )
    most = max(pages, key=lambda p: p["queries"])
    checks.append(
        (
            f"queries per page <= {MAX_QUERIES}",
            f"most: {most['name']} with {most['queries']}",
            most["queries"] <= MAX_QUERIES,
        )
    )
    bad = sum(cold[n]["bad"] + warm[n]["bad"] for n in cold)
    checks.append(("no response outside 2xx", f"{bad} non-2xx or socket errors", bad == 0))
    return checks


def count_queries(env, work):
    """bench/pages.py's pages with their SQL queries."""
    log("Counting SQL queries per page…")
    pages_file = work / "pages.json"
    subprocess.run(
        [PYTHON, "-m", "bench.pages", "--out", str(pages_file)],
        cwd=PROJECT,
        env=env,
        check=True,
    )
    return json.loads(pages_file.read_text())


def load_phases(env, pages, seconds):
    """{"cold", "warm", "one": {page name: figures}}: every page under load with the page
    cache off and on, and the finder's queries at one connection with it off."""
    results = {}
    for mode, page_cache, connections in (
        ("cold", False, COLD_CONNECTIONS),
        ("warm", True, WARM_CONNECTIONS),
    ):
        log(f"Load, page cache {'on' if page_cache else 'off'}, {connections} connections:")
        results[mode] = {}
        with server(env, page_cache=page_cache) as base:
            for page in pages:
                figures = load(base + page["url"], connections, seconds)
                results[mode][page["name"]] = figures
                log(
                    f"  {page['name']:<28} {figures['rps']:>8,.0f} req/s  "
                    f"p50 {figures['p50']:6.1f} ms  p99 {figures['p99']:6.1f} ms"
                )
            if mode == "cold":
                log("Load, page cache off, 1 connection, the finder's queries:")
                results["one"] = {}
                for page in (p for p in pages if p.get("finder")):
                    figures = load(base + page["url"], 1, seconds)
                    results["one"][page["name"]] = figures
                    log(
                        f"  {page['name']:<28} {figures['rps']:>8,.0f} req/s  "
                        f"p50 {figures['p50']:6.1f} ms  p95 {figures['p95']:6.1f} ms"
                    )
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=5, help="load per page and mode")
    parser.add_argument(
        "--day-seconds", type=int, default=60, help="load of the day's traffic, per front"
    )
    parser.add_argument(
        "--day-redis",
        default=DAY_REDIS_URL,
        help="the Redis database the day's traffic empties and uses, when one answers there",
    )
    parser.add_argument(
        "--only", choices=("all", "day"), default="all", help="day: the day's traffic alone"
    )
    parser.add_argument("--out", default=str(PROJECT / "bench-results.md"))
    args = parser.parse_args(argv)
    # A plain kill (SIGTERM) unwinds like Ctrl+C: servers stopped, the database dropped.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make bench installs it)")

    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    try:
        with bench_database() as (database_url, database_label):
            env = production_env(database_url, work, LOG_LEVEL="WARNING")
            env.pop("REDIS_URL", None)  # local memory cache per worker, as by default
            log(f"Benchmark database: {database_label}")
            log("Migrating and loading the demo dossier…")
            manage(env, "migrate", "--noinput", "--verbosity", "0")
            manage(env, "load_demo", "--verbosity", "0")
            manage(env, "collectstatic", "--noinput", "--verbosity", "0")
            log(f"Adding {args.pages:,} synthetic pages…")
            timings_file = work / "timings.json"
            subprocess.run(
                [
                    PYTHON,
                    "-m",
                    "bench.populate",
                    "--pages",
                    str(args.pages),
                    "--timings",
                    str(timings_file),
                ],
                cwd=PROJECT,
                env=env,
                check=True,
            )
            timings = {**json.loads(timings_file.read_text()), "pages": args.pages}
            pages, results = [], {}
            if args.only != "day":
                pages = count_queries(env, work)
            prepared = time.monotonic() - started
            if args.only != "day":
                results = load_phases(env, pages, args.seconds)
            results["day"] = day.measure(
                env, server, work=work, seconds=args.day_seconds, redis_url=args.day_redis
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    checks = day_report.targets(results["day"])
    report = [f"# Benchmark {datetime.now():%Y-%m-%d %H:%M}", ""]
    report.append(
        f"{args.pages:,} synthetic pages plus the demo dossier; {database_label}; gunicorn with "
        f"the production settings, {WORKERS} sync workers; wrk, 1 thread; {os.cpu_count()} CPU "
        f"cores shared by server and load. Preparation {prepared:.0f} s, total "
        f"{time.monotonic() - started:.0f} s. Search index rebuild (update_index) "
        f"{timings['update_index_s']:.1f} s, finder table {timings['finder_rebuild_s']:.1f} s, "
        f"search words (update_search_words) {timings['search_words_s']:.1f} s."
    )
    if args.only != "day":
        checks = targets(pages, results["cold"], results["warm"], results["one"], timings) + checks
        report += [
            "",
            f"Each page {args.seconds} s: cold = page cache off at {COLD_CONNECTIONS} "
            f"connections, warm = page cache on at {WARM_CONNECTIONS} connections.",
            "",
            *table(pages, results["cold"], results["warm"]),
            "",
            f"The finder, page cache off, at {COLD_CONNECTIONS} connections and at 1:",
            "",
            *finder_table(pages, results["cold"], results["one"]),
        ]
    report += [
        "",
        *day_report.table(results["day"]),
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *(
            f"| {target} | {measured} | {'yes' if met else 'NO'} |"
            for target, measured, met in checks
        ),
    ]
    if pages:
        report += ["", "URLs: " + ", ".join(f"{p['name']} `{p['url']}`" for p in pages)]
    text = "\n".join(report) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    log("")
    log(text)
    log(f"Written to {args.out}")


if __name__ == "__main__":
    main()
