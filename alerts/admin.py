"""The "Volgers" report in the Wagtail admin (Rapporten > Volgers): how many addresses follow
each section, theme, finder selection and page, per frequency, in a fixed number of queries.

Counts need ``alerts.view_subscriber`` (the Editors and Moderators groups have it); the
addresses behind a count are shown only to those with the dedicated permission
``alerts.view_addresses``, one followed item at a time.
"""

import django_filters
from django.contrib.auth import get_permission_codename
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .labels import describe
from .models import Frequency, Subscriber, Subscription, Topic


class FollowersPermissionPolicy(ModelPermissionPolicy):
    """``view``: the counts (``alerts.view_subscriber``); ``view_addresses``: the addresses
    as well (``alerts.view_addresses``, a permission of its own)."""

    OWN_CODENAMES = ("view_addresses",)

    def _codename(self, action):
        if action in self.OWN_CODENAMES:
            return action
        return get_permission_codename(action, self.model._meta)

    def _get_permission_codenames(self, actions):
        return {self._codename(action) for action in actions}

    def _get_permission_name(self, action):
        return f"{self.app_label}.{self._codename(action)}"


permission_policy = FollowersPermissionPolicy(Subscriber)


# --- Followed items and their counts --------------------------------------------------------

SECTION, THEME, SELECTION, PAGE = 1, 2, 3, 4
GROUPS = {SECTION: "Rubriek", THEME: "Thema", SELECTION: "Selectie in de zoeker", PAGE: "Pagina"}
FREQUENCY_FIELDS = {
    Frequency.DIRECT: "direct",
    Frequency.DAILY: "daily",
    Frequency.WEEKLY: "weekly",
}


def _active(prefix="", frequency=None):
    """Subscriptions that mail still goes to (of one frequency), seen from ``prefix``."""
    condition = Q(
        **{f"{prefix}ended_at__isnull": True, f"{prefix}subscriber__blocked_at__isnull": True}
    )
    if frequency is not None:
        condition &= Q(**{f"{prefix}frequency": frequency})
    return condition


def _group():
    """Which kind of item a topic follows: one page, a whole section, a whole theme, or any
    other finder selection (the whole dossier included)."""
    only = Q(kind="", tag="", words="")
    return Case(
        When(page__isnull=False, then=Value(PAGE)),
        When(only & Q(section__isnull=False, theme__isnull=True), then=Value(SECTION)),
        When(only & Q(section__isnull=True, theme__isnull=False), then=Value(THEME)),
        default=Value(SELECTION),
        output_field=IntegerField(),
    )


def followed_topics():
    """Every topic with an active subscription, with its counts per frequency (``direct``,
    ``daily``, ``weekly``, ``total``) and its ``group``: one query, however many topics."""
    counts = {
        field: Count("subscriptions", filter=_active("subscriptions__", frequency))
        for frequency, field in FREQUENCY_FIELDS.items()
    }
    return (
        Topic.objects.annotate(
            **counts, total=Count("subscriptions", filter=_active("subscriptions__"))
        )
        .filter(total__gt=0)
        .annotate(group=_group())
        .select_related("page", "section", "theme")
        .order_by("group", "-total", "pk")
    )


class FollowersFilterSet(WagtailFilterSet):
    group = django_filters.ChoiceFilter(
        label="Soort", choices=list(GROUPS.items()), empty_label="Alle soorten"
    )

    class Meta:
        model = Topic
        fields = []


class FollowersReportView(ReportView):
    """Rapporten > Volgers: one row per followed item, grouped by kind."""

    page_title = "Volgers"
    header_icon = "mail"
    index_url_name = "alerts_admin:report"
    index_results_url_name = "alerts_admin:report_results"
    results_template_name = "alerts/admin/report_results.html"
    filterset_class = FollowersFilterSet
    permission_policy = permission_policy
    any_permission_required = ["view", "view_addresses"]
    paginate_by = 100
    list_export = ["label", "group_label", "direct", "daily", "weekly", "total"]
    export_headings = {
        "label": "Gevolgd",
        "group_label": "Soort",
        "direct": "Direct",
        "daily": "Dagelijks",
        "weekly": "Wekelijks",
        "total": "Totaal",
    }
    verbose_name_plural = "gevolgde onderwerpen"

    def get_base_queryset(self):
        return followed_topics()

    @cached_property
    def may_see_addresses(self):
        return permission_policy.user_has_permission(self.request.user, "view_addresses")

    @cached_property
    def columns(self):
        label = (
            TitleColumn(
                "label",
                label="Gevolgd",
                get_url=lambda topic: reverse("alerts_admin:addresses", args=[topic.pk]),
            )
            if self.may_see_addresses
            else Column("label", label="Gevolgd")
        )
        return [
            label,
            Column("group_label", label="Soort"),
            NumberColumn("direct", label="Direct"),
            NumberColumn("daily", label="Dagelijks"),
            NumberColumn("weekly", label="Wekelijks"),
            NumberColumn("total", label="Totaal"),
        ]

    def decorate_paginated_queryset(self, topics):
        for topic in topics:
            topic.label = describe(topic)
            topic.group_label = GROUPS[topic.group]
        return topics

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["totals"] = self.totals()
        context["may_see_addresses"] = self.may_see_addresses
        return context

    def totals(self):
        """The counts of all rows the filter shows, and how many addresses they are."""
        topics = self.object_list
        counts = {
            field: Count("pk", filter=Q(frequency=frequency))
            for frequency, field in FREQUENCY_FIELDS.items()
        }
        totals = Subscription.objects.filter(_active(), topic__in=topics.values("pk")).aggregate(
            **counts, total=Count("pk"), addresses=Count("subscriber", distinct=True)
        )
        totals["items"] = topics.count()
        return totals


class AddressesView(ReportView):
    """The addresses that follow one item, for those with ``alerts.view_addresses``."""

    header_icon = "mail"
    results_template_name = "alerts/admin/addresses_results.html"
    permission_policy = permission_policy
    permission_required = "view_addresses"
    paginate_by = 50
    columns = [
        Column("subscriber.email", label="E-mailadres"),
        Column("get_frequency_display", label="Hoe vaak"),
        DateColumn("created_at", label="Bevestigd op"),
    ]
    verbose_name_plural = "volgers"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.topic = get_object_or_404(
            Topic.objects.select_related("page", "section", "theme"), pk=kwargs["pk"]
        )

    def get_page_title(self):
        return f"Volgers van: {describe(self.topic)}"

    def get_index_url(self):
        return reverse("alerts_admin:addresses", args=[self.topic.pk])

    def get_index_results_url(self):
        return reverse("alerts_admin:addresses_results", args=[self.topic.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("alerts_admin:report"), "label": "Volgers"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_base_queryset(self):
        return (
            Subscription.objects.filter(_active(), topic=self.topic)
            .select_related("subscriber")
            .order_by("subscriber__email", "pk")
        )


class FollowersMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_any_permission(request.user, ["view", "view_addresses"])
