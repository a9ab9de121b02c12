import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ConflictError, ValidationError } from "../../lib/errors";
import { newUserInput } from "../../lib/validation";
import { makeUser } from "../../test/factories";
import { bootstrap } from "../bootstrap";
import { getDb } from "../client";
import { user } from "../schema";
import { createUser } from "./create-user";
import { countUsers, createFirstAdmin } from "./first-admin";

describe("users", () => {
  it("setup creates the first admin only while no user exists", async () => {
    expect(await countUsers()).toBe(0);
    const admin = await createFirstAdmin({ name: "Ada", email: "ada@desk.example", password: "correct horse battery" });
    expect(admin.role).toBe("admin");
    await expect(createFirstAdmin({ name: "Eve", email: "eve@desk.example", password: "correct horse battery" })).rejects.toThrow(ConflictError);
    expect(await countUsers()).toBe(1);
  });

  it("creates the admin from ADMIN_EMAIL/ADMIN_PASSWORD once, and leaves it alone after", async () => {
    const env = { SEED_DEMO: "0", ADMIN_EMAIL: "Chief@Desk.example", ADMIN_PASSWORD: "a long admin password" };
    expect((await bootstrap(env)).adminCreated).toBe("chief@desk.example");
    expect((await bootstrap(env)).adminCreated).toBeNull();
    expect(await getDb().select().from(user).where(eq(user.email, "chief@desk.example"))).toHaveLength(1);
  });

  it("refuses a too-short ADMIN_PASSWORD with a clear message", async () => {
    await expect(bootstrap({ SEED_DEMO: "0", ADMIN_EMAIL: "a@b.example", ADMIN_PASSWORD: "short" })).rejects.toThrow(/ADMIN_PASSWORD/);
  });

  it("refuses a second account with the same email", async () => {
    const admin = await makeUser("admin");
    const input = newUserInput.parse({ name: "Sam", email: "sam@desk.example", password: "long enough password", role: "editor" });
    await createUser(admin, input);
    await expect(createUser(admin, input)).rejects.toThrow(ValidationError);
  });
});
