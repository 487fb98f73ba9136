"""A database of the earlier layout migrates forward without losing anything.

Before, every page type kept its themes in a link table of its own and the contribution
models lived in the dossier app. In a database of its own, this test loads the demo dossier,
migrates back to that layout (which copies the themes back into the old tables), checks the
old tables, and migrates forward again: every page keeps its themes, the submissions keep their
rows, their content types (with permissions and pages) follow the models to their new app.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_backup import fresh_database  # noqa: F401 (a fixture used below)

PROJECT_DIR = Path(__file__).resolve().parent.parent

#: The layout of the previous main branch: the last migration of each app before the move.
PREVIOUS_LAYOUT = [
    ("contributions", "zero"),
    ("dossier", "0004_contribution_document"),
    *((app, "0001_initial") for app in ("news", "opinion", "projects", "publications", "sources")),
]
OLD_THEME_TABLES = [
    "news_newspage_themes",
    "opinion_blogpage_themes",
    "projects_projectsitempage_themes",
    "publications_publicationpage_themes",
    "sources_sourcepage_themes",
]

RECORD = """
import json
from django.utils import timezone
from contributions.tasks import send_contribution_mail
from dossier.models import Theme
from news.models import NewsPage
from contributions.models import Contribution
from dossier.models import PageTheme

Contribution.objects.create(
    name="Ans", email="ans@example.nl", kind="nieuwstip", title="Tip", text="Een tip.",
    consent_at=timezone.now(),
)
themes = {}
for page_id, slug in PageTheme.objects.values_list("page_id", "theme__slug"):
    themes.setdefault(str(page_id), []).append(slug)
# A draft whose themes differ from the live page's, and a mail waiting in the queue.
page = NewsPage.objects.live().first()
page.themes = list(Theme.objects.filter(slug__in=["veiligheid", "zorg"]))
draft = page.save_revision()
send_contribution_mail.enqueue(Contribution.objects.get().pk, "editors", 1)
print(json.dumps({
    "themes": {k: sorted(v) for k, v in themes.items()},
    "draft": {"page": page.pk, "revision": draft.pk, "ids": sorted(t.pk for t in page.themes)},
}))
"""

CHECK_OLD = """
import json
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django_tasks_db.models import DBTaskResult
from wagtail.models import Revision

counts = {}
with connection.cursor() as cursor:
    for table in %r:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        counts[table] = cursor.fetchone()[0]
tables = connection.introspection.table_names()
print(json.dumps({
    "counts": counts,
    "page_theme_table": "dossier_pagetheme" in tables,
    "contribution_app": ContentType.objects.get(model="contribution").app_label,
    "draft_content": {
        key: value for key, value in Revision.objects.get(pk=%d).content.items()
        if key in ("themes", "page_themes")
    },
    "task_paths": list(DBTaskResult.objects.values_list("task_path", flat=True)),
}))
"""

CHECK_NEW = """
import json
from django.contrib.auth.models import Group
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, Revision
from contributions.models import Contribution, ContributionFormPage
from dossier.models import PageTheme

themes = {}
for page_id, slug in PageTheme.objects.values_list("page_id", "theme__slug"):
    themes.setdefault(str(page_id), []).append(slug)
form_page = Page.objects.get(slug="bijdragen").specific
editors = Group.objects.get(name="Editors").permissions.filter(
    content_type__app_label="contributions"
)
print(json.dumps({
    "themes": {k: sorted(v) for k, v in themes.items()},
    "contributions": list(Contribution.objects.values_list("title", flat=True)),
    "form_page": isinstance(form_page, ContributionFormPage),
    "editor_permissions": sorted(editors.values_list("codename", flat=True)),
    "draft_themes": sorted(t.pk for t in Revision.objects.get(pk=%d).as_object().themes),
    "live_themes": sorted(t.pk for t in Page.objects.get(pk=%d).specific.themes),
    "tasks": [
        (path, callable(import_string(path).func))
        for path in DBTaskResult.objects.values_list("task_path", flat=True)
    ],
}))
"""


def manage(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url}
    env["DJANGO_SETTINGS_MODULE"] = "dossier.settings.dev"
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def shell(database_url, code):
    return json.loads(manage(database_url, "shell", "-c", code).strip().splitlines()[-1])


@pytest.mark.django_db
def test_a_database_of_the_previous_layout_migrates_forward(fresh_database):  # noqa: F811
    _engine, url, _path = fresh_database
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "load_demo", "-v0")
    before = shell(url, RECORD)
    assert sum(len(slugs) for slugs in before["themes"].values()) > 50

    for app, target in PREVIOUS_LAYOUT:
        manage(url, "migrate", app, target, "--noinput", "-v0")
    draft = before["draft"]
    old = shell(url, CHECK_OLD % (OLD_THEME_TABLES, draft["revision"]))
    assert sum(old["counts"].values()) == sum(len(s) for s in before["themes"].values())
    assert all(old["counts"].values()), old["counts"]
    assert old["page_theme_table"] is False
    assert old["contribution_app"] == "dossier"
    assert old["draft_content"] == {"themes": draft["ids"]}
    assert old["task_paths"] == ["dossier.contributions.tasks.send_contribution_mail"]

    manage(url, "migrate", "--noinput", "-v0")
    after = shell(url, CHECK_NEW % (draft["revision"], draft["page"]))
    assert after["themes"] == before["themes"]
    assert after["contributions"] == ["Tip"]
    assert after["form_page"] is True
    assert after["editor_permissions"] == ["change_contribution", "view_contribution"]
    assert after["draft_themes"] == draft["ids"]
    live_slugs = before["themes"].get(str(draft["page"]), [])
    assert len(after["live_themes"]) == len(live_slugs)  # the live page kept its own
    assert after["tasks"] == [["contributions.tasks.send_contribution_mail", True]]
