"""``make soak``: the production server under load while its parts fail, on 127.0.0.1 only.

    python -m bench.soak [--seconds 60] [--outage 10]

Needs PostgreSQL (DATABASE_URL pointing at a server on this machine, whose cluster this script
stops and starts with pg_ctlcluster, so it runs as root or postgres) and wrk. Uses its own
database ``<name>_soak`` with the demo dossier, gunicorn with the production settings (2
workers) and, when Redis answers on 127.0.0.1:6379, Redis as the cache. Phases:

1. steady: wrk at 32 connections over a mix of pages for ``--seconds``; no response may be
   outside 2xx.
2. database outage: PostgreSQL stopped for ``--outage`` seconds mid-run, then started again.
   A prober records every answer: only 200 (pages still in the page cache) or 503 while it is
   down, 200 again after it is back, without restarting the app.
3. cache outage (when Redis is used): Redis stopped for ``--outage`` seconds; every page must
   still answer 200.

A contributor submits the form every half second throughout; afterwards every accepted
submission (a redirect to the thank-you page) must be in the database. One line per phase.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.run import PROJECT, PYTHON, bench_database, manage, production_env, server
from bench.run import wrk as run_wrk

CONNECTIONS = 32
PAGES = ["/", "/nieuws/", "/opinie/", "/projecten/", "/publicaties/", "/bronnen/", "/thema/"]
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "-::1",
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    "/var/lib/redis",
    "--logfile",
    "/var/log/redis/ci.log",
]

WRK_MIX = """
local paths = {%s}
local n = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0; statuses = {} end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  local e = summary.errors
  io.write(string.format('{"requests": %%d, "duration_us": %%d, "p99_us": %%d, "non2xx": %%d, '
    .. '"socket_errors": %%d}\\n', summary.requests, summary.duration, latency:percentile(99),
    total, e.connect + e.read + e.write + e.timeout))
