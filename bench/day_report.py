"""The report of a day's traffic (bench/day.py): its table and its targets, for bench/run.py."""

import statistics

from bench.day import AFTER_PUBLISH, CONNECTIONS, PROBE_RATE
from bench.day_editor import NEW_EVERY, PUBLISH_EVERY

# The targets: hit rate, p99 and throughput through Varnish; hit rate and p99 through gunicorn.
VARNISH_MIN_HIT_RATE = 0.95
VARNISH_MAX_P99_MS = 50
VARNISH_MIN_RPS = 20_000
GUNICORN_MIN_HIT_RATE = 0.90
GUNICORN_MAX_P99_MS = 100


def table(results):
    """The report's lines of the day's traffic."""
    lines = [
        f"A day's traffic: {results['pages']:,} pages read by a Zipf law (s = 1) at "
        f"{CONNECTIONS} connections, every page read once before; an editor publishes every "
        f"{PUBLISH_EVERY} s (every {NEW_EVERY}th a new page); shared cache: {results['cache']}; "
        f"re-render worker {'on' if results['tasks'] else 'off (no cache task backend)'}. "
        f"Probe: one reader at {PROBE_RATE} req/s; worst = its slowest request from a "
        f"publish's start to {AFTER_PUBLISH:.0f} s after it returned.",
        "",
        "| front | req/s | hit rate | hit / miss / pass / other | p50 ms | p99 ms | "
        "p99.9 ms | max ms | publishes | publish ms (mean) | probe p50 / p99 ms | "
        "worst after a publish ms (max / median) | non-2xx / socket errors |",
        "|" + "---|" * 13,
    ]
    for front in ("gunicorn", "varnish"):
        r = results.get(front)
        if not r:
            continue

        def ms(value):
            return "-" if value is None else f"{value:.0f}"

        lines.append(
            f"| {front} | {r['rps']:,.0f} | {r['hit_rate']:.2%} | "
            f"{r['hit']:,} / {r['miss']:,} / {r['pass']:,} / {r['other']:,} | "
            f"{r['p50']:.1f} | {r['p99']:.1f} | {r['p999']:.1f} | {r['max']:.0f} | "
            f"{len(r['publishes'])} | "
            f"{ms(statistics.mean(r['publish_ms']) if r['publish_ms'] else None)} | "
            f"{r['probe_p50']:.1f} / {r['probe_p99']:.1f} | "
            f"{ms(r['worst_after_publish'])} / {ms(r['median_worst_after_publish'])} | "
            f"{r['non2xx']} / {r['socket_errors']} |"
        )
    notes = []
    for front in ("gunicorn", "varnish"):
        r = results.get(front)
        if r and r["occupancy"] > 1.05:
            notes.append(
                f"wrk's latencies through {front} add up to {r['occupancy']:.1f} times the "
                "time its connections had (mean * requests / (connections * duration)), which "
                "one request at a time per connection cannot give: its tail overstates what "
                "readers waited (wrk shares 2 cores with the server); compare the probe's p99."
            )
    v = results.get("varnish")
    if v:
        stat = v["varnishstat"]
        notes.append(
            f"varnishstat during the run: {stat['cache_hit']:,} hits ({stat['cache_hit_grace']:,}"
            f" in grace), {stat['cache_miss']:,} misses, {stat['cache_hitpass']:,} hit-for-pass, "
            f"{stat['s_pass']:,} passes; of Varnish's misses and passes {v['inner_hit']:,} were "
            "hits of the page cache behind it."
        )
    else:
        notes.append("Varnish: not measured (/usr/sbin/varnishd is missing).")
    for front in ("gunicorn", "varnish"):
        r = results.get(front)
        if r and r["tasks"] is not None:
            notes.append(f"Re-render tasks after the {front} run: {r['tasks']}.")
    return [*lines, "", *notes]


def targets(results):
    """[(target, measured, met)] of the day's traffic."""
    checks = []
    g = results["gunicorn"]
    checks.append(
        (
            f"day's traffic through gunicorn: hit rate >= {GUNICORN_MIN_HIT_RATE:.0%} and p99 "
            f"< {GUNICORN_MAX_P99_MS} ms",
            f"hit rate {g['hit_rate']:.2%}, p99 {g['p99']:.1f} ms (probe's p99 "
            f"{g['probe_p99']:.1f} ms)",
            g["hit_rate"] >= GUNICORN_MIN_HIT_RATE and g["p99"] < GUNICORN_MAX_P99_MS,
        )
    )
    v = results.get("varnish")
    if v:
        checks.append(
            (
                f"day's traffic through Varnish: hit rate >= {VARNISH_MIN_HIT_RATE:.0%}, p99 < "
                f"{VARNISH_MAX_P99_MS} ms, >= {VARNISH_MIN_RPS:,} req/s",
                f"hit rate {v['hit_rate']:.2%}, p99 {v['p99']:.1f} ms (probe's p99 "
                f"{v['probe_p99']:.1f} ms), {v['rps']:,.0f} req/s",
                v["hit_rate"] >= VARNISH_MIN_HIT_RATE
                and v["p99"] < VARNISH_MAX_P99_MS
                and v["rps"] >= VARNISH_MIN_RPS,
            )
        )
    else:
        checks.append(("day's traffic through Varnish", "not measured: no varnishd", False))
    for front in ("gunicorn", "varnish"):
        r = results.get(front)
        if r:
            worst = r["worst_after_publish"]
            checks.append(
                (
                    f"worst latency a reader saw within {AFTER_PUBLISH:.0f} s after a publish, "
                    f"{front} (reported)",
                    "-" if worst is None else f"{worst:.0f} ms",
                    True,
                )
            )
    bad = sum(results[f]["bad"] for f in ("gunicorn", "varnish") if results.get(f))
    checks.append(
        ("day's traffic: no response outside 2xx", f"{bad} non-2xx or socket errors", bad == 0)
    )
    return checks
