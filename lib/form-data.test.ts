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
