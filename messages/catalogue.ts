import type { Locale } from "@/lib/i18n/locale-choice.mjs";
import type en from "./en/common.json";
import type editor from "./en/editor.json";
import type workbench from "./en/workbench.json";

/**
 * The interface's words, one JSON file per area and language (messages/<locale>/<namespace>.json).
 * English is the reference: its files define the keys (and, through AppConfig in global.d.ts,
 * the types `t()` checks); `messages/catalogue.test.ts` fails when the Chinese files miss or
 * add a key or change a message's arguments.
 */
export const NAMESPACES = ["common", "editor", "workbench"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type Messages = {
  common: typeof en;
  editor: typeof editor;
  workbench: typeof workbench;
};

/** Namespaces client components read: only these are sent to the browser with every page. */
export const CLIENT_NAMESPACES: readonly Namespace[] = ["common"];

/**
 * What the editor's client components read besides CLIENT_NAMESPACES: sent only with editor
 * pages (app/editor/layout.tsx nests a provider), so reader pages do not carry the desk's words.
 */
export const EDITOR_CLIENT_NAMESPACES: readonly Namespace[] = ["editor", "workbench"];

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`./${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(entries) as Messages;
}
