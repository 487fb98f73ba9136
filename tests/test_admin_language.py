"""Editors read the admin in Wagtail's Dutch, which says "je": every admin-facing text of our
own (help texts, labels, admin screens and messages) does the same. The public site keeps
"u"."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.blocks import Block
from wagtail.fields import StreamField

from contributions.drafts import make_draft_page
from contributions.models import Contribution

PROJECT_DIR = Path(__file__).resolve().parent.parent
APPS = ["contributions", "dossier", "news", "opinion", "projects", "publications", "sources"]
FORMAL = re.compile(r"\b(u|uw)\b", re.IGNORECASE)

#: Admin screens and admin-facing modules (the public form, its pages and its mails say "u").
ADMIN_FILES = [
    "contributions/admin.py",
    "contributions/panels.py",
    "contributions/drafts.py",
    "contributions/wagtail_hooks.py",
    "dossier/wagtail_hooks.py",
    *(
        str(path.relative_to(PROJECT_DIR))
        for path in (PROJECT_DIR / "contributions/templates/contributions/admin").glob("*.html")
    ),
    "templates/axes/lockout.html",
    *(
        str(path.relative_to(PROJECT_DIR))
        for folder in ("dossier/twofactor", "templates/twofactor")
        for path in sorted((PROJECT_DIR / folder).glob("*.*"))
        if path.suffix in {".py", ".html"}
    ),
]


def formal(text) -> list[str]:
    return FORMAL.findall(str(text or ""))


def model_texts():
    for app in APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                for attribute in ("help_text", "verbose_name"):
                    value = getattr(field, attribute, "")
                    if value:
                        yield f"{model.__name__}.{field.name}.{attribute}", value
                if isinstance(field, StreamField):
                    yield from block_texts(f"{model.__name__}.{field.name}", field.stream_block)


def block_texts(path, block: Block):
    for attribute in ("help_text", "label"):
        value = getattr(block.meta, attribute, None) or getattr(block, attribute, None)
        if value:
            yield f"{path}.{attribute}", value
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from block_texts(f"{path}.{name}", child)


def test_help_texts_and_labels_say_je():
    texts = list(model_texts())
    assert len(texts) > 100, "the check reads the fields of every page type and snippet"
    assert [(where, text) for where, text in texts if formal(text)] == []


@pytest.mark.parametrize("name", ADMIN_FILES)
def test_admin_screens_and_messages_say_je(name):
    text = (PROJECT_DIR / name).read_text()

    assert formal(text) == []


def test_the_check_finds_u():
    assert formal("Werkt u aan een project in uw gemeente?") == ["u", "uw"]
    assert formal("Je mag geen pagina's toevoegen.") == []


@pytest.mark.django_db
def test_a_draft_refused_for_lack_of_page_permissions_says_je(django_user_model):
    group = Group.objects.create(name="Alleen bijdragen")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="contributions",
            codename__in=["view_contribution", "change_contribution"],
        ),
    )
    user = django_user_model.objects.create_user("alleen", "a@example.org", "wachtwoord")
    user.groups.add(group)
    contribution = Contribution.objects.create(
        name="Anouk",
        email="anouk@example.org",
        kind="nieuwstip",
        title="Zonder paginarechten",
        text="Een tip.",
        consent_at=timezone.now(),
    )

    with pytest.raises(ValidationError) as refused:
        make_draft_page(contribution, "nieuwstip", user)

    assert refused.value.messages == ["Je mag geen pagina's toevoegen onder 'Nieuws'."]
