import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimWithMentionInput } from "../../lib/validation";
import { claimFromSpanInput, claimUpdateInput } from "../../lib/workbench-input";
import { CHINESE_BODY, makeArticle, makeUser, spanOf } from "../../test/factories";
import { getWorkbench } from "../articles/workbench";
import { exportBackup } from "../backup/export-backup";
import { importBackup } from "../backup/import-backup";
import { getDb } from "../client";
import { openNewDatabase } from "../../test/new-database";
import { claims, user } from "../schema";
import { createClaimFromSpan } from "./create-claim-from-span";
import { createClaimWithMention } from "./create-claim-with-mention";
import { getPublicClaim } from "./public-claim";
import { splitClaim } from "./split-claim";
import { updateClaim } from "./update-claim";
import { firstRow } from "../rows";

const storedType = async (id: number) => (await firstRow(getDb().select({ t: claims.claimantType }).from(claims).where(eq(claims.id, id))))!.t;

describe("a claimant's type (person or organisation)", () => {
  it("is validated: person, organization, or blank for not said", () => {
    const base = { articleId: 1, quote: "OpenAI", statement: "A claim" };
    expect(claimWithMentionInput.parse({ ...base, claimantType: "person" }).claimantType).toBe("person");
    expect(claimWithMentionInput.parse({ ...base, claimantType: "" }).claimantType).toBeNull();
    expect(claimWithMentionInput.parse(base).claimantType).toBeNull();
    const refused = claimWithMentionInput.safeParse({ ...base, claimantType: "robot" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["claimantType"], message: "Choose a person or an organisation." });
    expect(claimUpdateInput.safeParse({ id: 1, version: 1, statement: "A claim", claimantType: "company" }).success).toBe(false);
  });

  it("is saved by every way a claim is made or edited, shown in the workbench and to readers, and copied by a split", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor);
    const byQuote = await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: article.id, quote: "估值约为270亿美元", statement: "OpenAI is valued at $27B", claimant: "Reuters", claimantType: "organization" }));
    expect(await storedType(byQuote.claimId)).toBe("organization");
    const bySpan = await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, ...spanOf(CHINESE_BODY, "GPT-3 拥有1750亿个参数"), statement: "GPT-3 has 175B parameters", claimant: "Sam Altman", claimantType: "person" }));
    expect(await storedType(bySpan.claimId)).toBe("person");

    const updated = await updateClaim(editor, claimUpdateInput.parse({ id: byQuote.claimId, version: 1, statement: "OpenAI is valued at $27B", claimant: "Sam Altman", claimantType: "person" }));
    expect(updated).toMatchObject({ claimant: "Sam Altman", claimantType: "person", version: 2 });
    expect((await getWorkbench(editor, article.id)).claims.find((c) => c.claimId === byQuote.claimId)).toMatchObject({ claimantType: "person" });
    expect(await getPublicClaim(byQuote.claimId)).toMatchObject({ claimant: "Sam Altman", claimantType: "person" });
    // A form that says "not said" clears it.
    expect((await updateClaim(editor, claimUpdateInput.parse({ id: byQuote.claimId, version: 2, statement: "OpenAI is valued at $27B", claimantType: "" }))).claimantType).toBeNull();

    const mentionId = (await getWorkbench(editor, article.id)).claims.find((c) => c.claimId === bySpan.claimId)!.mentionId;
    const split = await splitClaim(editor, { mentionId, at: spanOf(CHINESE_BODY, "1750亿").start, firstStatement: "GPT-3", secondStatement: "175B parameters" });
    expect(await storedType(split.secondClaimId)).toBe("person");
  });

  it("travels in backups, and a backup made before it existed restores as not said", async () => {
    const admin = await makeUser("admin");
    const article = await makeArticle(admin);
    const { claimId } = await createClaimWithMention(admin, claimWithMentionInput.parse({ articleId: article.id, quote: "估值约为270亿美元", statement: "OpenAI is valued at $27B", claimantType: "person" }));
    const json = await exportBackup(admin);
    expect(JSON.parse(json).tables.claim[0]).toMatchObject({ claimant: null, claimantType: "person" });

    // The same desk's backup as an older Claimline wrote it: no claimantType key at all.
    const backup = JSON.parse(json);
    for (const row of backup.tables.claim) delete row.claimantType;
    const old = JSON.stringify(backup);
    // Merged into the database it came from, an old row with the type not said is not a clash…
    await getDb().update(claims).set({ claimantType: null });
    expect((await importBackup(admin, old, { mode: "merge" })).skipped.claim).toBe(1);

    // …and restored into a new database, the claim comes back with the type not said.
    const adminRow = (await firstRow(getDb().select().from(user).where(eq(user.id, admin.userId))))!;
    await openNewDatabase();
    await getDb().insert(user).values(adminRow);
    expect((await importBackup(admin, old, { mode: "empty-only" })).inserted.claim).toBe(1);
    expect(await storedType(claimId)).toBeNull();
    expect((await firstRow(getDb().select().from(claims).where(eq(claims.id, claimId))))!.statement).toBe("OpenAI is valued at $27B");
  });
});
