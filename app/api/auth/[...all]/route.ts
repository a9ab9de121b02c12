import { readJsonBody } from "@/app/_lib/json-body";
import { clientAddress } from "@/app/_lib/rate-limit";
import { getAuth } from "@/db/auth";
import { SIGN_IN_MISMATCH_MESSAGE, signInThrottled } from "@/db/sign-in/sign-in";
import { tooManyAttemptsMessage } from "@/db/sign-in/throttle";
import { signInInput } from "@/lib/validation";

/**
 * Better Auth's HTTP endpoints, reduced to the three a browser or script may need: password
 * sign-in (through the same throttle as the form), sign-out and the session read. Everything
 * else Better Auth would serve (profile and email changes, password changes, account deletion,
 * session lists) answers 404: the app does those through its own audited actions, or not at all.
 */
const SIGN_IN = "/api/auth/sign-in/email";
const OPEN = new Set([`POST ${SIGN_IN}`, "POST /api/auth/sign-out", "GET /api/auth/get-session"]);
/** The endpoint's body: the form's fields without its redirect target. */
const signInBody = signInInput.omit({ next: true });
/** An email (254), a password (128) and JSON's punctuation fit in far less. */
const MAX_SIGN_IN_BYTES = 4096;

const notFound = () => Response.json({ error: "not_found", message: "No such endpoint." }, { status: 404 });
const refused = (status: number, error: string, message: string, headers?: HeadersInit) => Response.json({ error, message }, { status, headers });

export async function GET(request: Request) {
  return OPEN.has(`GET ${new URL(request.url).pathname}`) ? getAuth().handler(request) : notFound();
}

export async function POST(request: Request) {
  const { pathname } = new URL(request.url);
  if (!OPEN.has(`POST ${pathname}`)) return notFound();
  if (pathname !== SIGN_IN) return getAuth().handler(request);
  return signIn(request);
}

async function signIn(request: Request): Promise<Response> {
  const tooLarge = () => refused(413, "too_large", "A sign-in request is an email and a password.");
  const json = await readJsonBody(request, MAX_SIGN_IN_BYTES, tooLarge);
  if (!json.ok) return json.response;
  const parsed = signInBody.safeParse(json.body);
  if (!parsed.success) return refused(422, "invalid", "Send an email and a password.");
  const { email, password } = parsed.data;
  const outcome = await signInThrottled(email, clientAddress(request.headers), async () => {
    // Better Auth gets only the validated fields; its answer carries the session cookie.
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    const forwarded = new Request(request.url, { method: "POST", headers, body: JSON.stringify({ email, password }) });
    const response = await getAuth().handler(forwarded);
    return response.ok ? response : null;
  });
  if (outcome.ok) return outcome.value;
  if (outcome.reason === "throttled") {
    return refused(429, "rate_limited", tooManyAttemptsMessage(outcome.seconds), { "retry-after": String(outcome.seconds) });
  }
  // The same answer for a wrong password, an unknown email and a deactivated account.
  return refused(401, "invalid_credentials", SIGN_IN_MISMATCH_MESSAGE);
}
