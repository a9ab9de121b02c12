import { getAuth } from "@/db/auth";

// Better Auth's own endpoints (sign-in, sign-out, session). Sign-up is disabled in its config.
export async function GET(request: Request) {
  return getAuth().handler(request);
}

export async function POST(request: Request) {
  return getAuth().handler(request);
}
