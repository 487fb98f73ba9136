"""Serializers for the dossier's relations in the JSON API (see ``dossier.api``).

Plain serializers without models, so that page models can use them in ``api_fields``
without an import cycle.
"""

from rest_framework import serializers


class ThemeSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()
    website = serializers.URLField()
    is_own = serializers.BooleanField()


class PersonSerializer(serializers.Serializer):
    """A person as the public pages show them: no e-mail address or phone number."""

    name = serializers.CharField()
    role = serializers.CharField()
    organisation = serializers.CharField(source="organisation.name", default=None)


class ChangeNoteSerializer(serializers.Serializer):
    """A published change note: the day readers saw it, what changed, and whether the
    editor marked it important."""

    date = serializers.DateField()
    text = serializers.CharField()
    important = serializers.BooleanField()
