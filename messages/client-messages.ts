import { CLIENT_NAMESPACES, EDITOR_CLIENT_NAMESPACES, type Messages } from "./catalogue";

/**
 * The part of the catalogue client components read. NextIntlClientProvider would otherwise
 * send every message of every area with each page's payload.
 */
export function clientMessages(messages: Messages): Partial<Messages> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]]));
}

/**
 * The editor pages' client messages: a nested NextIntlClientProvider replaces its parent's
 * messages rather than adding to them, so it carries the shared ones too.
 */
export function editorClientMessages(messages: Messages): Partial<Messages> {
  return Object.fromEntries([...CLIENT_NAMESPACES, ...EDITOR_CLIENT_NAMESPACES].map((namespace) => [namespace, messages[namespace]]));
}
