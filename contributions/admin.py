"""The editors' side of contributions in the Wagtail admin: the "Bijdragen" menu with the
submissions, a detail view with the attachment download and "Maak conceptpagina", and a
dashboard panel with the number of new submissions."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .drafts import TARGET_CHOICES, make_draft_page, suggested_target
from .models import Contribution
from .uploads import safe_file_name


class ContributionPermissionPolicy(ModelPermissionPolicy):
    """Submissions come from the public form only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class DraftForm(forms.Form):
    target = forms.ChoiceField(label="Maak er een conceptpagina van in", choices=TARGET_CHOICES)


class ContributionInspectView(InspectView):
    template_name = "contributions/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contribution = self.object
        context["draft_form"] = DraftForm(initial={"target": suggested_target(contribution)})
        context["can_change"] = self.permission_policy.user_has_permission(
            self.request.user, "change"
        )
        if contribution.attachment:
            context["attachment_url"] = reverse("contributions:attachment", args=[contribution.pk])
        return context

    def get_kind_display_value(self):
        return self.object.get_kind_display()

    def get_page_display_value(self):
        return self.object.page.get_admin_display_title() if self.object.page else "-"

    def get_editors_notified_at_display_value(self):
        return self._moment(self.object.editors_notified_at)

    def get_confirmation_sent_at_display_value(self):
        return self._moment(self.object.confirmation_sent_at)

    @staticmethod
    def _moment(value):
        return date_format(localtime(value), "j F Y H:i") if value else "nog niet"


class ContributionViewSet(ModelViewSet):
    model = Contribution
    name = "contributions"
    url_prefix = "bijdragen"
    icon = "mail"
    menu_label = "Bijdragen"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = ContributionInspectView
    inspect_view_fields = [
        "created_at",
        "status",
        "kind",
        "title",
        "text",
        "link",
        "name",
        "organisation",
        "email",
        "attachment_name",
        "page",
        "editors_notified_at",
        "confirmation_sent_at",
        "editor_notes",
    ]
    list_display = ["title", "kind", "name", "organisation", "status", "created_at"]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["title", "text", "name", "organisation", "email"]
    search_backend_name = None  # a plain database search: submissions are not indexed
    ordering = ["-created_at"]
    list_per_page = 50
    form_fields = ["status", "editor_notes"]

    @property
    def permission_policy(self):
        return ContributionPermissionPolicy(self.model)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("attachment/<int:pk>/", self.attachment_view, name="attachment"),
            path("draft/<int:pk>/", self.draft_view, name="draft"),
        ]

    def _require(self, request, action):
        if not self.permission_policy.user_has_permission(request.user, action):
            raise PermissionDenied

    def attachment_view(self, request, pk):
        """The private attachment, for editors only, always as a download."""
        self._require(request, "view")
        contribution = get_object_or_404(Contribution, pk=pk)
        if not contribution.attachment:
            raise Http404("Deze bijdrage heeft geen bijlage (meer).")
        try:
            handle = contribution.attachment.open("rb")
        except FileNotFoundError:
            raise Http404("Het bestand van deze bijlage ontbreekt.") from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=safe_file_name(contribution.attachment_name or "bijlage"),
            content_type=contribution.attachment_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        add_never_cache_headers(response)
        return response

    def draft_view(self, request, pk):
        return require_POST(_draft_view)(request, pk, self)


def _draft_view(request, pk, viewset):
    viewset._require(request, "change")
    contribution = get_object_or_404(Contribution, pk=pk)
    inspect_url = reverse("contributions:inspect", args=[pk])
    form = DraftForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Kies een rubriek voor de conceptpagina.")
        return redirect(inspect_url)
    try:
        page = make_draft_page(contribution, form.cleaned_data["target"], request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(inspect_url)
    messages.success(
        request,
        f"Conceptpagina '{page.title}' gemaakt en ter beoordeling aangeboden. "
        "Vul de pagina aan en laat haar publiceren.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


contribution_viewset = ContributionViewSet()


class NewContributionsPanel(Component):
    """On the dashboard: how many submissions wait for a first look."""

    name = "new_contributions"
    order = 50
    template_name = "contributions/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {
            "count": Contribution.objects.filter(status=Contribution.Status.NEW).count(),
            "index_url": reverse("contributions:index") + "?status=nieuw",
        }
