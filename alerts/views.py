"""The reader's side of following by e-mail, under /volgen/.

No page here sets a cookie or needs a login: the sign-up form is guarded by a honeypot, a
time-trap and rate limits (``dossier.ops.abuse``), and every link in a mail carries a signed
token (``alerts.tokens``) that is the reader's only key. The token routes take POSTs
without a CSRF token for that reason: a third party cannot know the token, and the one-click
unsubscribe of RFC 8058 comes from a mail provider, which has none.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Site

from dossier.models import dossier_settings, home_crumb

from . import tokens
from .forms import FrequencyForm, ManageRequestForm, SignUpForm, guard
from .models import Frequency, Subscriber, Subscription
from .tasks import send_confirmation, send_manage_link
from .topics import choice_label, finder_path, read_choice, topic_choice, topic_for

logger = logging.getLogger(__name__)

SAFE = ("GET", "HEAD")


#: The heading of each page, also the last step of its breadcrumbs.
HEADINGS = {
    "follow.html": "Volg het dossier",
    "sent.html": "Kijk in uw mailbox",
    "link_problem.html": "Deze link werkt niet",
    "confirm.html": "Bevestig uw aanmelding",
    "confirmed.html": "U bent aangemeld",
    "unsubscribe.html": "Afmelden",
    "unsubscribed.html": "U bent afgemeld",
    "manage_request.html": "Beheer uw e-mails",
    "manage.html": "Uw e-mails van het dossier",
}


def _render(request, template, context, status=200):
    heading = HEADINGS[template]
    trail = [home_crumb(request)]
    if template != "follow.html":
        trail.append({"title": HEADINGS["follow.html"], "url": reverse("alerts:follow")})
    trail.append({"title": heading, "url": None})
    context = {
        "heading": heading,
        "breadcrumb_trail": trail,
        "privacy_url": privacy_url(request),
        "retention_days": settings.ALERTS_RETENTION_DAYS,
        **context,
    }
    response = TemplateResponse(request, f"alerts/{template}", context, status=status)
    # Forms with a time-trap token and pages reached by personal links: never from a cache.
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    return response


def privacy_url(request):
    """The privacy statement that the site settings name, or None."""
    site = Site.find_for_request(request)
    page = dossier_settings(site).privacy_page if site is not None else None
    return page.get_url(request) if page is not None and page.live else None


def rate_limit_message(refusal):
    minutes = max(1, round(refusal.wait / 60))
    if refusal.limit == "email":
        reason = "Voor dit e-mailadres zijn kort na elkaar al meerdere aanvragen gedaan."
    else:
        reason = "Vanaf uw internetadres zijn kort na elkaar al veel aanvragen gedaan."
    return (
        f"{reason} Om misbruik tegen te gaan, nemen we er even geen nieuwe aan. Probeer het "
        f"over ongeveer {minutes} {'minuut' if minutes == 1 else 'minuten'} opnieuw."
    )


def _guarded_post(request, form):
    """(problem, status, retry_after) of a posted public form; problem None when it may go."""
    problem = guard.form_token_problem(request.POST.get("started"))
    refused = guard.refusal(request, form.data.get("email"))
    valid = form.is_valid()
    if refused is not None:
        return rate_limit_message(refused), 429, refused.wait
    if problem is not None:
        return problem, 400, None
    if not valid:
        return "", 400, None
    return None, 200, None


@csrf_exempt
def sign_up(request):
    """/volgen/?<finder selection>: what following means, and the form for it."""
    if request.method not in (*SAFE, "POST"):
        return HttpResponseNotAllowed([*SAFE, "POST"])
    choice, ignored = read_choice(request.GET, request)
    problem, status, retry_after = "", 200, None
    if request.method == "POST":
        form = SignUpForm(request.POST)
        if form.is_bot:
            guard.count(request)
            return HttpResponseRedirect(reverse("alerts:sent"))
        problem, status, retry_after = _guarded_post(request, form)
        if problem is None:
            email = form.cleaned_data["email"]
            blocked = Subscriber.objects.filter(email=email, blocked_at__isnull=False).exists()
            if not blocked:
                token = tokens.confirm_token(email, choice.params(), form.cleaned_data["frequency"])
                send_confirmation.enqueue(email, token, choice_label(choice, request))
            guard.count(request, email)
            return HttpResponseRedirect(reverse("alerts:sent"))
    else:
        form = SignUpForm()
    response = _render(
        request,
        "follow.html",
        {
            "form": form,
            "form_problem": problem,
            "choice": choice,
            "choice_label": choice_label(choice, request),
            "ignored": ignored,
            "finder_url": finder_path(choice),
            "query": request.GET.urlencode(),
        },
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def sent(request):
    """After the sign-up or the manage form: the same words whatever the address."""
    manage = request.GET.get("voor") == "beheer"
    return _render(request, "sent.html", {"manage": manage})


def link_problem(request, problem):
    """A Dutch page for a link that is expired (410) or damaged (400)."""
    status = 410 if problem.reason == "expired" else 400
    return _render(request, "link_problem.html", {"reason": problem.reason}, status=status)


@csrf_exempt
def confirm(request, token):
    """The link in the confirmation mail. GET shows what will be followed with a button; the
    POST of that button creates the subscription. (Mail scanners open links, so a GET
    alone never subscribes anybody.)"""
    if request.method not in (*SAFE, "POST"):
        return HttpResponseNotAllowed([*SAFE, "POST"])
    try:
        data = tokens.read(tokens.CONFIRM, token)
        email, params, frequency = data["e"], data["s"], data["f"]
        if frequency not in Frequency.values or not isinstance(params, dict):
            raise tokens.LinkProblem("invalid")
    except tokens.LinkProblem as problem:
        return link_problem(request, problem)
    except (KeyError, TypeError, ValueError):
        return link_problem(request, tokens.LinkProblem("invalid"))
    choice, ignored = read_choice(params, request)
    if ignored:
        # The page or theme followed is gone: say so, subscribe to nothing.
        return _render(request, "link_problem.html", {"reason": "gone"}, status=410)
    context = {
        "email": email,
        "frequency": Frequency(frequency).label,
        "choice_label": choice_label(choice, request),
        "finder_url": finder_path(choice),
    }
    if request.method != "POST":
        return _render(request, "confirm.html", context)
    if Subscriber.objects.filter(email=email, blocked_at__isnull=False).exists():
        # A hard bounce or a complaint: an old confirmation link does not undo that.
        return _render(request, "link_problem.html", {"reason": "blocked"}, status=403)
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=email)
        topic = topic_for(choice, request)
        Subscription.objects.update_or_create(
            subscriber=subscriber,
            topic=topic,
            defaults={"frequency": frequency, "ended_at": None},
        )
    context["manage_url"] = reverse("alerts:manage", args=[tokens.manage_token(subscriber)])
    return _render(request, "confirmed.html", context)


def _subscriber(data):
    try:
        return Subscriber.objects.filter(pk=int(data["i"]), key=str(data["k"])).first()
    except (KeyError, TypeError, ValueError):
        return None


@csrf_exempt
def unsubscribe(request, token):
    """The unsubscribe link of every mail. A POST ends the subscriptions it names (RFC 8058
    one-click: no login, no CSRF token, idempotent, 200); a GET asks first."""
    if request.method not in (*SAFE, "POST"):
        return HttpResponseNotAllowed([*SAFE, "POST"])
    try:
        data = tokens.read(tokens.UNSUBSCRIBE, token, expires=False)
    except tokens.LinkProblem as problem:
        return link_problem(request, problem)
    subscriber = _subscriber(data)
    subscriptions = Subscription.objects.none()
    if subscriber is not None:
        subscriptions = subscriber.subscriptions.filter(ended_at__isnull=True)
        if isinstance(data.get("s"), list):
            subscriptions = subscriptions.filter(
                pk__in=[i for i in data["s"] if isinstance(i, int)]
            )
    if request.method == "POST":
        ended = subscriptions.update(ended_at=timezone.now())
        return _render(request, "unsubscribed.html", {"ended": ended})
    listed = list(subscriptions.select_related("topic__page", "topic__section", "topic__theme"))
    return _render(request, "unsubscribe.html", {"subscriptions": listed})


@csrf_exempt
def manage_request(request):
    """/volgen/beheer/: ask for a link to the page that lists one's subscriptions."""
    if request.method not in (*SAFE, "POST"):
        return HttpResponseNotAllowed([*SAFE, "POST"])
    problem, status, retry_after = "", 200, None
    if request.method == "POST":
        form = ManageRequestForm(request.POST)
        if form.is_bot:
            guard.count(request)
            return HttpResponseRedirect(reverse("alerts:sent") + "?voor=beheer")
        problem, status, retry_after = _guarded_post(request, form)
        if problem is None:
            email = form.cleaned_data["email"]
            subscriber = Subscriber.objects.filter(email=email, blocked_at__isnull=True).first()
            if subscriber is not None:
                send_manage_link.enqueue(subscriber.pk)
            guard.count(request, email)
            return HttpResponseRedirect(reverse("alerts:sent") + "?voor=beheer")
    else:
        form = ManageRequestForm()
    response = _render(
        request, "manage_request.html", {"form": form, "form_problem": problem}, status=status
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def _manage_action(data, active):
    """Carry out one button of the manage page on the ``active`` subscriptions; what to say."""
    action = data.get("action")
    if action == "stop-alles":
        active.update(ended_at=timezone.now())
        return "Alle e-mails zijn gestopt."
    form = FrequencyForm(data)
    if action not in ("frequentie", "stop") or not form.is_valid():
        return ""
    chosen = active.filter(pk=form.cleaned_data["subscription"])
    if action == "stop":
        return "Gestopt." if chosen.update(ended_at=timezone.now()) else ""
    frequency = form.cleaned_data["frequency"]
    if chosen.update(frequency=frequency):
        return f"Opgeslagen: u krijgt deze e-mails nu {Frequency(frequency).label}."
    return ""


@csrf_exempt
def manage(request, token):
    """The page of the magic link: the address's subscriptions, to change or end."""
    if request.method not in (*SAFE, "POST"):
        return HttpResponseNotAllowed([*SAFE, "POST"])
    try:
        subscriber = _subscriber(tokens.read(tokens.MANAGE, token))
    except tokens.LinkProblem as problem:
        return link_problem(request, problem)
    if subscriber is None:
        return _render(request, "link_problem.html", {"reason": "gone"}, status=410)
    active = subscriber.subscriptions.filter(ended_at__isnull=True)
    done = _manage_action(request.POST, active) if request.method == "POST" else ""
    subscriptions = list(
        active.select_related("topic__page", "topic__section", "topic__theme").order_by("pk")
    )
    for subscription in subscriptions:
        subscription.finder_url = finder_path(topic_choice(subscription.topic))
    return _render(
        request,
        "manage.html",
        {
            "subscriber": subscriber,
            "subscriptions": subscriptions,
            "done": done,
            "frequencies": Frequency.choices,
            "unsubscribe_all": reverse(
                "alerts:unsubscribe", args=[tokens.unsubscribe_token(subscriber)]
            ),
        },
    )
