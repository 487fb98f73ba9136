"""A real SMTP server on loopback for the mail tests (aiosmtpd's ``Controller``).

The server accepts every message and keeps it: the envelope (sender, recipients) and the
message as the ``email`` package parses it. Tests point Django's SMTP backend at it with
``server.settings()``; the browser tests' served copy gets the same values through its
environment (``server.environ()``).

The server can be stopped and started again on the same port, for the tests of a mail server
that is down.
"""

import email
import email.policy
import socket
import threading
import time
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller


@dataclass
class Received:
    """One message as the server received it."""

    sender: str
    recipients: list
    message: email.message.EmailMessage

    @property
    def to(self):
        return self.recipients[0]

    @property
    def subject(self):
        return str(self.message["Subject"])

    def part(self, content_type):
        """The decoded text of the message's ``content_type`` part ("text/plain", "text/html")."""
        for part in self.message.walk():
            if part.get_content_type() == content_type and not part.is_multipart():
                return part.get_content()
        raise AssertionError(f"no {content_type} part in {self.subject!r}")

    @property
    def text(self):
        return self.part("text/plain")

    @property
    def html(self):
        return self.part("text/html")


@dataclass
class _Handler:
    received: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: After this many messages the server drops every connection at the end of a message,
    #: without an answer: a mail server that goes away in the middle of a run.
    limit: int | None = None

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            gone = self.limit is not None and len(self.received) >= self.limit
        if gone:
            server.transport.abort()
            return "421 4.3.2 Service not available"
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SMTPServer:
    """aiosmtpd on 127.0.0.1:``port``, recording what it receives."""

    def __init__(self, port=None):
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.handler = _Handler()
        self.controller = None

    @property
    def running(self):
        return self.controller is not None

    def start(self):
        if self.controller is None:
            self.controller = Controller(self.handler, hostname=self.host, port=self.port)
            self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def fail_after(self, count):
        """Drop the connection after ``count`` messages in all (None: accept again)."""
        with self.handler.lock:
            self.handler.limit = count

    @property
    def messages(self):
        with self.handler.lock:
            return list(self.handler.received)

    def clear(self):
        with self.handler.lock:
            self.handler.received.clear()

    def to(self, address):
        """The messages to ``address``."""
        return [m for m in self.messages if address in m.recipients]

    def wait_for(self, count, timeout=10.0):
        """The messages once at least ``count`` arrived (for a server process that sends)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{len(self.messages)} of {count} mails arrived within {timeout} s"
                )
            time.sleep(0.05)
        return self.messages

    def settings(self):
        """Django settings that send through this server."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": self.host,
            "EMAIL_PORT": self.port,
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_TIMEOUT": 5,
        }

    def environ(self):
        """The same for a server process that reads its settings from the environment."""
        return {
            "EMAIL_HOST": self.host,
            "EMAIL_PORT": str(self.port),
            "EMAIL_USE_TLS": "false",
        }


@pytest.fixture
def smtp_server():
    """A running SMTP server for one test, stopped afterwards."""
    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def smtp_settings(smtp_server, settings):
    """Django's SMTP backend pointed at ``smtp_server`` for one test."""
    for name, value in smtp_server.settings().items():
        setattr(settings, name, value)
    return smtp_server
