import { CLIENT_NAMESPACES, type Messages } from "./catalogue";

/**
 * The part of the catalogue client components read. NextIntlClientProvider would otherwise
 * send every message of every area with each page's payload.
 */
export function clientMessages(messages: Messages): Partial<Messages> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]]));
}
