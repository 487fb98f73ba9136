"""Cache tags: what a cached response shows, and the purge of what changed.

A response records the tags of what it shows while it renders (``shows_pages``,
``lists_section``, ``lists_theme``, ``lists_everything``; ``site`` goes on every response):

- ``p<id>``: page <id> itself, a card of it, or a "Lees ook" link to it;
- ``s<id>``: the listings of the section whose index page is <id> (the index, its feed and
  calendar), which change whenever a page of the section is published;
- ``th<id>``: the listings of theme <id> (the hub and its feed);
- ``all``: listings across the sections (home, finder, site feed, sitemap), and every response
  that recorded no tags of its own, so that nothing is forgotten by default;
- ``site``: what every page shows (menus, footer, settings, themes, view restrictions).

Each tag has a version, a random token: in the shared cache when it is Redis (shared across
machines), else in a file per tag under PAGE_CACHE_TAG_DIR (shared across the processes of one
machine, which each keep their own local-memory cache). A cached entry remembers the versions
of its tags when it was stored and is served only while they are all unchanged. A purge gives
its tags new versions and sends them to the caching proxies (CACHE_PURGE_URLS, Varnish with
xkey) in one PURGE request each. A missing version (a restarted or full Redis, a removed file)
gets a new token, so it can never match an entry stored before.
"""

import contextvars
import logging
import os
import secrets
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

SITE = "site"
ALL = "all"
KEY_PREFIX = "page-cache:tag:"
#: The folder of the tag files under MEDIA_ROOT, unless PAGE_CACHE_TAG_DIR says otherwise.
TAG_DIR_NAME = ".page-cache-tags"


class Recording:
    """What the response being rendered shows and which query parameters it reads."""

    __slots__ = ("params", "tags", "versions")

    def __init__(self):
        self.tags = set()
        #: The query parameters the view reads (``reads_params``); None: not declared.
        self.params = None
        #: Tag versions already read during this request.
        self.versions = {}


_recording = contextvars.ContextVar("cache_tags_recording", default=None)


def start():
    """Record the tags of the response about to render; returns the token for ``stop``."""
    return _recording.set(Recording())


def stop(token):
    _recording.reset(token)


def current():
    return _recording.get()


def add(*tags):
    recording = _recording.get()
    if recording is not None:
        recording.tags.update(tags)


def shows_pages(pages):
    """Pages (or page ids) that the response shows: itself, cards, related links."""
    recording = _recording.get()
    if recording is not None:
        recording.tags.update(f"p{getattr(page, 'pk', page)}" for page in pages)


def lists_section(section_id):
    add(f"s{section_id}")


def lists_theme(theme_id):
    add(f"th{theme_id}")


def lists_everything():
    add(ALL)


def reads_params(*names):
    """The query parameters that the response depends on: the page cache keys it on these
    (in a fixed order) and serves other parameters the same page."""
    recording = _recording.get()
    if recording is not None:
        recording.params = tuple(sorted(set(recording.params or ()) | set(names)))


def response_tags(recording):
    """The tags of a rendered response: what it recorded, ``all`` when it recorded nothing,
    and ``site`` always."""
    tags = set(recording.tags) or {ALL}
    tags.add(SITE)
    return tags


def http_request(url, *, method="GET", headers=None, timeout):
    """An HTTP request to an address from the settings (a proxy, the site's front)."""
    if not url.startswith(("http://", "https://")):
        raise OSError(f"Not an http(s) address: {url}")
    request = urllib.request.Request(url, method=method, headers=headers or {})  # noqa: S310
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310


# Versions


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _shared() -> bool:
    return settings.PAGE_CACHE_SHARED


def _tag_dir() -> Path:
    return Path(settings.PAGE_CACHE_TAG_DIR or Path(settings.MEDIA_ROOT) / TAG_DIR_NAME)


def _file_version(path: Path):
    try:
        stat = path.stat()
    except OSError:
        return None
    return f"{stat.st_mtime_ns:x}.{stat.st_ino:x}"


def _new_file_version(path: Path):
    """A new version of the tag file: a new file put in its place (a new inode, so even two
    purges within the clock's resolution differ)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    temporary.write_bytes(secrets.token_bytes(8))
    os.replace(temporary, path)


def _read(tags):
    """{tag: version} for ``tags``, creating the versions that are missing."""
    if _shared():
        keys = {KEY_PREFIX + tag: tag for tag in tags}
        found = _cache().get_many(keys)
        versions = {keys[key]: value for key, value in found.items()}
        missing = [tag for tag in tags if tag not in versions]
        if missing:
            for tag in missing:
                _cache().add(KEY_PREFIX + tag, secrets.token_hex(8), timeout=None)
            found = _cache().get_many([KEY_PREFIX + tag for tag in missing])
            versions.update({keys[key]: value for key, value in found.items()})
        return versions
    folder = _tag_dir()
    versions = {}
    for tag in tags:
        path = folder / tag
        version = _file_version(path)
        if version is None:
            try:
                if not path.exists():
                    _new_file_version(path)
            except OSError:
                logger.warning("Cache tag file %s not written", path)
            version = _file_version(path)
        if version is not None:
            versions[tag] = version
    return versions


def versions(tags):
    """{tag: version} of ``tags`` (read once per request). A tag whose version cannot be read
    or made (the cache is down) is left out: nothing stored under it can be trusted."""
    recording = _recording.get()
    known = recording.versions if recording is not None else {}
    wanted = [tag for tag in tags if tag not in known]
    if wanted:
        fresh = _read(wanted)
        if recording is not None:
            known.update(fresh)
        else:
            known = fresh
    return {tag: known[tag] for tag in tags if tag in known}


def bump(tags):
    """New versions for ``tags`` in this machine's files and the shared cache."""
    tags = list(tags)
    if _shared():
        _cache().set_many({KEY_PREFIX + tag: secrets.token_hex(8) for tag in tags}, timeout=None)
    else:
        for tag in tags:
            _new_file_version(_tag_dir() / tag)
    recording = _recording.get()
    if recording is not None:
        for tag in tags:
            recording.versions.pop(tag, None)


def purge_proxies(tags):
    """Send the tags to every caching proxy in CACHE_PURGE_URLS (Varnish with the xkey vmod
    of varnish/dossier.vcl): ``PURGE /`` with an ``xkey-purge`` header."""
    header = " ".join(sorted(tags))
    for base in settings.CACHE_PURGE_URLS:
        try:
            with http_request(
                base.rstrip("/") + "/",
                method="PURGE",
                headers={"xkey-purge": header},
                timeout=settings.CACHE_PURGE_TIMEOUT,
            ):
                pass
        except OSError:
            logger.warning("Purge of %s at %s failed", header, base, exc_info=True)
