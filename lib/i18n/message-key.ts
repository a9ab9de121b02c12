/**
 * Which catalogue message an English error or validation text is, with its arguments.
 *
 * Design (issue 16): lib/ and db/ stay free of next-intl and keep producing English, because
 * the English text is also the JSON API's answer, the logs' and what existing tests assert. The
 * English catalogue (messages/en/validation.json, errors.json) holds every such text verbatim,
 * with `{name}` where a value is filled in; that makes each message a stable key plus
 * arguments, recovered here by matching the text against the catalogue. Entry points then
 * render the same key in the page's language (app/_lib/translate-error.ts), so a throw site
 * stays one English sentence and no call site translates. A text no entry matches (a
 * zod default, a message added without a catalogue entry) is shown as it is, in English;
 * message-key.test.ts scans the schemas and the data layer so that does not happen unnoticed.
 *
 * The catalogues these messages live in use plain `{name}` arguments only (no plural or select:
 * English picks its wording in code, e.g. "1 minute" / "2 minutes" are two keys).
 */

export type MessageTree = { readonly [key: string]: string | MessageTree };
export type MessageMatch = { key: string; args: Record<string, string> };

type Matcher = { key: string; pattern: RegExp; literalLength: number };

const ARGUMENT = /\{(\w+)\}/g;

/** Every message of a tree by its dotted key, prefixed with the namespace. */
export function flatten(tree: MessageTree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([name, value]) => (typeof value === "string" ? [[`${prefix}.${name}`, value] as [string, string]] : flatten(value, `${prefix}.${name}`)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function matcher(key: string, message: string): Matcher {
  const seen = new Set<string>();
  let source = "";
  let literalLength = 0;
  let last = 0;
  for (const found of message.matchAll(ARGUMENT)) {
    const literal = message.slice(last, found.index);
    source += escapeRegExp(literal);
    literalLength += literal.length;
    const name = found[1]!;
    source += seen.has(name) ? `\\k<${name}>` : `(?<${name}>.+?)`;
    seen.add(name);
    last = found.index + found[0].length;
  }
  const tail = message.slice(last);
  source += escapeRegExp(tail);
  literalLength += tail.length;
  return { key, pattern: new RegExp(`^${source}$`, "s"), literalLength };
}

/**
 * A lookup over catalogues: `identify(text)` is the key and arguments of the catalogue message
 * that produces `text`, or null. When several match ("The article was not found." is also
 * "{what} was not found."), the one with the most fixed words wins: it says more.
 */
export function messageIdentifier(catalogues: Record<string, MessageTree>) {
  const matchers = Object.entries(catalogues)
    .flatMap(([namespace, tree]) => flatten(tree, namespace))
    .map(([key, message]) => matcher(key, message))
    .sort((a, b) => b.literalLength - a.literalLength);
  return function identify(text: string): MessageMatch | null {
    for (const { key, pattern } of matchers) {
      const found = pattern.exec(text);
      if (found) return { key, args: { ...found.groups } };
    }
    return null;
  };
}

/** A catalogue message with its `{name}` arguments filled in (the only syntax these catalogues use). */
export function fillMessage(message: string, args: Record<string, string>): string {
  return message.replace(ARGUMENT, (whole, name: string) => args[name] ?? whole);
}

/** The message at a dotted key ("errors.session.ended") of a language's catalogues, or undefined. */
export function messageAt(catalogues: Record<string, MessageTree>, key: string): string | undefined {
  let node: string | MessageTree | undefined = catalogues;
  for (const part of key.split(".")) node = typeof node === "object" && Object.hasOwn(node, part) ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}
