"""The editor and the site's addresses in a day's traffic (bench/day.py): Django processes on
the bench database, with the server's environment.

    python -m bench.day_editor urls                           # the pages in Zipf rank order
    python -m bench.day_editor publish --seconds S --out F    # publish every PUBLISH_EVERY s
"""

import argparse
import itertools
import json
import os
import random
import re
import secrets
import time
from urllib.parse import quote

PUBLISH_EVERY = 5
NEW_EVERY = 4
SEED = 17

# Django is set up in ``main``, before the functions below import its models.


def section_indexes(root):
    """The live section index pages under ``root``, in menu order."""
    from dossier.models import SectionIndexPage

    children = root.get_children().live().public().order_by("path")
    return [c for c in children if issubclass(c.specific_class, SectionIndexPage)]


def site_urls():
    """{"paths": the pages in Zipf rank order, "tasks": whether a "cache" task backend
    exists}: home, the section indexes, the theme hubs, then every other live public page in a
    fixed random order."""
    from django.conf import settings
    from django.urls import reverse
    from wagtail.models import Site

    from dossier.models import Theme

    root = Site.objects.get(is_default_site=True).root_page

    def path_of(page):
        return quote("/" + page.url_path[len(root.url_path) :], safe="/")

    sections = section_indexes(root)
    others = sorted(
        root.get_descendants().live().public().exclude(pk__in=[s.pk for s in sections]),
        key=lambda page: page.pk,
    )
    random.Random(SEED).shuffle(others)
    themes = Theme.objects.order_by("pk")
    paths = ["/"]
    paths += [path_of(p) for p in sections]
    paths += [quote(reverse("theme_detail", args=[t.slug]), safe="/") for t in themes]
    paths += [path_of(p) for p in others]
    return {"paths": paths, "tasks": "cache" in settings.TASKS}


def publish_loop(seconds, out):
    """Publish a page every PUBLISH_EVERY seconds until ``seconds`` have passed: edits of a
    random page of each section in turn, every NEW_EVERY-th time a new page (a copy of one,
    published as new). Prints "ready" when it starts its clock; appends a JSON line per publish
    to ``out``; prints the state of the re-render tasks last."""
    from django.conf import settings
    from django.utils import timezone
    from wagtail.models import Page, Site

    root = Site.objects.get(is_default_site=True).root_page
    sections = section_indexes(root)
    pools = {
        s.pk: list(Page.objects.live().public().descendant_of(s).values_list("pk", flat=True))
        for s in sections
    }
    sections = [s for s in sections if pools[s.pk]]
    rng = random.Random(SEED)
    tasks = "cache" in settings.TASKS
    if tasks:
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.filter(backend_name="cache", started_at=None).delete()

    def edit(page, n):
        page.intro = re.sub(r" \(bijgewerkt \d+\)$", "", page.intro or "") + f" (bijgewerkt {n})"
        return page

    def new(source, n):
        attrs = {
            "title": f"Nieuw tijdens de meting {n}",
            "slug": f"meting-{n}-{secrets.token_hex(3)}",
        }
        if hasattr(source, "date"):
            attrs["date"] = timezone.localdate()
        return source.copy(
            to=source.get_parent(), update_attrs=attrs, keep_live=False, copy_revisions=False
        ).specific

    print("ready", flush=True)
    start = time.monotonic()
    with open(out, "a", encoding="utf-8") as records:
        for n in itertools.count(1):
            due = start + n * PUBLISH_EVERY
            if due >= start + seconds - 0.5:
                break
            time.sleep(max(0.0, due - time.monotonic()))
            section = sections[(n - 1) % len(sections)]
            started = time.time()
            source = Page.objects.get(pk=rng.choice(pools[section.pk])).specific
            kind = "new" if n % NEW_EVERY == 0 else "edit"
            page = new(source, n) if kind == "new" else edit(source, n)
            revision = page.save_revision(log_action=True)
            revision.publish()
            ended = time.time()
            record = {"n": n, "kind": kind, "page": page.pk, "url": page.url, "started": started}
            records.write(json.dumps({**record, "ended": ended}) + "\n")
            records.flush()

    state = None
    if tasks:
        from django.db.models import Count
        from django_tasks_db.models import DBTaskResult

        state = dict(
            DBTaskResult.objects.filter(backend_name="cache")
            .values_list("status")
            .annotate(n=Count("id"))
            .values_list("status", "n")
        )
    print(json.dumps(state), flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("urls", help="print the pages in Zipf rank order as JSON")
    publish = commands.add_parser("publish", help="publish a page every few seconds")
    publish.add_argument("--seconds", type=float, required=True)
    publish.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dossier.settings.production")
    django.setup()
    if args.command == "urls":
        print(json.dumps(site_urls()))
    else:
        publish_loop(args.seconds, args.out)


if __name__ == "__main__":
    main()
