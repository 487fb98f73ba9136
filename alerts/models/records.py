"""Following the dossier by e-mail: who follows what, how often, and what was sent.

A reader follows a ``Topic``: a finder selection (section, kind, theme, tag, search words;
all empty is the whole dossier) or one page. Nothing is stored before the reader confirms
the address (``alerts.tokens``): the click on the confirmation link creates the
``Subscriber`` and its ``Subscription``.

Publishing records an ``Event`` (a new page, an important change, a project's new update)
with the topics it matches; each mail to send is a ``Delivery``: one per subscriber and
event for "direct", one per subscriber and ``DigestRun`` for the digests. Their unique
constraints are what keep a mail from going out twice.
"""

import secrets

from django.db import models
from django.db.models import Q


def new_key():
    return secrets.token_hex(8)


class Frequency(models.TextChoices):
    DIRECT = "direct", "direct"
    DAILY = "dagelijks", "dagelijks"
    WEEKLY = "wekelijks", "wekelijks"


class Subscriber(models.Model):
    """An address that confirmed it wants mail; the only personal data the alerts keep."""

    email = models.EmailField("e-mailadres", unique=True)
    #: Part of every link in the subscriber's mails: erasing the address, or a new key,
    #: makes the old links void.
    key = models.CharField(max_length=16, default=new_key, editable=False)
    created_at = models.DateTimeField("aangemeld op", auto_now_add=True)
    #: A hard bounce or a complaint: no mail goes to this address again.
    blocked_at = models.DateTimeField("geblokkeerd op", null=True, blank=True)
    blocked_reason = models.CharField("reden", max_length=40, blank=True)

    class Meta:
        verbose_name = "volger"
        verbose_name_plural = "volgers"
        permissions = [("view_addresses", "Kan e-mailadressen van volgers zien")]

    def __str__(self):
        return self.email


class Topic(models.Model):
    """Something that can be followed. ``key`` is the normalised selection (one row per
    distinct selection, however many follow it); empty fields mean "any"."""

    key = models.CharField(max_length=400, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField("soort", max_length=30, blank=True)
    theme = models.ForeignKey(
        "dossier.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tag = models.SlugField("tag", max_length=100, blank=True, allow_unicode=True)
    words = models.CharField("zoekwoorden", max_length=200, blank=True)

    class Meta:
        verbose_name = "gevolgd onderwerp"
        verbose_name_plural = "gevolgde onderwerpen"

    def __str__(self):
        from ..topics import describe

        return describe(self)


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="subscriptions")
    frequency = models.CharField(
        "hoe vaak", max_length=10, choices=Frequency.choices, default=Frequency.DIRECT
    )
    created_at = models.DateTimeField("bevestigd op", auto_now_add=True)
    ended_at = models.DateTimeField("beëindigd op", null=True, blank=True)

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementen"
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "topic"], name="one_subscription")
        ]
        indexes = [
            models.Index(
                fields=["topic", "frequency"],
                condition=Q(ended_at__isnull=True),
                name="active_subscription",
            )
        ]

    def __str__(self):
        return f"{self.subscriber_id} volgt {self.topic_id} ({self.frequency})"

    @property
    def active(self):
        return self.ended_at is None


class Event(models.Model):
    """Something readers following a topic hear about."""

    NEW, CHANGED, UPDATE = "nieuw", "gewijzigd", "update"
    KINDS = [(NEW, "nieuw"), (CHANGED, "belangrijke wijziging"), (UPDATE, "nieuwe update")]

    #: "page:<id>", "note:<id>" or "update:<id>": one event per publication, change note or
    #: update, however often the page is published again.
    key = models.CharField(max_length=40, unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=KINDS)
    #: The change note or the update's title: what changed, in the editor's words.
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    #: Recorded only so that it is never announced (the updates a new page came with).
    silent = models.BooleanField(default=False)
    topics = models.ManyToManyField(Topic, related_name="events", blank=True)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"

    def __str__(self):
        return f"{self.kind}: {self.page_id}"


class DigestRun(models.Model):
    """One digest period of one frequency: created once, finished once."""

    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    period_start = models.DateTimeField()
    period_end = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "overzichtsronde"
        verbose_name_plural = "overzichtsrondes"
        constraints = [
            models.UniqueConstraint(fields=["frequency", "period_end"], name="one_run_per_period")
        ]

    def __str__(self):
        return f"{self.frequency} tot {self.period_end:%Y-%m-%d %H:%M}"


class Delivery(models.Model):
    """One mail to one subscriber: for an event (direct) or for a digest run."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    run = models.ForeignKey(
        DigestRun, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    created_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    #: Set while a worker sends it; a claim older than ALERTS_CLAIM_SECONDS is taken over.
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    #: Given up (after every retry) or nothing left to say (the page went private).
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = "verzending"
        verbose_name_plural = "verzendingen"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "event"],
                condition=Q(run__isnull=True),
                name="one_direct_mail_per_event",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "run"],
                condition=Q(run__isnull=False),
                name="one_digest_per_run",
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(sent_at__isnull=True, closed_at__isnull=True),
                name="delivery_pending",
            )
        ]

    def __str__(self):
        return f"aan {self.subscriber_id}: {self.event_id or self.run_id}"
