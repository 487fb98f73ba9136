"""Small helpers: read HTML the way a test needs it, without extra dependencies, and run the
mail queue's worker."""

import io
import signal
from html.parser import HTMLParser

from django.core.management import call_command


class Element:
    def __init__(self, tag, attrs):
        self.tag = tag
        self.attrs = dict(attrs)
        self.text = ""

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.open = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs)
        self.elements.append(element)
        if tag not in {"img", "link", "meta", "br", "input", "source", "hr"}:
            self.open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data


def parse(html: str | bytes) -> list[Element]:
    collector = _Collector()
    collector.feed(html.decode() if isinstance(html, bytes) else html)
    return collector.elements


def find_all(html, tag, **attrs):
    return [
        element
        for element in parse(html)
        if element.tag == tag and all(element.attrs.get(k) == v for k, v in attrs.items())
    ]


def texts(elements):
    return [" ".join(element.text.split()) for element in elements]


def run_mail_worker(*extra, backend="mail"):
    """Run the "mail" queue's worker (or ``backend``'s) as production does (``db_worker``),
    until no task is ready; the worker installs its own SIGINT/SIGTERM handlers, so pytest
    gets its own back."""
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in signals}
    try:
        call_command(
            "db_worker",
            "--batch",
            "--backend",
            backend,
            "--no-startup-delay",
            "--no-reload",
            *extra,
            stdout=io.StringIO(),
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
