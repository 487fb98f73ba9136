from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "dossier"
    verbose_name = "Kennisdossier"

    def ready(self):
        from wagtail.signals import page_published

        from .contributions.drafts import release_documents
        from .page_cache import connect_signals

        connect_signals()

        def release_contribution_documents(sender, instance, **kwargs):
            """A contribution's attachment becomes public together with its page."""
            release_documents(instance)

        page_published.connect(
            release_contribution_documents,
            weak=False,  # a local function: keep it alive after ready() returns
            dispatch_uid="dossier.release_contribution_documents",
        )
