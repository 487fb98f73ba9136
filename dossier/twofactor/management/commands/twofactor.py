"""Operators' commands for the editors' second factor.

manage.py twofactor list               accounts with admin access and no second factor
manage.py twofactor enrol USERNAME     add an authenticator app: prints its QR code, key
                                       and ten new recovery codes
manage.py twofactor reset USERNAME     remove all of an account's passkeys, apps and codes
"""

import io
import logging
from base64 import b32encode

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from wagtail.log_actions import log

from dossier.twofactor import devices as factor
from dossier.twofactor.policy import can_reach_admin, clear_failures

logger = logging.getLogger("dossier.twofactor")


class Command(BaseCommand):
    help = "List accounts without a second factor, enrol an authenticator app, or reset one."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("list", help="accounts that can reach the admin but have no factor")
        enrol = actions.add_parser("enrol", help="add an authenticator app to an account")
        enrol.add_argument("username")
        reset = actions.add_parser("reset", help="remove every device of an account")
        reset.add_argument("username")

    def handle(self, *args, action, **options):
        if action == "list":
            self.list_accounts()
        elif action == "enrol":
            self.enrol(self.get_user(options["username"]))
        else:
            self.reset(self.get_user(options["username"]))

    def get_user(self, username):
        User = get_user_model()
        try:
            return User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No account named {username!r}.") from None

    def list_accounts(self):
        User = get_user_model()
        candidates = User.objects.filter(is_active=True).filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="access_admin")
            | Q(user_permissions__codename="access_admin")
        )
        missing = [
            user
            for user in candidates.distinct().order_by(User.USERNAME_FIELD)
            if can_reach_admin(user) and not factor.has_second_factor(user)
        ]
        for user in missing:
            self.stdout.write(f"{user.get_username()}\t{user.email}")
        self.stderr.write(f"{len(missing)} account(s) with admin access and no second factor.")

    def enrol(self, user):
        device = factor.pending_totp_device(user)
        device.name = "Authenticator-app (beheerder)"
        device.confirmed = True
        device.save(update_fields=["name", "confirmed"])
        codes = factor.new_recovery_codes(user)
        logger.warning("Authenticator app enrolled from the shell for user %s", user.pk)
        qr = segno.make(device.config_url, error="m")
        buffer = io.StringIO()
        qr.terminal(out=buffer, compact=True)
        self.stdout.write(
            f"Authenticator app for {user.get_username()}: scan this code, or enter the key "
            "by hand. Hand it over in person; do not mail it."
        )
        self.stdout.write(buffer.getvalue())
        self.stdout.write(f"URL: {device.config_url}")
        self.stdout.write(f"Key: {b32encode(device.bin_key).decode()}")
        self.stdout.write("Recovery codes (each works once):")
        for code in codes:
            self.stdout.write(f"  {code}")

    def reset(self, user):
        removed = factor.reset_devices(user)
        clear_failures(user)
        log(instance=user, action="twofactor.reset", user=None)
        logger.warning("Second factor of user %s reset from the shell", user.pk)
        self.stdout.write(
            f"Removed {removed} device(s) of {user.get_username()}; "
            "they set up a new second factor at their next sign-in."
        )
