"""The contributions app's signal receivers, connected once from ``ContributionsConfig.ready``."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published

from .drafts import release_documents
from .models import Contribution


def delete_attachment_file(sender, instance, **kwargs):
    """A deleted submission takes its private file with it."""
    if instance.attachment:
        instance.attachment.delete(save=False)


def release_contribution_documents(sender, instance, **kwargs):
    """A contribution's attachment becomes public together with its page."""
    release_documents(instance)


def connect():
    post_delete.connect(
        delete_attachment_file, sender=Contribution, dispatch_uid="contributions.attachment"
    )
    page_published.connect(
        release_contribution_documents, dispatch_uid="contributions.release_documents"
    )
