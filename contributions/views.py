"""The public side of contributions: the form (shown again with what was typed when a rate
limit refuses it, with 429), the thank-you page, and the Dutch answer to a failed CSRF check
(403)."""

import logging

from django.db import DatabaseError, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_protect

from . import abuse
from .forms import ContributionForm
from .tasks import queue_mails

logger = logging.getLogger(__name__)

NOT_STORED = (
    "Door een storing is uw bijdrage niet opgeslagen. Wat u schreef staat hieronder nog: "
    "verstuur het formulier over een halve minuut opnieuw."
)


def rate_limit_message(refusal):
    """What a contributor refused by a rate limit reads above their form."""
    minutes = max(1, round(refusal.wait / 60))
    if refusal.limit == "email":
        reason = "Met dit e-mailadres zijn kort na elkaar al meerdere bijdragen verstuurd."
    else:
        reason = "Vanaf uw internetadres zijn kort na elkaar al veel bijdragen verstuurd."
    return (
        f"{reason} Om spam tegen te gaan, nemen we er even geen nieuwe aan. Wat u schreef "
        "staat hieronder nog: verstuur het formulier over ongeveer "
        f"{minutes} {'minuut' if minutes == 1 else 'minuten'} opnieuw."
    )


@csrf_protect
def contribution_form(request, page):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form_problem = problem_title = None
    attachment_lost = False
    status, retry_after = 200, None
    if request.method == "POST":
        form = ContributionForm(
            request.POST,
            request.FILES,
            refused_uploads=getattr(request, "refused_uploads", ()),
        )
        if form.is_bot:
            # A bot gets the same answer as a person, and nothing is stored or sent.
            abuse.count_submission(request)
            return HttpResponseRedirect(page.url + "bedankt/")
        form_problem = abuse.form_token_problem(request.POST.get("started"))
        # An upload is never kept for a form that is shown again: it must be chosen anew.
        attachment_lost = bool(request.FILES or form.refused_uploads)
        refused = abuse.refusal(request, form.data.get("email"))
        valid = form.is_valid()
        if refused is not None:
            # Nothing is stored; the form comes back with everything typed but the file.
            form_problem, status, retry_after = rate_limit_message(refused), 429, refused.wait
            problem_title = "Uw bijdrage is nog niet verstuurd"
        elif valid and form_problem is None:
            try:
                store(form)
            except DatabaseError:
                # Nothing was stored: the reader gets the form back with what they wrote,
                # never a thank-you for a submission the editors will not see.
                logger.exception("Contribution not stored; the form is shown again")
                form_problem, status = NOT_STORED, 503
            else:
                abuse.count_submission(request, form.cleaned_data["email"])
                return HttpResponseRedirect(page.url + "bedankt/")
    else:
        form = ContributionForm()
    context = page.get_context(request)
    context.update(
        {
            # Django ties each field to its help text and error (aria-describedby) and marks
            # fields with an error aria-invalid; the templates give those elements their ids.
            "form": form,
            "form_problem": form_problem,
            "problem_title": problem_title or "Controleer het formulier",
            "attachment_lost": attachment_lost,
        }
    )
    response = TemplateResponse(
        request, "contributions/contribution_form_page.html", context, status=status
    )
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    # The page carries a CSRF token and a time-trap token: never from a cache.
    add_never_cache_headers(response)
    return response


def store(form):
    """Commit the submission first; the mails are queued only once the row is safe.

    The attachment is written to the private storage inside the transaction; if the
    transaction fails, the file goes too, so a rollback leaves neither a row nor a file.
    """
    try:
        with transaction.atomic():
            contribution = form.save()
    except Exception:
        discard_attachment(form.instance)
        raise

    def enqueue():
        try:
            queue_mails(contribution.pk)
        except Exception:
            # The submission is stored; the editors find it in the admin all the same.
            logger.exception(
                "Contribution %s stored, but its mails were not queued", contribution.pk
            )

    transaction.on_commit(enqueue)
    return contribution


def discard_attachment(contribution):
    """Remove the attachment file of a contribution that was not stored."""
    if not contribution.attachment:
        return
    try:
        contribution.attachment.delete(save=False)
    except OSError:
        logger.exception(
            "Attachment %s of an unstored contribution left behind", contribution.attachment.name
        )


def contribution_thanks(request, page):
    context = page.get_context(request)
    response = TemplateResponse(request, "contributions/contribution_thanks.html", context)
    return response


def csrf_failure(request, reason=""):
    """Django's CSRF check failed: usually an old tab or blocked cookies, so say what to do."""
    response = TemplateResponse(request, "403_csrf.html", {"reason": reason}, status=403)
    add_never_cache_headers(response)
    return response
