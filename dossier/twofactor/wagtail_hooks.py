from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from dossier.twofactor import urls
from dossier.twofactor.views import can_reset


@hooks.register("register_admin_urls")
def register_twofactor_urls():
    return urls.urlpatterns


@hooks.register("register_account_menu_item")
def twofactor_account_item(request):
    return {
        "url": reverse("twofactor_devices"),
        "label": "Tweede factor",
        "help_text": "Passkeys, authenticator-apps en herstelcodes waarmee je je aanmeldt.",
    }


@hooks.register("register_user_listing_buttons")
def twofactor_reset_button(user, request_user):
    if can_reset(request_user) and user.pk != request_user.pk:
        yield Button(
            "Tweede factor wissen",
            reverse("twofactor_reset", args=[user.pk]),
            priority=50,
        )


@hooks.register("register_log_actions")
def twofactor_log_actions(actions):
    actions.register_action(
        "twofactor.reset", "Tweede factor gewist", "Tweede factor gewist door een beheerder"
    )
