"use client";

import { type ReactNode, useActionState } from "react";
import type { FormAction } from "@/components/editor/types";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

interface StatusButtonFormProps<T> {
  action: FormAction<T>;
  /** Hidden inputs, e.g. { key: "true" } or { "keys.0": "false", "keys.1": "true", … }. */
  values: Record<string, string>;
  children: ReactNode;
  disabled?: boolean;
}

/** One button that posts a few hidden values: retire, reinstate, move up, move down. */
export function StatusButtonForm<T>({ action, values, children, disabled }: StatusButtonFormProps<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant="secondary" disabled={disabled || pending}>
        {children}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="max-w-xs text-sm text-red-700 dark:text-red-300">
          {state.error}
        </p>
      ) : null}
      {state?.ok && state.message ? (
        <p role="status" className="sr-only">
          {state.message}
        </p>
      ) : null}
    </ActionForm>
  );
}
