import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimWithMentionInput } from "../../lib/validation";
import { claimFromSpanInput } from "../../lib/workbench-input";
import { CHINESE_BODY, makeArticle, makeUser, spanOf } from "../../test/factories";
import { getDb } from "../client";
import { claims } from "../schema";
import { createClaimFromSpan } from "./create-claim-from-span";
import { createClaimWithMention } from "./create-claim-with-mention";
import { firstRow } from "../rows";

const claimDateOf = async (id: number) => (await firstRow(getDb().select({ claimDate: claims.claimDate }).from(claims).where(eq(claims.id, id))))!.claimDate;

describe("a new claim's date", () => {
  it("is the article's published date when none is given, by selection and by quote", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor, { publishedDate: "2023-05-16" });
    const bySpan = await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, ...spanOf(CHINESE_BODY, "估值约为270亿美元"), statement: "Valued at $27B" }));
    const byQuote = await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: article.id, quote: "估值约为270亿美元", statement: "Valued at $27B again" }));
    expect(await claimDateOf(bySpan.claimId)).toBe("2023-05-16");
    expect(await claimDateOf(byQuote.claimId)).toBe("2023-05-16");
  });

  it("is the editor's when given, and none when the editor clears it or the article has no date", async () => {
    const editor = await makeUser();
    const dated = await makeArticle(editor, { publishedDate: "2023-05-16" });
    const undated = await makeArticle(editor);
    const span = spanOf(CHINESE_BODY, "估值约为270亿美元");
    const given = await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: dated.id, ...span, statement: "s", claimDate: "2023-05-10" }));
    const cleared = await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: dated.id, ...span, statement: "s", claimDate: "" }));
    const none = await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: undated.id, ...span, statement: "s" }));
    expect(await claimDateOf(given.claimId)).toBe("2023-05-10");
    expect(await claimDateOf(cleared.claimId)).toBeNull();
    expect(await claimDateOf(none.claimId)).toBeNull();
  });
});
