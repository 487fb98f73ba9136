"""The benchmark behind ``make bench-alerts``: alerts for 10,000 readers of one theme.

    python -m bench.alerts [--subscribers 10000] [--profile]

1. Creates its own database (``<name>_alerts_bench`` on the PostgreSQL server of
   DATABASE_URL, or a SQLite file), migrates it and loads the demo dossier, with the
   production settings; the demo database is never touched.
2. Starts an SMTP server on loopback (aiosmtpd) that counts what it receives.
3. In a second process (the production settings, sending to that server): creates the
   readers with ``bulk_create`` and measures
   (a) publishing a page on their theme until every direct reader's mail is queued, and the
       SQL queries of it, at a tenth of the readers and at all of them;
   (b) the daily digest run for all of them (``alerts.digests.run_due`` at the end of the
       period), sent to the SMTP server.
4. Prints a Markdown table with the targets, and with ``--profile`` the functions where the
   digest run spends its time (cProfile).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.run import PROJECT, PYTHON, bench_database, free_port, log, manage, production_env

THEME = "zorg"
PUBLISH_MAX_SECONDS = 10
DIGEST_MAX_SECONDS = 120


# --- The orchestrating process -------------------------------------------------------------


class CountingHandler:
    """Counts the messages and their distinct recipients; keeps nothing else."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = 0
        self.recipients = set()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages += 1
            self.recipients.update(envelope.rcpt_tos)
        return "250 OK"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="cProfile the digest run")
    args = parser.parse_args(argv)

    from aiosmtpd.controller import Controller

    handler = CountingHandler()
    port = free_port()
    smtp = Controller(handler, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        with bench_database("alerts_bench") as (database_url, database_label):
            work = Path(tempfile.mkdtemp(prefix="dossier-bench-alerts-"))
            env = production_env(
                database_url,
                work,
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=str(port),
                EMAIL_USE_TLS="false",
                PUBLIC_BASE_URL="http://127.0.0.1:8000",
            )
            log(f"Database: {database_label}; migrating and loading the demo dossier")
            manage(env, "migrate", "--noinput", "--verbosity", "0")
            manage(env, "load_demo", "--verbosity", "0")
            log(f"Measuring with {args.subscribers} readers of the theme {THEME!r}")
            command = [PYTHON, "-m", "bench.alerts", "--measure", str(args.subscribers)]
            if args.profile:
                command.append("--profile")
            result = subprocess.run(
                command, cwd=PROJECT, env=env, check=True, capture_output=True, text=True
            )
            sys.stderr.write(result.stderr)
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            profile = "\n".join(result.stdout.strip().splitlines()[:-1])
    finally:
        smtp.stop()
    figures["received"] = handler.messages
    figures["recipients"] = len(handler.recipients)
    print(table(args.subscribers, figures))
    if profile:
        print("\nWhere the digest run spends its time (cProfile, cumulative):\n")
        print(profile)


def table(count, f):
    publish_ok = f["publish_seconds"] < PUBLISH_MAX_SECONDS and (
        f["publish_queries_small"] == f["publish_queries"]
    )
    digest_ok = f["digest_seconds"] < DIGEST_MAX_SECONDS and f["recipients"] == count
    rows = [
        "| measure | figure | target | met |",
        "|---|---|---|---|",
        f"| (a) publish: mails queued for {count} direct readers | "
        f"{f['publish_seconds']:.2f} s | < {PUBLISH_MAX_SECONDS} s | "
        f"{'yes' if f['publish_seconds'] < PUBLISH_MAX_SECONDS else 'NO'} |",
        f"| (a) deliveries queued | {f['queued']} | {count} | "
        f"{'yes' if f['queued'] == count else 'NO'} |",
        f"| (a) SQL queries of the whole publish, {count // 10} / {count} readers | "
        f"{f['publish_queries_small']} / {f['publish_queries']} | equal | "
        f"{'yes' if publish_ok else 'NO'} |",
        f"| (b) daily digest run for {count} readers | {f['digest_seconds']:.1f} s | "
        f"< {DIGEST_MAX_SECONDS} s | {'yes' if digest_ok else 'NO'} |",
        f"| (b) mails: sent / received / distinct recipients | "
        f"{f['digest_sent']} / {f['received']} / {f['recipients']} | {count} each | "
        f"{'yes' if f['received'] == f['recipients'] == count else 'NO'} |",
        f"| (b) SQL queries of the digest run | {f['digest_queries']} | "
        f"per batch of {f['batch_size']} | - |",
        f"| (b) mails per second | {f['received'] / max(f['digest_seconds'], 1e-9):.0f} | - | - |",
    ]
    return "\n".join(rows)


# --- The measuring process (production settings, its own database) -------------------------


def measure(count, profile):
    import django

    django.setup()

    from django.conf import settings
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from alerts import digests
    from alerts.models import Delivery, Frequency, Subscriber, Subscription
    from alerts.topics import Choice, topic_for
    from dossier.models import Theme
    from news.models import NewsIndexPage, NewsPage

    theme = Theme.objects.get(slug=THEME)
    topic = topic_for(Choice(theme=THEME), None)
    index = NewsIndexPage.objects.get()

    def draft(title):
        page = NewsPage(title=title, date=timezone.localdate(), intro="Voor de meting.")
        page.themes = [theme]
        index.add_child(instance=page)
        page.save_revision()
        return page

    def readers(start, stop):
        subscribers = Subscriber.objects.bulk_create(
            Subscriber(email=f"lezer{n}@example.nl") for n in range(start, stop)
        )
        Subscription.objects.bulk_create(
            (Subscription(subscriber=s, topic=topic, frequency=Frequency.DIRECT))
            for s in subscribers
        )

    def publish(page):
        """Publish ``page`` (committed, so the alerts record at once); (seconds, queries)."""
        revision = page.get_latest_revision()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries, transaction.atomic():
            revision.publish()
        return time.perf_counter() - started, len(queries)

    # (a) at a tenth of the readers, then at all of them.
    readers(0, count // 10)
    publish(draft("Opwarmen"))  # the first publication of a process loads caches
    _seconds, small_queries = publish(draft(f"Nieuw voor {count // 10} lezers"))
    readers(count // 10, count)
    page = draft(f"Nieuw voor {count} lezers")
    publish_seconds, publish_queries = publish(page)
    queued = Delivery.objects.filter(event__page=page).count()

    # (b) the same readers daily; a page in the period; the run at the period's end.
    Delivery.objects.all().delete()
    Subscription.objects.update(frequency=Frequency.DAILY)
    publish(draft("In het overzicht"))
    end = digests.last_boundary(Frequency.DAILY, timezone.now()) + digests.LENGTH["dagelijks"]
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    # Counted without keeping them (CaptureQueriesContext keeps 9,000 at most).
    digest_queries = 0

    def count_query(execute, *args):
        nonlocal digest_queries
        digest_queries += 1
        return execute(*args)

    with connection.execute_wrapper(count_query):
        done = digests.run_due(now=end + timezone.timedelta(minutes=1))
    digest_seconds = time.perf_counter() - started
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(30)
    sent = sum(totals[0] for _run, totals in done)
    print(
        json.dumps(
            {
                "publish_seconds": publish_seconds,
                "publish_queries": publish_queries,
                "publish_queries_small": small_queries,
                "queued": queued,
                "digest_seconds": digest_seconds,
                "digest_queries": digest_queries,
                "digest_sent": sent,
                "batch_size": settings.ALERTS_BATCH_SIZE,
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dossier.settings.production")
        measure(int(sys.argv[2]), "--profile" in sys.argv)
    else:
        main()
