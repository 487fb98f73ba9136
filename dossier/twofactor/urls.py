from django.urls import path

from dossier.twofactor import views
from dossier.twofactor.passkeys import webauthn_urls

# Under /admin/ (Wagtail's register_admin_urls: signed-in users with admin access only).
urlpatterns = [
    path("tweede-factor/", views.verify, name="twofactor_verify"),
    path("tweede-factor/instellen/", views.enrol, name="twofactor_enrol"),
    path("tweede-factor/instellen/app/", views.enrol_app, name="twofactor_enrol_app"),
    path("tweede-factor/herstelcodes/", views.recovery_codes, name="twofactor_recovery_codes"),
    path("tweede-factor/apparaten/", views.device_list, name="twofactor_devices"),
    path("tweede-factor/apparaten/verwijderen/", views.remove_device, name="twofactor_remove"),
    path("tweede-factor/wissen/<int:user_id>/", views.reset, name="twofactor_reset"),
    path("tweede-factor/passkey/", webauthn_urls()),
]
