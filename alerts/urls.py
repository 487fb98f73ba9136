"""/volgen/: following the dossier by e-mail (included from the root URLconf)."""

from django.urls import include, path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.sign_up, name="follow"),
    path("verstuurd/", views.sent, name="sent"),
    path("bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("beheer/", views.manage_request, name="manage_request"),
    path("beheer/<str:token>/", views.manage, name="manage"),
    # A mail provider's bounce and complaint webhooks (django-anymail), when one is used.
    path("anymail/", include("anymail.urls")),
]
