import { describe, expect, it } from "vitest";
import { ForbiddenError, UnauthorizedError } from "../lib/errors";
import { articleInput, articleUpdateInput, claimWithMentionInput, newUserInput } from "../lib/validation";
import { eventInput, makeArticle, makeClaim, makeUser } from "../test/factories";
import { createArticle } from "./articles/create-article";
import { getArticleForEditor, listArticlesForEditor } from "./articles/editor-articles";
import { updateArticle } from "./articles/update-article";
import type { Actor } from "./authorize";
import { getClaimForEditor } from "./claims/editor-claim";
import { createClaimWithMention } from "./claims/create-claim-with-mention";
import { getDb } from "./client";
import { recordStatusEvent } from "./events/record-status-event";
import { writeTransaction } from "./transaction";
import { createUser } from "./users/create-user";
import { user } from "./schema";
import { eq } from "drizzle-orm";

/** Row counts of every table: "nothing written" means this does not change. */
function tableCounts(): Record<string, number> {
  const db = getDb();
  const rows = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[];
  return Object.fromEntries(rows.map(({ name }) => [name, (db.$client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

interface Fixture {
  articleId: number;
  articleVersion: number;
  claimId: number;
}

/** Every mutation of the data-access layer, with a valid input, and the roles allowed to run it. */
const MUTATIONS: { name: string; roles: ("admin" | "editor")[]; run: (actor: Actor | null, f: Fixture) => unknown }[] = [
  { name: "createArticle", roles: ["admin", "editor"], run: (a) => createArticle(a, articleInput.parse({ title: "x", language: "en", body: "Body text." })) },
  {
    name: "updateArticle",
    roles: ["admin", "editor"],
    run: (a, f) => updateArticle(a, articleUpdateInput.parse({ id: f.articleId, version: f.articleVersion, title: "changed", language: "en", body: "changed" })),
  },
  {
    name: "createClaimWithMention",
    roles: ["admin", "editor"],
    run: (a, f) => createClaimWithMention(a, claimWithMentionInput.parse({ articleId: f.articleId, quote: "GPT-3", statement: "s" })),
  },
  { name: "recordStatusEvent", roles: ["admin", "editor"], run: (a, f) => recordStatusEvent(a, eventInput(f.claimId)) },
  { name: "createUser", roles: ["admin"], run: (a) => createUser(a, newUserInput.parse({ name: "n", email: "new@test.local", password: "long-enough-password", role: "editor" })) },
];

async function attempt(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return null;
  } catch (error) {
    return error;
  }
}

function fixture(): Fixture {
  const owner = makeUser("admin");
  const article = makeArticle(owner);
  const { claimId } = makeClaim(owner, article.id);
  return { articleId: article.id, articleVersion: article.version, claimId };
}

describe("authorization in the data-access layer", () => {
  for (const mutation of MUTATIONS) {
    it(`${mutation.name}: anonymous callers are refused and nothing is written`, async () => {
      const f = fixture();
      const before = tableCounts();
      expect(await attempt(() => mutation.run(null, f))).toBeInstanceOf(UnauthorizedError);
      expect(tableCounts()).toEqual(before);
    });

    it(`${mutation.name}: a deactivated account is refused and nothing is written`, async () => {
      const f = fixture();
      const actor = makeUser("admin");
      writeTransaction((tx) => tx.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, actor.userId)).run());
      const before = tableCounts();
      expect(await attempt(() => mutation.run(actor, f))).toBeInstanceOf(UnauthorizedError);
      expect(tableCounts()).toEqual(before);
    });

    if (!mutation.roles.includes("editor")) {
      it(`${mutation.name}: an editor is refused (admins only) and nothing is written`, async () => {
        const f = fixture();
        const editor = makeUser("editor");
        const before = tableCounts();
        expect(await attempt(() => mutation.run(editor, f))).toBeInstanceOf(ForbiddenError);
        expect(tableCounts()).toEqual(before);
      });
    }

    it(`${mutation.name}: an allowed role succeeds`, async () => {
      const f = fixture();
      expect(await attempt(() => mutation.run(makeUser(mutation.roles[0]), f))).toBeNull();
    });
  }

  it("editor reads refuse anonymous callers", () => {
    const f = fixture();
    expect(() => listArticlesForEditor(null)).toThrow(UnauthorizedError);
    expect(() => getArticleForEditor(null, f.articleId)).toThrow(UnauthorizedError);
    expect(() => getClaimForEditor(null, f.claimId)).toThrow(UnauthorizedError);
  });
});
