import type { ComponentProps, ReactNode } from "react";

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

/** Label, control, hint and error wired together for screen readers (aria-describedby). */
export function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-[var(--color-muted)]">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-300" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What a web address field shows before typing: the same in every language, so not in the catalogues. */
export const URL_PLACEHOLDER = "https://";

export const control =
  "w-full rounded-md border border-stone-300 bg-[var(--color-surface)] px-3 py-2 text-base text-[var(--color-ink)] shadow-sm aria-[invalid=true]:border-red-600";

export function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type Common = { label: string; hint?: ReactNode; error?: string; name: string; id?: string };

export function TextField({ label, hint, error, id, ...props }: Common & ComponentProps<"input">) {
  const fieldId = id ?? `field-${props.name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <input id={fieldId} className={control} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...props} />
    </FieldShell>
  );
}

export function TextArea({ label, hint, error, id, className = "", ...props }: Common & ComponentProps<"textarea">) {
  const fieldId = id ?? `field-${props.name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <textarea id={fieldId} className={`${control} leading-relaxed ${className}`} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...props} />
    </FieldShell>
  );
}

export function SelectField({ label, hint, error, id, children, ...props }: Common & ComponentProps<"select">) {
  const fieldId = id ?? `field-${props.name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <select id={fieldId} className={control} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...props}>
        {children}
      </select>
    </FieldShell>
  );
}

/**
 * A web address, shown whole: a text area that grows with its content and wraps anywhere, so a
 * long source URL is never cut off in a narrow column. Enter does not add a line (a URL has none).
 */
export function UrlField({ label, hint, error, id, ...props }: Common & Omit<ComponentProps<"textarea">, "rows">) {
  const fieldId = id ?? `field-${props.name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <textarea
        id={fieldId}
        rows={1}
        inputMode="url"
        autoCapitalize="none"
        spellCheck={false}
        className={`${control} resize-none break-all [field-sizing:content]`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
        {...props}
      />
    </FieldShell>
  );
}
