"""The alerts app in the Wagtail admin: the "Volgers" report (alerts.admin) and its
permissions in the group editor."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks

from .admin import AddressesView, FollowersMenuItem, FollowersReportView


@hooks.register("register_admin_urls")
def register_followers_report():
    urls = [
        path("", FollowersReportView.as_view(), name="report"),
        path("results/", FollowersReportView.as_view(results_only=True), name="report_results"),
        path("<int:pk>/", AddressesView.as_view(), name="addresses"),
        path(
            "<int:pk>/results/",
            AddressesView.as_view(results_only=True),
            name="addresses_results",
        ),
    ]
    return [path("volgers/", include((urls, "alerts_admin"), namespace="alerts_admin"))]


@hooks.register("register_reports_menu_item")
def register_followers_menu_item():
    return FollowersMenuItem(
        "Volgers",
        reverse("alerts_admin:report"),
        name="volgers",
        icon_name="mail",
        order=1300,
    )


@hooks.register("register_permissions")
def register_followers_permissions():
    """ "Can view" a follower (the counts) and "can see the addresses", grantable per group."""
    return Permission.objects.filter(
        content_type__app_label="alerts", codename__in=["view_subscriber", "view_addresses"]
    )
