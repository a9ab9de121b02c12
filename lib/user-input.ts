/**
 * Input schemas for admins managing accounts at /editor/users. Passwords an admin hands out
 * are held to 12 characters, above the 10 that /setup and ADMIN_PASSWORD accept, because
 * they travel to their owner outside the app.
 */
import { z } from "zod";
import { ROLES } from "./claim-rules";
import { newUserInput } from "./validation";

export const MANAGED_PASSWORD_MIN_LENGTH = 12;
export const MANAGED_PASSWORD_MAX_LENGTH = 128;

const password = z
  .string()
  .min(MANAGED_PASSWORD_MIN_LENGTH, `Passwords need at least ${MANAGED_PASSWORD_MIN_LENGTH} characters.`)
  .max(MANAGED_PASSWORD_MAX_LENGTH, `Passwords are limited to ${MANAGED_PASSWORD_MAX_LENGTH} characters.`);

/** Better Auth's user ids: random UUIDs here, but any short opaque string is accepted. */
const userId = z.string().trim().min(1, "Choose a user.").max(64);

export const managedUserInput = newUserInput.extend({ password });

export const userIdInput = z.object({ userId });
export type UserIdInput = z.infer<typeof userIdInput>;

export const userRoleInput = z.object({ userId, role: z.enum(ROLES, "Choose admin or editor.") });
export type UserRoleInput = z.infer<typeof userRoleInput>;

export const userPasswordInput = z.object({ userId, password });
export type UserPasswordInput = z.infer<typeof userPasswordInput>;

/** What an editor may change about their own account at /editor/account. */
export const ownProfileInput = newUserInput.pick({ name: true });
export type OwnProfileInput = z.infer<typeof ownProfileInput>;
