"""A day's traffic, the last phase of ``make bench`` (bench/run.py): readers all over the
dossier while an editor publishes, once through gunicorn alone and once through Varnish in front
of the same gunicorn.

- Readers: wrk at CONNECTIONS connections for ``seconds``; each request picks a page by a Zipf
  law (s = 1: the page of rank r is read with weight 1/r). Rank 1 is the home page, then the
  section indexes, the theme hubs, then every other live public page in a fixed random order
  (bench/day.lua). Each response's cache header counts as a hit or a miss: ``X-Page-Cache``
  (Django's page cache) alone, ``X-Cache`` (Varnish) in front; varnishstat's counters too.
- An editor publishes a page every PUBLISH_EVERY seconds through Wagtail's own path
  (``save_revision()`` then ``revision.publish()``, so that signals and tasks run): edits of
  existing pages, a section after another, and every NEW_EVERY-th time a new page. A separate
  process on the bench database with the server's environment (``python -m bench.day_editor
  publish``).
- The cache's re-render worker (``db_worker --backend cache``) runs when the settings have a
  "cache" task backend, with ``CACHE_WARM_URL`` the front and ``CACHE_PURGE_URLS`` Varnish.
- A probe reader asks for Zipf-chosen pages one after another (PROBE_RATE a second) and keeps
  each latency, so that the worst latency a reader saw within AFTER_PUBLISH seconds of a
  publish can be told.

The shared cache is Redis (a database of its own, emptied first) when one answers at
``redis_url``, else each worker's local memory. Before the readers start, every page is read
once through the front (the cache of a site that has been read all day); the measured misses are
then those the publishes cause, plus what the cache itself loses.
"""

import collections
import http.client
import itertools
import json
import random
import statistics
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from bench.common import PROJECT, PYTHON, free_port, log
from bench.day_editor import SEED
from bench.varnish import available as varnish_available
from bench.varnish import counters, varnish

LUA = Path(__file__).resolve().parent / "day.lua"
CONNECTIONS = 16
PROBE_RATE = 30
AFTER_PUBLISH = 2.0
CRAWL_THREADS = 4

# --- The measuring process (no Django here) -------------------------------------------------


def shared_cache(redis_url):
    """``(REDIS_URL or None, label)``: the Redis database at ``redis_url``, emptied, when it
    answers; else None (local memory per worker)."""
    import redis

    try:
        client = redis.Redis.from_url(redis_url, socket_connect_timeout=1, socket_timeout=2)
        client.ping()
        client.flushdb()
    except redis.RedisError:
        return None, "local memory per gunicorn worker (no Redis answered at " + redis_url + ")"
    return redis_url, f"Redis {redis_url} (emptied first)"