end
"""


def log(message):
    print(message, flush=True)


def wrk(base, seconds, script):
    """The mix of pages at CONNECTIONS connections."""
    return run_wrk(base, CONNECTIONS, seconds, script=script, threads=2)


def request(base, method, path, body=None, headers=None):
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=15)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class Contributor(threading.Thread):
    """Submits the contribution form every half second; remembers what was accepted."""

    def __init__(self, base):
        super().__init__(daemon=True)
        self.base = base
        self.accepted = []
        self.refused = {}
        self.stop = threading.Event()

    def submit(self):
        status, headers, body = request(self.base, "GET", "/bijdragen/")
        if status != 200:
            return status
        html = body.decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        started = re.search(r'name="started" value="([^"]+)"', html).group(1)
        cookie = headers.get("Set-Cookie", "").split(";")[0]
        title = f"Soak {uuid.uuid4().hex[:12]}"
        data = {
            "csrfmiddlewaretoken": csrf,
            "started": started,
            "website": "",
            "name": "Soak Tester",
            "organisation": "Gemeente Proef",
            "email": "soak@example.nl",
            "kind": "nieuwstip",
            "title": title,
            "text": "Een bijdrage tijdens de duurproef.",
            "link": "",
            "consent": "on",
        }
        status, headers, _ = request(
            self.base,
            "POST",
            "/bijdragen/",
            body=urlencode(data),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "Referer": self.base + "/bijdragen/",
            },
        )
        if status == 302 and "bedankt" in headers.get("Location", ""):
            self.accepted.append(title)
        return status

    def run(self):
        while not self.stop.is_set():
            try:
                status = self.submit()
            except OSError as error:
                status = type(error).__name__
            if status != 302:
                self.refused[status] = self.refused.get(status, 0) + 1
            self.stop.wait(0.5)


class Prober(threading.Thread):
    """Asks for an uncached page (a search) and a cacheable one every 100 ms; records
    (time, status) of each answer."""

    def __init__(self, base):
        super().__init__(daemon=True)
        self.base = base
        self.answers = []
        self.stop = threading.Event()

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            for path in (f"/zoeken/?q=data&n={n}", "/nieuws/"):
                try:
                    status, _, _ = request(self.base, "GET", path)
                except OSError as error:
                    status = type(error).__name__
                self.answers.append((time.monotonic(), path, status))
            self.stop.wait(0.1)


def pg_cluster(action):
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    extra = ["-m", "fast"] if action == "stop" else []
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action, *extra],
        check=True,
    )


def redis_answers():
    try:
        return (
            subprocess.run(
                ["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True, text=True, timeout=5
            ).stdout.strip()
            == "PONG"
        )
    except (OSError, subprocess.TimeoutExpired):
        return False


def outage(prober, load_seconds, outage_seconds, stop, start, base, script):
    """Load for ``load_seconds`` with the part stopped from a third in for
    ``outage_seconds``; (wrk figures, down, up, answers during the run)."""
    results = {}
    loader = threading.Thread(target=lambda: results.update(wrk(base, load_seconds, script)))
    first = len(prober.answers)
    loader.start()
    time.sleep(load_seconds / 3)
    down = time.monotonic()
    stop()
    time.sleep(outage_seconds)
    start()
    up = time.monotonic()
    loader.join()
    return results, down, up, prober.answers[first:]


def main(argv=None):  # noqa: C901 - the soak's phases in the order they run, read top to bottom
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--outage", type=int, default=10)
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("make soak needs DATABASE_URL=postgres://… (it stops PostgreSQL)")
    for tool in ("wrk", "pg_ctlcluster"):
        if not shutil.which(tool):
            raise SystemExit(f"make soak needs {tool}")
    use_redis = redis_answers()
    work = Path(tempfile.mkdtemp(prefix="dossier-soak-"))
    script = work / "mix.lua"
    script.write_text(WRK_MIX % ", ".join(f'"{p}"' for p in PAGES))
    failures = []
    try:
        with bench_database("soak") as (database_url, _label):
            env = production_env(
                database_url,
                work,
                LOG_LEVEL="ERROR",
                CONTRIBUTION_RATE_LIMIT="1000000",
                CONTRIBUTION_EMAIL_RATE_LIMIT="1000000",  # every post is from soak@example.nl
                CONTRIBUTION_MIN_FILL_SECONDS="0",
            )
            if use_redis:
                env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
            else:
                env.pop("REDIS_URL", None)
            manage(env, "migrate", "--noinput", "--verbosity", "0")
            manage(env, "load_demo", "--verbosity", "0")
            manage(env, "collectstatic", "--noinput", "--verbosity", "0")
            with server(env, page_cache=True) as base:
                for path in PAGES:
                    request(base, "GET", path)
                contributor = Contributor(base)
                prober = Prober(base)
                contributor.start()
                prober.start()

                figures = wrk(base, args.seconds, script)
                rps = figures["requests"] / (figures["duration_us"] / 1e6)
                bad = figures["non2xx"] + figures["socket_errors"]
                log(
                    f"steady       {CONNECTIONS} connections {args.seconds} s: {rps:,.0f} req/s, "
                    f"p99 {figures['p99_us'] / 1000:.1f} ms, non-2xx {bad}"
                )
                if bad:
                    failures.append("steady phase had responses outside 2xx")

                figures, down, up, answers = outage(
                    prober,
                    max(30, 3 * args.outage),
                    args.outage,
                    lambda: pg_cluster("stop"),
                    lambda: pg_cluster("start"),
                    base,
                    script,
                )
                grace = 5.0  # connections are health-checked and re-opened on the next request
                during = [s for t, _p, s in answers if down <= t <= up + grace]
                outside = [s for t, _p, s in answers if not down <= t <= up + grace]
                wrong_during = [s for s in during if s not in (200, 503)]
                wrong_outside = [s for s in outside if s != 200]
                recovered = next(
                    (
                        t - up
                        for t, p, s in answers
                        if t > up and p.startswith("/zoeken") and s == 200
                    ),
                    None,
                )
                log(
                    f"database off {args.outage} s: {during.count(503)} x 503 and "
                    f"{during.count(200)} x 200 (cached) while down, "
                    f"{len(wrong_during)} other; outside the outage {len(wrong_outside)} "
                    f"not 200; rendering again {recovered:.1f} s after the start"
                    if recovered is not None
                    else f"database off {args.outage} s: never recovered"
                )
                if wrong_during or wrong_outside or recovered is None:
                    failures.append("database outage answered outside 200/503 or did not heal")

                if use_redis:
                    first = len(prober.answers)
                    figures = wrk_during_redis_outage(base, script, args.outage)
                    answers = prober.answers[first:]
                    not_ok = [s for _t, _p, s in answers if s != 200]
                    bad = figures["non2xx"] + figures["socket_errors"]
                    log(
                        f"redis off    {args.outage} s: {len(answers)} probes, {len(not_ok)} not "
                        f"200; load non-2xx {bad}"
                    )
                    if not_ok or bad:
                        failures.append("redis outage caused errors")
                else:
                    log("redis        not running on 127.0.0.1:6379: phase skipped")

                contributor.stop.set()
                prober.stop.set()
                contributor.join()
                prober.join()
            stored = subprocess.run(
                [
                    PYTHON,
                    "manage.py",
                    "shell",
                    "-c",
                    "import json; from contributions.models import Contribution; print(json.dumps("
                    "list(Contribution.objects.values_list('title', flat=True))))",
                ],
                cwd=PROJECT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            titles = set(json.loads(stored.stdout.strip().splitlines()[-1]))
            lost = [t for t in contributor.accepted if t not in titles]
            log(
                f"contributions {len(contributor.accepted)} accepted, {len(lost)} lost; "
                f"not accepted: {contributor.refused or 'none'}"
            )
            if lost:
                failures.append(f"{len(lost)} accepted contributions are not in the database")
    finally:
        if not redis_answers() and shutil.which("redis-server"):
            subprocess.run(REDIS_START, check=False)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        log("FAILED: " + "; ".join(failures))
        sys.exit(1)
    log("soak passed")


def wrk_during_redis_outage(base, script, outage_seconds):
    results = {}
    loader = threading.Thread(
        target=lambda: results.update(wrk(base, max(20, 2 * outage_seconds), script))
    )
    loader.start()
    time.sleep(3)
    subprocess.run(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], check=False)
    time.sleep(outage_seconds)
    subprocess.run(REDIS_START, check=True)
    loader.join()
    return results


if __name__ == "__main__":
    main()
