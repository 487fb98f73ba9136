"""The contribution models move to the contributions app (their tables stay, see there), and
the themes of every page type get one table, PageTheme (each section app then moves its
pages' themes into it)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dossier', '0004_contribution_document'),
        ('contributions', '0001_initial'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
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
        migrations.CreateModel(
            name='PageTheme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='page_themes', to='wagtailcore.page')),
                ('theme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='page_links', to='dossier.theme', verbose_name='thema')),
            ],
            options={
                'verbose_name': 'thema van een pagina',
                'verbose_name_plural': "thema's van pagina's",
                'constraints': [models.UniqueConstraint(fields=('page', 'theme'), name='unique_theme_per_page')],
            },
        ),
    ]