def django_json(env, *args):
    """The JSON that ``python -m bench.day_editor ARGS`` prints last, run with ``env``."""
    result = subprocess.run(
        [PYTHON, "-m", "bench.day_editor", *args],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def zipf(paths):
    """Cumulative Zipf weights (s = 1) of ``paths`` in rank order."""
    return list(itertools.accumulate(1 / rank for rank in range(1, len(paths) + 1)))


def write_lua_data(path, paths, cumulative):
    def string(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["return {", "paths = {"]
    lines += [f"{string(p)}," for p in paths]
    lines += ["},", "cumulative = {"]
    lines += [f"{c!r}," for c in cumulative]
    lines += ["},", "}"]
    path.write_text("\n".join(lines) + "\n")


def crawl(base, paths):
    """Read every page once through ``base`` (CRAWL_THREADS at a time), the least read first,
    so that the most read are the freshest when the readers start; (seconds, failures)."""
    started = time.monotonic()

    def get(path):
        try:
            status, _, _ = fetch(base, path)
        except OSError:
            return 1
        return 0 if status == 200 else 1

    with ThreadPoolExecutor(CRAWL_THREADS) as pool:
        failures = sum(pool.map(get, reversed(paths)))
    return time.monotonic() - started, failures


def fetch(base, path, header=None, timeout=30):
    """``(status, value of header, body length)`` of a GET on a new connection, from a
    reader whose browser accepts gzip."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        body = response.read()
        return response.status, response.getheader(header) if header else None, len(body)
    finally:
        connection.close()


class Probe(threading.Thread):
    """A reader asking for Zipf-chosen pages one after another, PROBE_RATE a second;
    ``samples`` holds (wall-clock start, seconds, status, cache header, path) of each
    request."""

    def __init__(self, base, paths, cumulative, header):
        super().__init__(daemon=True)
        self.base, self.paths, self.cumulative, self.header = base, paths, cumulative, header
        self.samples = []
        self.halt = threading.Event()

    def run(self):
        rng = random.Random(SEED)
        due = time.monotonic()
        while not self.halt.is_set():
            path = rng.choices(self.paths, cum_weights=self.cumulative)[0]
            started, clock = time.time(), time.perf_counter()
            try:
                status, state, _ = fetch(self.base, path, self.header)
            except OSError:
                status, state = 0, None
            self.samples.append((started, time.perf_counter() - clock, status, state, path))
            due = max(due + 1 / PROBE_RATE, time.monotonic())
            self.halt.wait(due - time.monotonic())

    def stop(self):
        self.halt.set()
        self.join(timeout=40)


@contextmanager
def process(args, env, **kwargs):
    """A child process, stopped (SIGTERM, then SIGKILL) when the block ends however it ends."""
    child = subprocess.Popen(args, cwd=PROJECT, env=env, **kwargs)
    try:
        yield child
    finally:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def varnish_counters(workdir):
    """varnishstat's MAIN counters of the Varnish in ``workdir``, by name without "MAIN."."""
    return {
        name.removeprefix("MAIN."): value
        for name, value in counters(workdir).items()
        if name.startswith("MAIN.")
    }


def run_wrk(url, seconds, data_file, header, inner=None):
    args = [str(data_file), header] + ([inner] if inner else [])
    result = subprocess.run(
        [
            "wrk",
            "--threads",
            "1",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "10s",
            "--script",
            str(LUA),
            url,
            "--",
            *args,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def after_publishes(samples, publishes):
    """The worst probe latency (ms) in the AFTER_PUBLISH seconds after each publish (from its
    start to AFTER_PUBLISH seconds after it returned), in the order of the publishes."""
    worst = []
    for publish in publishes:
        window = [
            seconds
            for started, seconds, *_ in samples
            if publish["started"] <= started <= publish["ended"] + AFTER_PUBLISH
        ]
        worst.append(max(window) * 1000 if window else None)
    return worst


def percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def one_run(front, env, server, *, work, paths, cumulative, seconds, tasks):
    """One run of the day's traffic with ``front`` "gunicorn" or "varnish"; its figures."""
    data_file = work / "day-urls.lua"
    server_port = free_port()
    front_port = free_port() if front == "varnish" else server_port
    front_url = f"http://127.0.0.1:{front_port}"
    # Readers and the re-render ask for the same host (the page cache and Varnish key on it);
    # pages are purged by tag, so they may be kept for an hour: the crawl through Varnish
    # after the gunicorn run finds them still in the page cache.
    env = {
        **env,
        "CACHE_WARM_URL": front_url,
        "PUBLIC_BASE_URL": front_url,
        "PAGE_CACHE_SECONDS": "3600",
    }
    if front == "varnish":
        env["CACHE_PURGE_URLS"] = front_url
    else:
        env.pop("CACHE_PURGE_URLS", None)
    header = "X-Cache" if front == "varnish" else "X-Page-Cache"
    publishes_file = work / f"day-publishes-{front}.jsonl"
    publishes_file.unlink(missing_ok=True)

    with ExitStack() as stack:
        stack.enter_context(server(env, page_cache=True, port=server_port))
        workdir = None
        if front == "varnish":
            _, workdir = stack.enter_context(varnish(server_port, port=front_port))
        crawl_seconds, crawl_failures = crawl(front_url, paths)
        log(
            f"  every page read once through {front}: {crawl_seconds:.0f} s, "
            f"{crawl_failures} failures"
        )
        if tasks:
            stack.enter_context(
                process(
                    [
                        PYTHON,
                        "manage.py",
                        "db_worker",
                        "--backend",
                        "cache",
                        "--queue-name",
                        "cache",
                        "--interval",
                        "0.5",
                        "--no-reload",
                        "--verbosity",
                        "0",
                    ],
                    env,
                )
            )
        publisher = stack.enter_context(
            process(
                [
                    PYTHON,
                    "-m",
                    "bench.day_editor",
                    "publish",
                    "--seconds",
                    str(seconds),
                    "--out",
                    str(publishes_file),
                ],
                env,
                stdout=subprocess.PIPE,
                text=True,
            )
        )
        if publisher.stdout.readline().strip() != "ready":
            raise SystemExit("the publisher did not start")
        before = varnish_counters(workdir) if workdir else None
        probe = Probe(front_url, paths, cumulative, header)
        probe.start()
        stack.callback(probe.stop)
        figures = run_wrk(
            front_url + "/",
            seconds,
            data_file,
            header,
            inner="X-Page-Cache" if front == "varnish" else None,
        )
        after = varnish_counters(workdir) if workdir else None
        probe.stop()
        try:
            tasks_left = json.loads(publisher.communicate(timeout=60)[0].strip().splitlines()[-1])
        except (subprocess.TimeoutExpired, ValueError, IndexError):
            tasks_left = None
        publishes = [json.loads(line) for line in publishes_file.read_text().splitlines()]

    counted = figures["hit"] + figures["miss"] + figures["pass"] + figures["other"]
    latencies = [s[1] * 1000 for s in probe.samples]
    worst = after_publishes(probe.samples, publishes)
    known = [w for w in worst if w is not None]
    result = {
        "front": front,
        "requests": figures["requests"],
        "rps": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50": figures["p50_us"] / 1000,
        "p90": figures["p90_us"] / 1000,
        "p99": figures["p99_us"] / 1000,
        "p999": figures["p999_us"] / 1000,
        "max": figures["max_us"] / 1000,
        "mean": figures["mean_us"] / 1000,
        # The sum of wrk's latencies over the time its connections had: at most 1 when every
        # latency is real (one request at a time per connection).
        "occupancy": figures["mean_us"]
        * figures["requests"]
        / (CONNECTIONS * figures["duration_us"]),
        "bad": figures["non2xx"] + figures["socket_errors"],
        "non2xx": figures["non2xx"],
        "socket_errors": figures["socket_errors"],
        "hit": figures["hit"],
        "miss": figures["miss"],
        "pass": figures["pass"],
        "other": figures["other"],
        "inner_hit": figures["inner_hit"],
        "hit_rate": figures["hit"] / counted if counted else 0.0,
        "publishes": publishes,
        "publish_ms": [1000 * (p["ended"] - p["started"]) for p in publishes],
        "probe_requests": len(latencies),
        "probe_p50": percentile(latencies, 0.50),
        "probe_p99": percentile(latencies, 0.99),
        "probe_hit_rate": (
            sum(1 for s in probe.samples if s[3] == "hit") / len(probe.samples)
            if probe.samples
            else 0.0
        ),
        "worst_after_publish": max(known) if known else None,
        "median_worst_after_publish": statistics.median(known) if known else None,
        "probe_misses": collections.Counter(
            s[4] for s in probe.samples if s[3] != "hit"
        ).most_common(5),
        "worst_after_each_publish": worst,
        "crawl_seconds": crawl_seconds,
        "tasks": tasks_left,
    }
    if before is not None:
        delta = {name: after.get(name, 0) - before.get(name, 0) for name in after}
        result["varnishstat"] = {
            name: delta.get(name, 0)
            for name in ("cache_hit", "cache_hit_grace", "cache_miss", "cache_hitpass", "s_pass")
        }
    return result


def describe(result):
    """One log line of a run's figures."""
    worst = result["worst_after_publish"]
    return (
        f"  {result['front']}: {result['rps']:,.0f} req/s, hit rate "
        f"{result['hit_rate']:.2%}, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, "
        f"mean {result['mean']:.1f} ms; "
        f"{len(result['publishes'])} publishes; probe worst within {AFTER_PUBLISH:.0f} s after "
        f"a publish {'-' if worst is None else f'{worst:.0f} ms'}\n"
        f"    worst after each publish (ms): "
        f"{[None if w is None else round(w) for w in result['worst_after_each_publish']]}\n"
        f"    probe's most frequent non-hits: {result['probe_misses']}"
    )


def measure(env, server, *, work, seconds, redis_url):
    """Both runs of the day's traffic: {"cache": label, "pages": n, "tasks": bool,
    "gunicorn": figures, "varnish": figures or None}. ``env``: the production environment on
    the bench database; ``server``: bench.run.server (a context manager yielding the base URL
    of gunicorn on ``port``)."""
    url, cache_label = shared_cache(redis_url)
    env = dict(env)
    if url:
        env["REDIS_URL"] = url
    else:
        env.pop("REDIS_URL", None)
    log(f"Day's traffic: cache {cache_label}")
    site = django_json(env, "urls")
    paths = site["paths"]
    cumulative = zipf(paths)
    write_lua_data(work / "day-urls.lua", paths, cumulative)
    log(
        f"  {len(paths):,} pages by Zipf rank; re-render worker "
        f"{'on' if site['tasks'] else 'off (no cache task backend in the settings)'}"
    )
    results = {"cache": cache_label, "pages": len(paths), "tasks": site["tasks"]}
    fronts = ["gunicorn"] + (["varnish"] if varnish_available() else [])
    try:
        for front in fronts:
            log(f"Day's traffic through {front}, {CONNECTIONS} connections, {seconds} s:")
            results[front] = one_run(
                front,
                env,
                server,
                work=work,
                paths=paths,
                cumulative=cumulative,
                seconds=seconds,
                tasks=site["tasks"],
            )
            log(describe(results[front]))
    finally:
        if url:
            shared_cache(url)  # emptied again: nothing of the bench stays in Redis
    results.setdefault("varnish", None)
    return results
