import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locale-choice.mjs";
import { NAMESPACES } from "./catalogue";

const DIR = path.join(import.meta.dirname);
const REFERENCE = "en";

type Catalogue = Record<string, string>;

/** Every message of a language, by its full key ("common.nav.tracker"). */
function catalogue(locale: string): Catalogue {
  const flat: Catalogue = {};
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") flat[key] = value;
    else if (value && typeof value === "object") for (const [name, child] of Object.entries(value)) walk(child, key ? `${key}.${name}` : name);
    else throw new Error(`${locale}: ${key} is neither a message nor a group`);
  };
  for (const file of readdirSync(path.join(DIR, locale)).filter((name) => name.endsWith(".json"))) {
    walk(JSON.parse(readFileSync(path.join(DIR, locale, file), "utf8")), file.replace(/\.json$/, ""));
  }
  return flat;
}

/** The arguments a message takes ({count}, {name}…), with plural/select branches' own. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && element.type !== TYPE.literal) names.add(String(element.value));
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) {
        names.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** Words that stay as they are in Chinese text: names and formats. */
const SAME_IN_EVERY_LANGUAGE = /^(?:Claimline|ClaimReview|JSON|JSON-LD|CSV|Markdown|HTML|PDF|Atom|API|URL|English|ID|UTC|W3C|Web Annotation|schema\.org|[^A-Za-z]*)$/;

describe("the interface catalogues", () => {
  const reference = catalogue(REFERENCE);

  it("has a file per namespace the app loads, and no other", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(DIR, locale)).filter((name) => name.endsWith(".json")).map((name) => name.replace(/\.json$/, "")).sort();
      expect(files, locale).toEqual([...NAMESPACES].sort());
    }
  });

  it.each(LOCALES.filter((locale) => locale !== REFERENCE))("%s has exactly the English keys", (locale) => {
    const translated = catalogue(locale);
    expect(Object.keys(translated).filter((key) => !(key in reference)), "keys only in this language").toEqual([]);
    expect(Object.keys(reference).filter((key) => !(key in translated)), "keys missing in this language").toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== REFERENCE))("%s messages take the same arguments as the English ones", (locale) => {
    const translated = catalogue(locale);
    const mismatched = Object.keys(reference)
      .filter((key) => key in translated)
      .filter((key) => argumentsOf(reference[key]!).join() !== argumentsOf(translated[key]!).join());
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== REFERENCE))("%s has no message left in English", (locale) => {
    const translated = catalogue(locale);
    const untranslated = Object.keys(reference).filter((key) => translated[key] === reference[key] && !SAME_IN_EVERY_LANGUAGE.test(reference[key]!.trim()));
    expect(untranslated).toEqual([]);
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    expect(Object.entries(catalogue(locale)).filter(([, message]) => message.trim() === "").map(([key]) => key)).toEqual([]);
  });
});
