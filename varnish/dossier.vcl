# Varnish in front of the dossier (Debian's varnish 7.1 with varnish-modules for xkey, or the
# official varnish image). Anonymous GETs are cached and purged by tag: the site sends the tags
# of what a page shows in its `xkey` header (dossier/ops/page_cache.py) and, when content
# changes, a PURGE with an `xkey-purge` header naming the tags that changed.
#
# Cached: 200 responses to GET/HEAD without a session or CSRF cookie that the site marks with
# `xkey` (pages, feeds, calendars), and static files. Passed: the admin and previews, POSTs,
# editors (session cookie), forms (CSRF cookie), health checks, and every response that sets a
# cookie or says private/no-store/no-cache. Not kept at all: pages the site marks
# `X-Page-Cache-Key: noncanonical` (unknown query parameters) and errors. Only cached objects are
# compressed, so a page carrying a CSRF token or an editor's data is never compressed (BREACH).
# PURGE is accepted from loopback and private networks only, and not through another proxy.
vcl 4.1;

import std;
import xkey;

# compose: the web service; `bench/varnish.py` writes a copy with its own host and port.
backend web {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 10s;
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: loopback and the private networks a compose project or a host's containers use.
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        # Varnish has appended the client's address to X-Forwarded-For: a comma means the
        # request came through another proxy (the TLS proxy in front), so from outside.
        if (client.ip !~ purgers || req.http.X-Forwarded-For ~ ",") {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged));
        }
        # A purge of one address (Wagtail's HTTPBackend, for pages purged by URL).
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|healthz|readyz)(/|\?|$)" || req.http.Authorization) {
        return (pass);
    }
    # Editors and forms: Django's session and CSRF cookies (with or without a __Host- prefix).
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?(sessionid|csrftoken)=") {
        return (pass);
    }
    # Readers get no cookies from the site; any other cookie must not split the cache.
    unset req.http.Cookie;
    # Tracking parameters never change a page: drop them, then sort what is left, so that the
    # same page is one object whatever the order of its parameters.
    set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|fbclid|gclid|msclkid|mc_cid|mc_eid)=[^&]*", "\1");
    set req.url = regsuball(req.url, "&&+", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_hit {
    set req.http.x-cache = "hit";
}

sub vcl_miss {
    set req.http.x-cache = "miss";
}

sub vcl_pass {
    set req.http.x-cache = "pass";
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Not kept, and no object at all: a page served for unknown query parameters (the site
    # marks it noncanonical) and errors, so junk addresses do not fill the cache. (A
    # hit-for-miss object would count as an object for its lifetime plus grace.)
    if (beresp.http.X-Page-Cache-Key == "noncanonical" || beresp.status >= 400) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.keep = 0s;
        return (deliver);
    }
    # Not kept either, but remembered for 30 s as hit-for-miss, so that readers asking for
    # such an address at the same moment are not queued behind each other's fetch: redirects,
    # responses that set a cookie or are private, and responses the site did not tag.
    if (beresp.status != 200
        || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || !(beresp.http.xkey || bereq.url ~ "^/static/")) {
        set beresp.uncacheable = true;
        set beresp.ttl = 30s;
        set beresp.grace = 0s;
        set beresp.keep = 0s;
        return (deliver);
    }
    # Pages are purged by tag when they change; their lifetime comes from s-maxage. After it
    # ends (or while the site is down) a reader still gets the old copy at once while a new
    # one is fetched in the background.
    set beresp.grace = 1h;
    if (beresp.http.Content-Type ~ "^(text/|application/(xml|json|javascript|rss\+xml|atom\+xml|xhtml\+xml)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.x-cache;
    unset resp.http.xkey;
    unset resp.http.X-Page-Cache-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
