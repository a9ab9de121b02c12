import type { Locale } from "@/lib/i18n/locale-choice.mjs";
import type auth from "./en/auth.json";
import type en from "./en/common.json";
import type reader from "./en/reader.json";
import type readerExports from "./en/readerExports.json";
import type errors from "./en/errors.json";
import type reports from "./en/reports.json";
import type validation from "./en/validation.json";
import type editor from "./en/editor.json";
import type workbench from "./en/workbench.json";
import type languages from "./en/languages.json";

/**
 * The interface's words, one JSON file per area and language (messages/<locale>/<namespace>.json).
 * English is the reference: its files define the keys (and, through AppConfig in global.d.ts,
 * the types `t()` checks); `messages/catalogue.test.ts` fails when the Chinese files miss or
 * add a key or change a message's arguments.
 */
export const NAMESPACES = ["common", "reader", "readerExports", "auth", "validation", "errors", "reports", "editor", "workbench", "languages"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type Messages = {
  common: typeof en;
  reader: typeof reader;
  readerExports: typeof readerExports;
  auth: typeof auth;
  validation: typeof validation;
  errors: typeof errors;
  reports: typeof reports;
  editor: typeof editor;
  workbench: typeof workbench;
  languages: typeof languages;
};

/** Namespaces client components read: only these are sent to the browser with every page. */
export const CLIENT_NAMESPACES: readonly Namespace[] = ["common", "readerExports", "auth"];

/**
 * What the editor's client components read besides CLIENT_NAMESPACES: sent only with editor
 * pages (app/editor/layout.tsx nests a provider), so reader pages do not carry the desk's words.
 */
export const EDITOR_CLIENT_NAMESPACES: readonly Namespace[] = ["editor", "workbench", "languages"];

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`./${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(entries) as Messages;
}
