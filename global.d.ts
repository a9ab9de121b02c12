import type { Locale } from "@/lib/i18n/locale-choice.mjs";
import type { Messages } from "@/messages/catalogue";

// Typed keys: `t("nav.tracker")` is checked against the English catalogue at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
