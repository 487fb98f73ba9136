"""The themes of this section's pages move to the one PageTheme table (dossier.PageTheme)."""

from django.db import migrations

from dossier.migrations._page_themes import move_themes


class Migration(migrations.Migration):
    dependencies = [
        ("opinion", "0001_initial"),
        ("dossier", "0005_contributions_app_and_page_themes"),
    ]

    operations = move_themes("opinion", "BlogPage")
