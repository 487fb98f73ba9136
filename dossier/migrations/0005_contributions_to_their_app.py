"""The contribution models move to the contributions app; their tables stay (see there)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('dossier', '0004_contribution_document'),
        ('contributions', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='contributionformpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='contributionformpage',
                    name='privacy_page',
                ),
                migrations.DeleteModel(
                    name='Contribution',
                ),
                migrations.DeleteModel(
                    name='ContributionFormPage',
                ),
            ],
            database_operations=[],
        ),
    ]
