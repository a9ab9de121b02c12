import { and, eq, getTableName, is, sql, Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "../../lib/errors";
import { newStatusInput, statusUpdateInput } from "../../lib/status-input";
import { DEFAULT_STATUSES } from "../../lib/status-scale";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import type { Actor } from "../authorize";
import { getPublicClaim } from "../claims/public-claim";
import { getDb } from "../client";
import { recordStatusEvent } from "../events/record-status-event";
import * as schema from "../schema";
import { auditLog, user } from "../schema";
import { writeTransaction } from "../transaction";
import { createStatus } from "./create-status";
import { listStatuses } from "./list-statuses";
import { reorderStatuses } from "./reorder-statuses";
import { reinstateStatus, retireStatus } from "./retire-status";
import { updateStatus } from "./update-status";

const DEFAULT_KEYS = DEFAULT_STATUSES.map((s) => s.key);
const fields = { labelEn: "Partly false", labelZh: "部分不实", color: "#9a3412", icon: "warning", resolved: "on", ratingValue: "2" };
const newStatus = (overrides: Record<string, unknown> = {}) => newStatusInput.parse({ key: "partly_false", ...fields, ...overrides });

/** Row counts of every table of the schema: "nothing written" means this does not change. */
async function tableCounts(): Promise<Record<string, number>> {
  const db = getDb();
  const counts: Record<string, number> = {};
  for (const table of (Object.values(schema) as unknown[]).filter((value): value is Table => is(value, Table))) {
    counts[getTableName(table)] = (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${table}`))!.n;
  }
  return counts;
}

async function statusAudits(action: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "status"), eq(auditLog.action, action)));
}

async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/** Every status mutation with a valid input that would change something if allowed. */
const MUTATIONS: { name: string; run: (actor: Actor | null) => unknown }[] = [
  { name: "createStatus", run: async (a) => createStatus(a, newStatus()) },
  { name: "updateStatus", run: async (a) => updateStatus(a, statusUpdateInput.parse({ key: "true", ...fields })) },
  { name: "retireStatus", run: async (a) => retireStatus(a, { key: "true" }) },
  // The fixture retires "outdated" first, so reinstating it would write.
  { name: "reinstateStatus", run: async (a) => reinstateStatus(a, { key: "outdated" }) },
  { name: "reorderStatuses", run: async (a) => reorderStatuses(a, { keys: [...DEFAULT_KEYS].reverse() }) },
];

describe("managing the verification scale: who may", () => {
  for (const mutation of MUTATIONS) {
    const setup = async () => retireStatus(await makeUser("admin"), { key: "outdated" });

    it(`${mutation.name}: an editor is refused and nothing is written`, async () => {
      await setup();
      const editor = await makeUser("editor");
      const before = { counts: await tableCounts(), scale: await listStatuses() };
      expect(await thrown(async () => mutation.run(editor))).toBeInstanceOf(ForbiddenError);
      expect({ counts: await tableCounts(), scale: await listStatuses() }).toEqual(before);
    });

    it(`${mutation.name}: anonymous callers and deactivated admins are refused and nothing is written`, async () => {
      await setup();
      const deactivated = await makeUser("admin");
      await writeTransaction(async (tx) => tx.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, deactivated.userId)));
      const before = { counts: await tableCounts(), scale: await listStatuses() };
      expect(await thrown(async () => mutation.run(null))).toBeInstanceOf(UnauthorizedError);
      expect(await thrown(async () => mutation.run(deactivated))).toBeInstanceOf(UnauthorizedError);
      expect({ counts: await tableCounts(), scale: await listStatuses() }).toEqual(before);
    });

    it(`${mutation.name}: an admin succeeds and the change is audited`, async () => {
      await setup();
      const audits = (await getDb().select().from(auditLog).where(eq(auditLog.entityType, "status"))).length;
      const scale = await listStatuses();
      await mutation.run(await makeUser("admin"));
      expect(await listStatuses()).not.toEqual(scale);
      expect(await getDb().select().from(auditLog).where(eq(auditLog.entityType, "status"))).toHaveLength(audits + 1);
    });
  }
});

describe("managing the verification scale: what changes", () => {
  it("adds a status at the bottom of the scale, audited", async () => {
    const admin = await makeUser("admin");
    const created = await createStatus(admin, newStatus());
    const expected = { key: "partly_false", labelEn: "Partly false", labelZh: "部分不实", color: "#9a3412", icon: "warning", resolved: true, ratingValue: 2, retired: false };
    expect(created).toEqual(expected);
    expect((await listStatuses()).at(-1)).toEqual(expected);
    expect(await statusAudits("status.create")).toMatchObject([{ actorId: admin.userId, entityId: "partly_false" }]);
  });

  it("refuses a key already used, even by a retired status, and writes nothing", async () => {
    const admin = await makeUser("admin");
    await retireStatus(admin, { key: "mixed" });
    for (const key of ["true", "mixed"]) {
      const before = await tableCounts();
      const error = await thrown(async () => createStatus(admin, newStatus({ key })));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields.key).toMatch(/Already used/);
      expect(await tableCounts()).toEqual(before);
    }
  });

  it("refuses a colour white badge text cannot be read on, in the schema and in the data layer", async () => {
    const admin = await makeUser("admin");
    expect(newStatusInput.safeParse({ key: "partly_false", ...fields, color: "#ffcc00" }).success).toBe(false);
    const before = { counts: await tableCounts(), scale: await listStatuses() };
    // A caller that skipped the schema still cannot store it.
    const onCreate = await thrown(async () => createStatus(admin, { ...newStatus(), color: "#ffcc00" }));
    const onUpdate = await thrown(async () => updateStatus(admin, { ...statusUpdateInput.parse({ key: "true", ...fields }), color: "#fde047" }));
    for (const error of [onCreate, onUpdate]) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields.color).toMatch(/White text on #f.* has contrast 1\.\d:1/);
    }
    expect({ counts: await tableCounts(), scale: await listStatuses() }).toEqual(before);
  });

  it("renames and recolours a status, keeping its key, its place and the events that use it", async () => {
    const admin = await makeUser("admin");
    const article = await makeArticle(admin);
    const { claimId } = await makeClaim(admin, article.id);
    await recordStatusEvent(admin, eventInput(claimId, { statusKey: "true" }));

    const updated = await updateStatus(admin, statusUpdateInput.parse({ key: "true", labelEn: "Correct", labelZh: "正确", color: "#166534", icon: "check", resolved: "on", ratingValue: "5" }));
    expect(updated).toMatchObject({ key: "true", labelEn: "Correct", color: "#166534" });
    expect((await listStatuses()).map((s) => s.key)).toEqual(DEFAULT_KEYS);
    expect((await listStatuses()).find((s) => s.key === "true")).toMatchObject({ labelEn: "Correct", labelZh: "正确", color: "#166534" });
    expect((await getPublicClaim(claimId))!.timeline.map((e) => e.statusKey)).toEqual(["true"]);
    const [audit] = await statusAudits("status.update");
    expect(audit).toMatchObject({ entityId: "true", before: { labelEn: "True" }, after: { labelEn: "Correct" } });
  });

  it("reports an unknown key as not found", async () => {
    const admin = await makeUser("admin");
    expect(await thrown(async () => updateStatus(admin, statusUpdateInput.parse({ key: "nope", ...fields })))).toBeInstanceOf(NotFoundError);
    expect(await thrown(async () => retireStatus(admin, { key: "nope" }))).toBeInstanceOf(NotFoundError);
    expect(await thrown(async () => reinstateStatus(admin, { key: "nope" }))).toBeInstanceOf(NotFoundError);
  });
});

describe("retiring and reinstating", () => {
  it("keeps a retired status on existing events and the current status, and refuses it for new events until reinstated", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    const article = await makeArticle(editor);
    const { claimId } = await makeClaim(editor, article.id);
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", effectiveDate: "2023-05-15" }));

    expect(await retireStatus(admin, { key: "true" })).toMatchObject({ key: "true", retired: true });
    const claim = (await getPublicClaim(claimId))!;
    expect(claim.timeline.map((e) => e.statusKey)).toEqual(["true"]);
    expect(claim.currentStatus).toBe("true");
    expect((await listStatuses()).find((s) => s.key === "true")).toMatchObject({ retired: true, labelEn: "True" });
    expect(await thrown(async () => recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", effectiveDate: "2024-01-01" })))).toBeInstanceOf(ValidationError);

    expect(await reinstateStatus(admin, { key: "true" })).toMatchObject({ key: "true", retired: false });
    expect((await listStatuses()).find((s) => s.key === "true")!.retired).toBe(false);
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", effectiveDate: "2024-01-01" }));
    expect((await getPublicClaim(claimId))!.timeline.map((e) => e.statusKey)).toEqual(["true", "true"]);
    expect(await statusAudits("status.retire")).toHaveLength(1);
    expect(await statusAudits("status.reinstate")).toHaveLength(1);
  });

  it("treats retiring twice as done, without a second audit row", async () => {
    const admin = await makeUser("admin");
    await retireStatus(admin, { key: "pending" });
    await retireStatus(admin, { key: "pending" });
    expect(await statusAudits("status.retire")).toHaveLength(1);
  });

  it("never retires the status every new claim starts with", async () => {
    const admin = await makeUser("admin");
    const before = await tableCounts();
    expect(await thrown(async () => retireStatus(admin, { key: "unverified" }))).toBeInstanceOf(ValidationError);
    expect((await listStatuses()).find((s) => s.key === "unverified")!.retired).toBe(false);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("reordering", () => {
  it("changes the order listStatuses returns, and new statuses still go to the bottom", async () => {
    const admin = await makeUser("admin");
    const reversed = [...DEFAULT_KEYS].reverse();
    expect(await reorderStatuses(admin, { keys: reversed })).toEqual({ keys: reversed });
    expect((await listStatuses()).map((s) => s.key)).toEqual(reversed);
    await createStatus(admin, newStatus());
    expect((await listStatuses()).map((s) => s.key)).toEqual([...reversed, "partly_false"]);
    expect(await statusAudits("status.reorder")).toMatchObject([{ before: DEFAULT_KEYS, after: reversed }]);
  });

  it("refuses a list that does not name every status exactly once", async () => {
    const admin = await makeUser("admin");
    const lists = [
      DEFAULT_KEYS.slice(1),
      [...DEFAULT_KEYS.slice(1), "true"],
      [...DEFAULT_KEYS, "true"],
      [...DEFAULT_KEYS.slice(1), "nope"],
    ];
    for (const keys of lists) {
      const before = await tableCounts();
      expect(await thrown(async () => reorderStatuses(admin, { keys }))).toBeInstanceOf(ValidationError);
      expect(await tableCounts()).toEqual(before);
      expect((await listStatuses()).map((s) => s.key)).toEqual(DEFAULT_KEYS);
    }
  });
});
