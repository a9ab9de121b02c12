vcl 4.1;

# The bench's stand-in for deploy/varnish/claimline.vcl (bench/shared-cache.ts says which one
# runs): Varnish's built-in rules (no storing of requests with cookies or authorization, nor of
# private or no-store answers; s-maxage sets the time to live) plus the one rule Claimline's
# contract adds. The bench rewrites the backend's host and port to the app it started.
backend default {
  .host = "127.0.0.1";
  .port = "3000";
}

sub vcl_recv {
  # A visitor who prefers Chinese is redirected by the app (a private 307), never served the
  # stored English page.
  if (req.http.Accept-Language ~ "^zh" || req.http.Cookie ~ "claimline-lang=") {
    return (pass);
  }
}
