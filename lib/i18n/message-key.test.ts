import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { articleInput, fieldErrors, futureDateProblem, idParam } from "../validation";
import { badgeColorProblem } from "../status-input";
import { ERROR_CATALOGUES, identifyMessage, localizeFields, localizeMessage } from "./localize-message";
import { flatten } from "./message-key";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("an error text's catalogue key", () => {
  it("is found with its arguments, the most specific message first", () => {
    expect(identifyMessage("Not a valid id.")).toEqual({ key: "validation.id.invalid", args: {} });
    expect(identifyMessage("At most 200 characters.")).toEqual({ key: "validation.text.atMostCharacters", args: { max: "200" } });
    expect(identifyMessage("The article was not found.")?.key).toBe("errors.notFound.article");
    expect(identifyMessage("Something else was not found.")).toEqual({ key: "errors.general.notFound", args: { what: "Something else" } });
    expect(identifyMessage("A message nobody wrote down.")).toBeNull();
  });

  it("renders it in Chinese, and leaves English and unknown texts as they are", () => {
    expect(localizeMessage("At most 200 characters.", "zh-Hans")).toBe("最多 200 个字符。");
    expect(localizeMessage("At most 200 characters.", "en")).toBe("At most 200 characters.");
    expect(localizeMessage(futureDateProblem("2999-01-01", new Date("2026-01-10T00:00:00Z"))!, "zh-Hans")).toBe("该日期在未来；请输入 2026-01-11 或更早的日期。");
    expect(localizeMessage(badgeColorProblem("#ffff00")!, "zh-Hans")).toMatch(/^#ffff00 上的白色文字对比度为 1\.0:1；请选择更深的颜色（至少 4\.5:1）。$/);
    expect(localizeMessage("Too many failed sign-in attempts. Try again in 1 minute.", "zh-Hans")).toBe("登录失败次数过多，请 1 分钟后重试。");
    expect(localizeMessage("A message nobody wrote down.", "zh-Hans")).toBe("A message nobody wrote down.");
  });

  it("turns a form's field messages into Chinese", () => {
    const result = articleInput.safeParse({ title: "", body: " ", sourceUrl: "ftp://x" });
    const fields = fieldErrors(result.error!);
    expect(fields).toMatchObject({ title: "A title is required.", sourceUrl: "Enter a full http:// or https:// address.", body: "The article body is empty." });
    expect(localizeFields(fields, "zh-Hans")).toMatchObject({ title: "请填写标题。", sourceUrl: "请输入以 http:// 或 https:// 开头的完整网址。", body: "文章正文为空。" });
    expect(localizeMessage(idParam.safeParse("0x1").error!.issues[0]!.message, "zh-Hans")).toBe("不是有效的 ID。");
    expect(z.prettifyError).toBeDefined();
  });
});

/** The files whose texts users see as validation and error messages, each with the parts of it to read. */
function sourceTexts(): { file: string; text: string }[] {
  const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
  const walk = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir)).flatMap((name) => {
      const file = `${dir}/${name}`;
      if (statSync(path.join(ROOT, file)).isDirectory()) return walk(file);
      return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [file] : [];
    });
  const whole = [
    ...["validation.ts", "errors.ts", "form-data.ts", ...readdirSync(path.join(ROOT, "lib")).filter((name) => name.endsWith("-input.ts"))].map((name) => `lib/${name}`),
    ...["errors.ts", "json-body.ts", "editor-action.ts", "editor-command.ts", "editor-route.ts", "rate-limit.ts"].map((name) => `app/_lib/${name}`),
    "lib/render-gate/render-gate.ts",
    "app/sign-in/actions.ts",
    "app/editor/backup/restore/route.ts",
  ];
  // The data layer also holds SQL, seed data and log lines: only what follows a throw, a
  // message constant or a schema's check is a message users see.
  const marker = /new (?:Unauthorized|Forbidden|NotFound|Conflict|Validation|Busy|RateLimited|Intake)Error\(|message = |_MESSAGE = |\.(?:min|max|regex|refine)\(/g;
  const windows = walk("db").flatMap((file) => {
    const source = read(file);
    return [...source.matchAll(marker)].map((match) => ({ file, text: source.slice(match.index, match.index + 400) }));
  });
  return [...whole.map((file) => ({ file, text: read(file) })), ...windows];
}

/**
 * Texts written as messages: a string or template literal that is a sentence (a capital or a
 * quotation mark first, a full stop last), with each `${…}` standing for some value.
 */
function messagesIn(source: string): string[] {
  const literals = [...source.matchAll(/"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^{}`]*\})*)`/g)].map((match) => (match[1] ?? match[2])!);
  return literals
    .filter((text) => /^[A-Z“$]/.test(text) && /[.)]$/.test(text) && text.includes(" ") && !text.includes("\\n"))
    .map((text) => text.replace(/\$\{[^{}]*\}/g, "7").replace(/\\"/g, '"'));
}

/** Messages the scan cannot read as one sentence (a word chosen in code), checked by their actual texts instead. */
const CHECKED_BY_TEXT: Record<string, string[]> = {
  "The 7 label is required.": ["The English label is required.", "The Chinese label is required."],
  "The 7 label is limited to 40 characters.": ["The English label is limited to 40 characters.", "The Chinese label is limited to 40 characters."],
  "Too many failed sign-in attempts. Try again in 7 minute7.": ["Too many failed sign-in attempts. Try again in 1 minute.", "Too many failed sign-in attempts. Try again in 3 minutes."],
};

describe("the catalogues", () => {
  it("have an entry for every validation and error message the schemas and the data layer write", () => {
    // Not error messages: a review's closing note (stored with the review), the User-Agent
    // header, a success message, a host shown with its address (an argument of a message), an
    // SQL statement (capitalised keyword first, a closing parenthesis last).
    const other = /^(Published directly|A newer version was submitted|The draft was discarded|Claimline\/|Backup restored\.|7 \(7\)$|(SELECT|INSERT|UPDATE|DELETE|WITH) )/;
    const missing = sourceTexts().flatMap(({ file, text }) =>
      messagesIn(text)
        .filter((message) => !other.test(message))
        .flatMap((message) => CHECKED_BY_TEXT[message] ?? [message])
        .filter((message) => identifyMessage(message) === null)
        .map((message) => `${file}: ${message}`),
    );
    expect(missing).toEqual([]);
  });

  it("use plain {name} arguments only, the same in both languages (what localizeMessage fills in)", () => {
    for (const catalogues of Object.values(ERROR_CATALOGUES)) {
      for (const [key, message] of Object.entries(catalogues).flatMap(([namespace, tree]) => flatten(tree, namespace))) {
        expect(message.replace(/\{\w+\}/g, ""), key).not.toMatch(/[{}]/);
      }
    }
  });
});
