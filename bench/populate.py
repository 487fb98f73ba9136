"""Fill the configured database with a large synthetic dossier, quickly.

    python -m bench.populate --pages 10000

Runs after ``migrate`` and ``load_demo`` (which give the site, the section indexes, people and
organisations). Pages are written with bulk inserts, one table at a time, instead of
``add_child`` and ``save_revision`` (about 40 queries a page): live pages without revisions,
as an import would make them. The finder's table and the search index are built afterwards
(``finder_rows.rebuild()`` and ``update_index``).

Titles, intros and bodies draw their words from ``vocabulary-nl.txt`` with a Zipf-like
frequency (the word of rank r has weight 1/r^1.05), so that common words occur in nearly every
page and rare ones in a handful, as in a real dossier. The draw is seeded: the same size gives
the same text. The list holds the 30,000 most frequent Dutch words of the ``wordfreq`` package
3.1.1 (``wordfreq.top_n_list("nl", 30000)``, alphabetic words of two or more letters kept, in
rank order; https://github.com/rspeer/wordfreq), whose data is licensed CC BY-SA 4.0. It was
generated once in a throwaway virtualenv; wordfreq is not a dependency.
"""

import argparse
import functools
import io
import itertools
import json
import os
import random
import sys
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

# Share of each page type in the synthetic dossier: news, opinion, projects and events,
# publications, sources.
MIX = {
    "news": 0.50,
    "blog": 0.15,
    "project": 0.05,
    "event": 0.05,
    "publication": 0.20,
    "source": 0.05,
}
THEMES = 30
TAGS = 500
IMAGES = 300
PEOPLE = 60
BATCH = 500

#: The vocabulary of the synthetic text, most frequent word first (see the module docstring).
VOCABULARY = Path(__file__).resolve().parent / "vocabulary-nl.txt"
#: Zipf exponent: the word of rank r is drawn with weight 1 / r**ZIPF_EXPONENT.
ZIPF_EXPONENT = 1.05


