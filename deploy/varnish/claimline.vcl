vcl 4.1;
#
# Varnish (7.x, Debian's package) in front of Claimline. Claimline says what may be shared
# (Cache-Control: public, s-maxage on anonymous reader pages, feeds and public API reads) and
# names what each response shows (Surrogate-Key: desk list article-12 claim-34 …); after every
# change it POSTs the affected keys to CACHE_PURGE_URL, which this file answers at
# /.claimline/purge. Everything else is Varnish's built-in behaviour, which runs after each
# subroutine below because none of them returns early unless it must.
#
# Run:  varnishd -a :80 -f /etc/varnish/claimline.vcl -s malloc,256m
# App:  CACHE_PURGE_URL=http://127.0.0.1/.claimline/purge TRUSTED_PROXIES=127.0.0.1,::1

import std;

# The app: `npm start` runs one process per core on this one port.
backend claimline {
    .host = "127.0.0.1";
    .port = "3000";
}

# Who may purge: the app's processes, on this machine. Add the app hosts' addresses when
# Varnish runs elsewhere. Anyone else could empty the cache and send every reader to Node.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.url ~ "^/\.claimline/purge(\?|$)") {
        call claimline_purge;
    }

    # Only reads can be shared; a write must reach the app (and is never stored).
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Signed in (any of Better Auth's cookies, even an expired one): the page shows the
    # editor's name and links and is sent private, so it goes to the app and is never stored.
    if (req.http.Cookie ~ "better-auth\.") {
        return (pass);
    }

    # A URL without `lang` is the English page, but the app first redirects a visitor who
    # prefers Chinese to `?lang=zh-Hans` (307, private). Such visitors must reach the app rather
    # than get the stored English page: the switch's cookie says so, or, without a cookie
    # choosing English, any Chinese in Accept-Language (the app negotiates, so "fr, zh" is
    # Chinese too; passing a few English readers as well costs only a trip to the app).
    if (req.url !~ "[?&]lang=") {
        if (req.http.Cookie ~ "(?i)(^|;)\s*claimline-lang=zh-hans\s*(;|$)") {
            return (pass);
        }
        if (req.http.Cookie !~ "(?i)(^|;)\s*claimline-lang=en\s*(;|$)"
            && req.http.Accept-Language ~ "(?i)(^|,)\s*zh") {
            return (pass);
        }
    }

    # Next's client-side navigation payloads vary by router headers and are private anyway:
    # no point looking them up.
    if (req.http.RSC) {
        return (pass);
    }

    # Everyone else is an anonymous reader and gets the same bytes: their cookies (the
    # language choice, analytics) change nothing on a public page, and the built-in VCL
    # would pass any request that has one.
    unset req.http.Cookie;

    # `?b=1&a=2` and `?a=2&b=1` are the same page (the app sorts them too): one entry.
    set req.url = std.querysort(req.url);

    # On to the built-in vcl_recv: a request with Authorization (an API token) passes.
}

# POST /.claimline/purge with `Surrogate-Key: claim-34 article-12 list`: ban every stored
# object whose Surrogate-Key holds any of those tags as a whole word (claim-3 must not take
# claim-34 with it). Bans are checked at lookup and by the ban lurker, which can evaluate
# obj.* expressions in the background, so old bans do not pile up. (A tag's edges are written
# as "not a tag character" rather than a space: the ban's own syntax splits at spaces.)
sub claimline_purge {
    if (req.method != "POST") {
        return (synth(405, "Method Not Allowed"));
    }
    if (client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    # Tags are [a-z0-9-] words; anything else would be read as regex syntax in the ban.
    if (req.http.Surrogate-Key !~ "^ *[a-z0-9-]+( +[a-z0-9-]+)* *$") {
        return (synth(400, "Bad Surrogate-Key"));
    }
    set req.http.X-Claimline-Tags = regsuball(regsuball(req.http.Surrogate-Key, "^ +| +$", ""), " +", "|");
    if (!std.ban("obj.http.Surrogate-Key ~ (^|[^a-z0-9-])(" + req.http.X-Claimline-Tags + ")([^a-z0-9-]|$)")) {
        return (synth(500, std.ban_error()));
    }
    return (synth(200, "Purged"));
}

sub vcl_backend_response {
    # Store only what Claimline marked shareable. Everything it sends to one person is
    # `private, no-store` (the built-in VCL then refuses it too), and responses it sends
    # without any Cache-Control (a 404 from a route handler, a redirect to sign-in) must not
    # be kept for Varnish's default two minutes: an article published again would stay
    # missing. Marked uncacheable, such a URL still gets a fresh fetch on every request
    # (hit-for-miss), and is stored once the app sends something public.
    if (beresp.http.Cache-Control !~ "(?i)(^|[ ,])public([ ,]|$)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The rest is the built-in: TTL from s-maxage, grace from stale-while-revalidate, and no
    # storing of a response with Set-Cookie, private, no-cache or no-store.
}

sub vcl_deliver {
    # For people and tests: was this answered from the cache? (A pass is a MISS.) Age, which
    # Varnish sets, says how long ago the stored copy was fetched.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Surrogate-Key and Cache-Tag are left on: they name public ids only, and a CDN in front
    # of Varnish may purge by them too.
}
