"""The contribution models move here from the dossier app. Their tables stay where they are
(``dossier_contribution``, ``dossier_contributionformpage``): only Django's state moves, and the
content types (with their permissions and the pages that point at them) follow the models."""

import contributions.uploads
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.db import migrations, models


MODELS = ["contribution", "contributionformpage"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="dossier", model__in=MODELS).update(
        app_label="contributions"
    )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="contributions", model__in=MODELS).update(
        app_label="dossier"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('dossier', '0004_contribution_document'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Contribution',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='ontvangen')),
                        ('name', models.CharField(max_length=160, verbose_name='naam')),
                        ('organisation', models.CharField(blank=True, max_length=160, verbose_name='organisatie')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mailadres')),
                        ('kind', models.CharField(choices=[('nieuwstip', 'Nieuwstip'), ('blog', 'Blog of opinie'), ('project', 'Project of bijeenkomst'), ('publicatie', 'Publicatie'), ('bron', 'Bron (website, dataset, tool)'), ('anders', 'Iets anders')], max_length=20, verbose_name='soort bijdrage')),
                        ('title', models.CharField(max_length=200, verbose_name='titel')),
                        ('text', models.TextField(max_length=20000, validators=[django.core.validators.MaxLengthValidator(20000)], verbose_name='tekst')),
                        ('link', models.URLField(blank=True, max_length=500, verbose_name='link')),
                        ('attachment', models.FileField(blank=True, max_length=255, storage=contributions.uploads.private_storage, upload_to=contributions.uploads.attachment_path, verbose_name='bijlage')),
                        ('attachment_name', models.CharField(blank=True, max_length=255, verbose_name='bestandsnaam van de bijlage')),
                        ('attachment_type', models.CharField(blank=True, max_length=100, verbose_name='soort bestand')),
                        ('attachment_size', models.PositiveIntegerField(blank=True, null=True, verbose_name='grootte van de bijlage')),
                        ('consent_at', models.DateTimeField(verbose_name='toestemming gegeven op')),
                        ('status', models.CharField(choices=[('nieuw', 'Nieuw'), ('in_behandeling', 'In behandeling'), ('geaccepteerd', 'Geaccepteerd'), ('afgewezen', 'Afgewezen')], db_index=True, default='nieuw', max_length=20, verbose_name='status')),
                        ('editor_notes', models.TextField(blank=True, help_text='Alleen zichtbaar in het beheer.', verbose_name='notities van de redactie')),
                        ('editors_notified_at', models.DateTimeField(blank=True, null=True, verbose_name='redactie bericht op')),
                        ('confirmation_sent_at', models.DateTimeField(blank=True, null=True, verbose_name='bevestiging verstuurd op')),
                        ('document', models.ForeignKey(blank=True, help_text="De bijlage in de documentenbibliotheek, na 'Maak conceptpagina'.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document', verbose_name='document')),
                        ('page', models.ForeignKey(blank=True, help_text='De pagina die van deze bijdrage is gemaakt.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='pagina')),
                    ],
                    options={
                        'verbose_name': 'bijdrage',
                        'verbose_name_plural': 'bijdragen',
                        'db_table': 'dossier_contribution',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ContributionFormPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', wagtail.fields.RichTextField(blank=True, help_text='Wat voor bijdragen het dossier zoekt en wat er daarna mee gebeurt.', verbose_name='inleiding')),
                        ('thank_you_title', models.CharField(default='Bedankt voor uw bijdrage', max_length=160, verbose_name='titel van de bedankpagina')),
                        ('thank_you_text', wagtail.fields.RichTextField(blank=True, help_text='Wat de inzender na het versturen ziet, bijvoorbeeld wanneer de redactie reageert.', verbose_name='tekst van de bedankpagina')),
                        ('privacy_page', models.ForeignKey(blank=True, help_text='Bij de toestemming staat een link naar deze pagina.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='privacyverklaring')),
                    ],
                    options={
                        'verbose_name': 'bijdrageformulier',
                        'verbose_name_plural': 'bijdrageformulieren',
                        'db_table': 'dossier_contributionformpage',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
