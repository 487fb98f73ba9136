"""The editors' side of contributions in the Wagtail admin: the "Bijdragen" menu with the
submissions; one screen per submission (the edit view) with everything it holds, the
attachment download, its status and notes and "Maak conceptpagina"; a read-only view for
those who may only look; and a dashboard panel with the number of new submissions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .drafts import make_draft_page
from .models import Contribution
from .panels import DRAFT_ACTION, contribution_panels, moment
from .uploads import safe_file_name


class ContributionPermissionPolicy(ModelPermissionPolicy):
    """Submissions come from the public form only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class ContributionIndexView(IndexView):
    def get_inspect_url(self, instance):
        # Editors who may change a contribution see all of it on the edit screen, the list's
        # link; the read-only view is for those who may only look.
        if self.user_has_permission("change"):
            return None
        return super().get_inspect_url(instance)


class ContributionEditView(EditView):
    """Everything the contribution holds, its status and notes, and "Maak conceptpagina"
    (the ``draft`` action: the notes are saved and the draft is made in one step)."""

    actions = ["edit", DRAFT_ACTION]
    page_title = "Bijdrage"
    success_message = "Bijdrage '%(object)s' bijgewerkt."

    def get_inspect_url(self):
        return None  # this screen shows everything already

    def is_valid(self, form):
        valid = super().is_valid(form)
        if self.action == DRAFT_ACTION and valid and not form.cleaned_data.get("target"):
            form.add_error("target", "Kies een rubriek voor de conceptpagina.")
            self.produced_error_message = self.get_error_message()
            valid = False
        return valid

    def form_valid(self, form):
        if self.action != DRAFT_ACTION:
            return super().form_valid(form)
        self.form = form
        try:
            with transaction.atomic():
                self.object = self.save_instance()
                page = make_draft_page(
                    self.object,
                    form.cleaned_data["target"],
                    self.request.user,
                    themes=form.cleaned_data["themes"],
                )
        except ValidationError as error:
            # Nothing was stored; show the contribution as it is in the database again.
            self.object.refresh_from_db()
            form.add_error(None, error)
            self.produced_error_message = "De conceptpagina is niet gemaakt."
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Conceptpagina '{page.title}' gemaakt en ter beoordeling aangeboden. "
            "Vul de pagina aan en laat haar publiceren.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class ContributionInspectView(InspectView):
    """The contribution read-only, for those who may look but not change; editors who may
    change it go to the edit screen, which shows the same and more."""

    template_name = "contributions/admin/inspect.html"

    def get(self, request, *args, **kwargs):
        if self.permission_policy.user_has_permission(request.user, "change"):
            return redirect(self.edit_url_name, self.object.pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.attachment:
            context["attachment_url"] = reverse("contributions:attachment", args=[self.object.pk])
        return context

    def get_kind_display_value(self):
        return self.object.get_kind_display()

    def get_page_display_value(self):
        return self.object.page.get_admin_display_title() if self.object.page else "—"

    def get_created_at_display_value(self):
        return moment(self.object.created_at)

    def get_consent_at_display_value(self):
        return moment(self.object.consent_at)

    def get_editors_notified_at_display_value(self):
        return moment(self.object.editors_notified_at)

    def get_confirmation_sent_at_display_value(self):
        return moment(self.object.confirmation_sent_at)


class ContributionViewSet(ModelViewSet):
    model = Contribution
    name = "contributions"
    url_prefix = "bijdragen"
    icon = "mail"
    menu_label = "Bijdragen"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = ContributionIndexView
    edit_view_class = ContributionEditView
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
        "consent_at",
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
    edit_handler = contribution_panels

    @property
    def permission_policy(self):
        return ContributionPermissionPolicy(self.model)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("attachment/<int:pk>/", self.attachment_view, name="attachment"),
        ]

    def attachment_view(self, request, pk):
        """The private attachment, for editors only, always as a download."""
        if not self.permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
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
