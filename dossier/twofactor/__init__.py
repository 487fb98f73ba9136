"""The editors' second factor: passkeys, authenticator codes and recovery codes after the
password on Wagtail's admin login (django-otp and django-otp-webauthn)."""
