import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

describe("formDataToObject", () => {
  it("nests dotted names into lists and drops blank list rows", () => {
    const form = new FormData();
    form.set("claimId", "3");
    form.set("sources.0.url", "https://a.example");
    form.set("sources.0.title", "A");
    form.set("sources.1.url", " ");
    form.set("sources.1.title", "");
    form.set("sources.2.url", "https://c.example");
    form.set("$ACTION_ID_abc", "");
    expect(formDataToObject(form)).toEqual({
      claimId: "3",
      sources: [{ url: "https://a.example", title: "A" }, { url: "https://c.example" }],
    });
  });
});

describe("formDataToObject with hostile field names", () => {
  it("never writes to a shared prototype, whatever the names say", () => {
    const form = new FormData();
    form.append("__proto__.polluted", "yes");
    form.append("constructor.prototype.polluted", "yes");
    form.append("toString.polluted", "yes");
    form.append("sources.0.url", "https://a.example");
    form.append("sources.__proto__.polluted", "yes");
    form.append("sources.toString.polluted", "yes");
    const parsed = formDataToObject(form);
    for (const shared of [{}, [], Object, Object.prototype.toString, Array.prototype.toString]) {
      expect((shared as { polluted?: unknown }).polluted).toBeUndefined();
    }
    // What the names asked for stays on this object alone, where zod ignores unknown keys.
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(parsed.constructor).toEqual({ prototype: { polluted: "yes" } });
  });

  it("keeps the later of a value and a nested name instead of throwing", () => {
    const form = new FormData();
    form.append("note", "text");
    form.append("note.inner", "nested");
    expect(formDataToObject(form)).toEqual({ note: { inner: "nested" } });
  });
});
