import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from "@/lib/errors";
import { articleInput } from "@/lib/validation";
import { toActionError, toHttpResponse } from "./errors";
import { localizeActionFailure, requestLocale } from "./translate-error";

const zodError = () => articleInput.safeParse({ title: "", body: "text" }).error!;

describe("errors in the page's language", () => {
  it("gives a form its summary and field messages in Chinese, and English as it was", () => {
    const english = toActionError(zodError());
    expect(english).toEqual({ ok: false, error: "Some fields need attention.", fields: { title: "A title is required." } });
    expect(localizeActionFailure(english, "en")).toBe(english);
    expect(localizeActionFailure(english, "zh-Hans")).toEqual({ ok: false, error: "有些字段需要修改。", fields: { title: "请填写标题。" } });
    const slug = toActionError(new ValidationError("That slug is already used by another article.", { slug: "Already used by another article." }));
    expect(localizeActionFailure(slug, "zh-Hans")).toMatchObject({ error: "该短网址已被另一篇文章使用。", fields: { slug: "已被另一篇文章使用。" } });
  });

  it("keeps the JSON API in English unless the request names ?lang=zh-Hans; the error code never changes", async () => {
    expect(await toHttpResponse(new NotFoundError("The article")).json()).toEqual({ error: "not_found", message: "The article was not found." });
    expect(await toHttpResponse(new NotFoundError("The article"), "zh-Hans").json()).toEqual({ error: "not_found", message: "找不到这篇文章。" });
    expect(await toHttpResponse(zodError(), "zh-Hans").json()).toEqual({ error: "invalid", message: "有些字段需要修改。", fields: { title: "请填写标题。" } });
    const limited = toHttpResponse(new RateLimitedError("You have asked for many PDFs in a short time. Try again in 42 s, or print the HTML report from your browser.", 42), "zh-Hans");
    expect(limited.headers.get("retry-after")).toBe("42");
    expect((await limited.json()).message).toBe("你在短时间内请求了太多 PDF。请 42 秒后重试，或在浏览器中打印 HTML 核查报告。");
    const conflict = await toHttpResponse(new ConflictError("Someone else changed this claim after you opened it. Review their version, then reapply your edit.", { current: { id: 1 } }), "zh-Hans").json();
    expect(conflict).toEqual({ error: "conflict", message: "在你打开这条说法后，有人修改了它。请查看对方的版本，再重新做你的修改。", current: { id: 1 } });
  });

  it("reads a route's language from its own ?lang=", () => {
    expect(requestLocale(new Request("http://x/api/v1/claims/1/events?lang=zh-Hans"))).toBe("zh-Hans");
    expect(requestLocale(new Request("http://x/api/v1/claims/1/events?lang=fr"))).toBe("en");
    expect(requestLocale(new Request("http://x/api/v1/claims/1/events"))).toBe("en");
  });
});
