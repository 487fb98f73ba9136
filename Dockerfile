# The dossier's web image: gunicorn with the production settings, as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=dossier.settings.production \
    PORT=8000 \
    BACKUP_DIR=/app/backups

RUN useradd --create-home --uid 1000 dossier
WORKDIR /app

# Dependencies first, so that a code change does not reinstall them: exactly the locked
# versions with their hashes (the runtime and the s3 extra; `make lock` writes the file).
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY --chown=dossier:dossier . .
# collectstatic needs settings that load; these values exist only during the build.
# The folders the app writes to belong to its user: the compose volumes' mount points (a new
# named volume takes over the owner of the image's folder) and the backups folder.
RUN SECRET_KEY=collectstatic ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && mkdir -p /app/media /app/private-media /app/backups \
    && chown dossier:dossier /app/media /app/private-media /app/backups

USER dossier
EXPOSE 8000
CMD ["sh", "-c", "exec gunicorn dossier.wsgi:application --bind 0.0.0.0:${PORT} --workers ${WEB_WORKERS:-3} --access-logfile -"]