@functools.cache
def vocabulary():
    """(words in rank order, their cumulative Zipf weights) for ``random.choices``."""
    words = [
        line
        for line in VOCABULARY.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    weights = itertools.accumulate(1 / rank**ZIPF_EXPONENT for rank in range(1, len(words) + 1))
    return words, list(weights)


def progress(label, done, total, started):
    """A one-line progress bar on stderr."""
    width = 30
    filled = int(width * done / total) if total else width
    elapsed = time.monotonic() - started
    sys.stderr.write(
        f"\r  {label:<14} [{'#' * filled}{'.' * (width - filled)}] {done:>6}/{total} "
        f"{elapsed:5.1f}s"
    )
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def sentence(rng, words=12):
    """``words`` words drawn with their Zipf frequency, as a sentence."""
    vocabulary_words, cum_weights = vocabulary()
    text = " ".join(rng.choices(vocabulary_words, cum_weights=cum_weights, k=words))
    return text[0].upper() + text[1:] + "."


def body_json(rng):
    """A body of a heading and a few paragraphs, as the StreamField stores it."""
    blocks = [
        {
            "type": "paragraph",
            "value": "".join(f"<p>{sentence(rng, 30)}</p>" for _ in range(2)),
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
        },
        {
            "type": "heading",
            "value": {"text": sentence(rng, 4)[:-1], "level": "h2"},
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
        },
        {
            "type": "paragraph",
            "value": "".join(f"<p>{sentence(rng, 40)}</p>" for _ in range(3)),
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
        },
    ]
    return blocks


def insert_rows(model, objects):
    """INSERT the model's own columns of ``objects`` (one table of a multi-table page)."""
    from django.db import connection

    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        [f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def add_pages(parent, model, specs, label):
    """Add ``specs`` (field values per page) as live children of ``parent``."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    position = last._get_lastpos_in_path() if last else 0
    depth = parent.depth + 1
    chain = [m for m in reversed(model._meta.get_parent_list()) if m is not Page] + [model]
    started = time.monotonic()
    made = []
    for start in range(0, len(specs), BATCH):
        batch = specs[start : start + BATCH]
        objects = []
        for n, spec in enumerate(batch, start=start + 1):
            published = timezone.make_aware(datetime.combine(spec["date"], datetime.min.time()))
            objects.append(
                model(
                    path=Page._get_path(parent.path, depth, position + n),
                    depth=depth,
                    numchild=0,
                    url_path=f"{parent.url_path}{spec['slug']}/",
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    draft_title=spec["title"],
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                    **spec,
                )
            )
        with transaction.atomic():
            bases = Page.objects.bulk_create(
                [
                    Page(**{f.attname: getattr(o, f.attname) for f in Page._meta.concrete_fields})
                    for o in objects
                ]
            )
            for obj, base in zip(objects, bases, strict=True):
                obj.id = base.id
                for m in chain:
                    setattr(obj, m._meta.pk.attname, base.id)
            for m in chain:
                insert_rows(m, objects)
        made.extend(objects)
        progress(label, len(made), len(specs), started)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(specs))
    parent.numchild += len(specs)
    return made


def make_images(rng, count):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    started = time.monotonic()
    images = []
    for n in range(count):
        colour = tuple(rng.randrange(40, 220) for _ in range(3))
        picture = PILImage.new("RGB", (960, 640), colour)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80)
        image = Image(title=f"Beeld {n + 1}")
        image.file = ImageFile(buffer, name=f"bench-{n + 1}.jpg")
        image.save()
        images.append(image)
        if (n + 1) % 25 == 0 or n + 1 == count:
            progress("images", n + 1, count, started)
    return images


def populate(total, seed=1):
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from taggit.models import Tag
    from wagtail.models import Page

    from dossier.models import Organisation, PageAuthor, PageTheme, Person, TaggedPage, Theme
    from news.models import NewsIndexPage, NewsPage
    from opinion.models import BlogPage, OpinionIndexPage
    from projects.models import EventPage, ProjectIndexPage, ProjectPage
    from publications.models import PublicationIndexPage, PublicationPage
    from sources.models import SourceIndexPage, SourcePage

    rng = random.Random(seed)
    today = timezone.localdate()

    with transaction.atomic():
        existing = Theme.objects.count()
        Theme.objects.bulk_create(
            Theme(name=f"Thema {n}", slug=f"thema-{n}", description=sentence(rng))
            for n in range(existing + 1, THEMES + 1)
        )
        Tag.objects.bulk_create(
            Tag(name=f"trefwoord {n}", slug=f"trefwoord-{n}") for n in range(1, TAGS + 1)
        )
        organisations = list(Organisation.objects.all())
        Person.objects.bulk_create(
            Person(
                name=f"Auteur {n}",
                role="Adviseur",
                organisation=rng.choice(organisations) if organisations else None,
            )
            for n in range(1, PEOPLE + 1)
        )
    themes = list(Theme.objects.all())
    tags = list(Tag.objects.filter(slug__startswith="trefwoord-"))
    people = list(Person.objects.all())
    images = make_images(rng, IMAGES)

    def common(kind_label, n):
        title = f"{kind_label} {n}: {sentence(rng, 5)[:-1]}"
        image = rng.choice(images) if rng.random() < 0.4 else None
        return {
            "title": title[:250],
            "slug": slugify(f"{kind_label}-{n}"),
            "intro": sentence(rng, 25),
            "body": body_json(rng),
            "date": today - timedelta(days=rng.randrange(0, 3650)),
            "image": image,
            "image_alt": "Een gekleurd vlak" if image else "",
            "seo_title": "",
            "search_description": "",
        }

    counts = {kind: round(total * share) for kind, share in MIX.items()}
    counts["news"] += total - sum(counts.values())
    index = {
        model: Page.objects.type(model).get().specific
        for model in (
            NewsIndexPage,
            OpinionIndexPage,
            ProjectIndexPage,
            PublicationIndexPage,
            SourceIndexPage,
        )
    }

    def specs(count, label, extra):
        return [{**common(label, n), **extra(n)} for n in range(1, count + 1)]

    made = []
    made += add_pages(
        index[NewsIndexPage],
        NewsPage,
        specs(
            counts["news"],
            "Bericht",
            lambda n: {"kind": rng.choice(NewsPage.Kind.values), "source_name": "VNG"},
        ),
        "news",
    )
    blogs = add_pages(
        index[OpinionIndexPage],
        BlogPage,
        specs(counts["blog"], "Blog", lambda n: {}),
        "opinion",
    )
    made += blogs
    made += add_pages(
        index[ProjectIndexPage],
        ProjectPage,
        specs(
            counts["project"],
            "Project",
            lambda n: {"status": rng.choice(ProjectPage.Status.values), "take_part_title": ""},
        ),
        "projects",
    )

    def event(n):
        start = timezone.make_aware(
            datetime.combine(today + timedelta(days=rng.randrange(-1500, 200)), datetime.min.time())
        ) + timedelta(hours=10)
        return {
            "start": start,
            "end": start + timedelta(hours=3),
            "date": timezone.localdate(start),
            "location_name": "Stadskantoor",
        }

    made += add_pages(
        index[ProjectIndexPage],
        EventPage,
        specs(counts["event"], "Bijeenkomst", event),
        "events",
    )
    made += add_pages(
        index[PublicationIndexPage],
        PublicationPage,
        specs(
            counts["publication"],
            "Publicatie",
            lambda n: {
                "kind": rng.choice(PublicationPage.Kind.values),
                "publisher": rng.choice(organisations) if organisations else None,
            },
        ),
        "publications",
    )
    made += add_pages(
        index[SourceIndexPage],
        SourcePage,
        specs(
            counts["source"],
            "Bron",
            lambda n: {
                "kind": rng.choice(SourcePage.Kind.values),
                "link_url": f"https://example.org/bron/{n}",
                "why_read": sentence(rng, 30),
                "owner_organisation": rng.choice(organisations) if organisations else None,
            },
        ),
        "sources",
    )

    started = time.monotonic()
    with transaction.atomic():
        links = []
        tagged = []
        for page in made:
            for theme in rng.sample(themes, 2):
                links.append(PageTheme(page_id=page.pk, theme_id=theme.pk))
            for tag in rng.sample(tags, 3):
                tagged.append(TaggedPage(content_object_id=page.pk, tag_id=tag.pk))
        PageTheme.objects.bulk_create(links, batch_size=2000)
        TaggedPage.objects.bulk_create(tagged, batch_size=2000)
        PageAuthor.objects.bulk_create(
            (
                PageAuthor(page_id=blog.pk, person=rng.choice(people), sort_order=0)
                for blog in blogs
            ),
            batch_size=2000,
        )
    progress("themes, tags", len(made), len(made), started)
    return len(made)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--timings", help="write the measured seconds to this JSON file")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dossier.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    from dossier.models import finder_rows

    started = time.monotonic()
    made = populate(args.pages)
    print(f"  {made} pages in {time.monotonic() - started:.0f}s; building the finder's table…")
    timings = {}
    started = time.monotonic()
    rows = finder_rows.rebuild()
    timings["finder_rebuild_s"] = time.monotonic() - started
    print(f"  finder table ({rows} rows) in {timings['finder_rebuild_s']:.1f}s")
    started = time.monotonic()
    call_command("update_index", verbosity=0)
    timings["update_index_s"] = time.monotonic() - started
    print(f"  search index in {timings['update_index_s']:.1f}s")
    started = time.monotonic()
    call_command("update_search_words", verbosity=0)
    timings["search_words_s"] = time.monotonic() - started
    print(f"  search words in {timings['search_words_s']:.1f}s")
    if args.timings:
        Path(args.timings).write_text(json.dumps(timings), encoding="utf-8")
    analyse()


def analyse():
    """Fresh planner statistics after the bulk load, as autovacuum would give a site that grew
    over time; without them PostgreSQL plans some search queries as if the tables were empty."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


if __name__ == "__main__":
    main()
