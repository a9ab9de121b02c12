import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { and, eq, isNull } from "drizzle-orm";
import type { Role } from "../lib/claim-rules";
import { getAuth } from "./auth";
import type { Actor } from "./authorize";
import { getDb } from "./client";
import { user } from "./schema";
import { firstRow } from "./rows";

export interface SessionUser extends Actor {
  name: string;
  email: string;
  role: Role;
}

/**
 * The signed-in user of this request, or null. The role comes from the database, not the
 * cookie, and deactivated accounts count as signed out. Cached for the request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Read the request headers first: during a static prerender this bails out before the
  // database or the auth secret are touched.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const row = await firstRow(getDb()
    .select({ userId: user.id, name: user.name, email: user.email, role: user.role })
    .from(user)
    .where(and(eq(user.id, session.user.id), isNull(user.deactivatedAt))));
  return row ?? null;
});
