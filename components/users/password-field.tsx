import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { MANAGED_PASSWORD_MAX_LENGTH, MANAGED_PASSWORD_MIN_LENGTH } from "@/lib/user-input";

/** A password an admin sets for someone: the same limits in the browser as in lib/user-input.ts, stated in the hint. */
export function PasswordField({ id, label, error, note }: { id: string; label: string; error?: string; note: string }) {
  const t = useTranslations("editor.users");
  return (
    <TextField
      id={id}
      label={label}
      name="password"
      type="password"
      required
      minLength={MANAGED_PASSWORD_MIN_LENGTH}
      maxLength={MANAGED_PASSWORD_MAX_LENGTH}
      autoComplete="new-password"
      error={error}
      hint={`${t("passwordHint", { min: MANAGED_PASSWORD_MIN_LENGTH })}${note}`}
    />
  );
}
