"""A served copy of the dossier in a second process (gunicorn with the test settings), with an
environment of its own: another database, Redis, the page cache switched on."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

from tests.conftest import PROJECT_DIR, _free_port


class Served:
    """A gunicorn serving the dossier with the given environment; its log in a file."""

    def __init__(self, env: dict[str, str], log: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        base = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL", "PAGE_CACHE_ENABLED"}
        }
        self.env = {
            **base,
            "DJANGO_SETTINGS_MODULE": "dossier.settings.test",
            "CONN_MAX_AGE": "0",
            "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "TEST_PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
            "LOG_LEVEL": "WARNING",
            **env,
        }

    def __enter__(self):
        self.log_file = self.log.open("wb")
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "dossier.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "2",
                # No control socket: its default path is shared by every gunicorn of the user.
                "--no-control-socket",
            ],
            cwd=PROJECT_DIR,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log_file,
        )
        # /healthz needs neither database nor cache, so it tells when the server is up.
        deadline = time.monotonic() + 30
        while True:
            try:
                if self.get("/healthz").status == 200:
                    return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.process.kill()
                    raise RuntimeError("The server did not start: " + self.log_text()) from None
                time.sleep(0.2)

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log_file.close()

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")[-5000:]

    def get(self, path, headers=None, opener=None, data=None):
        """The response (also for 4xx and 5xx), with ``.body`` and ``.seconds`` added."""
        request = urllib.request.Request(self.url + path, headers=headers or {}, data=data)
        started = time.monotonic()
        try:
            response = (opener or urllib.request.build_opener(NoRedirect)).open(request, timeout=15)
        except urllib.error.HTTPError as error:
            response = error
        response.body = response.read().decode()
        response.seconds = time.monotonic() - started
        return response


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
