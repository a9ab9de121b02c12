"use client";

import { type ComponentProps, type FormEvent, startTransition, useEffect, useRef } from "react";

interface ActionFormProps extends Omit<ComponentProps<"form">, "action" | "onSubmit"> {
  action: (formData: FormData) => void;
  /** Clear the fields after a successful save (e.g. "add another claim"); errors never clear them. */
  resetKey?: unknown;
}

/**
 * A form bound to a server action that keeps what the editor typed when the save fails.
 * React 19 resets uncontrolled fields after every form action, even one that returned an
 * error; submitting through a transition instead avoids that. Without JavaScript the plain
 * `action` still posts the form.
 */
export function ActionForm({ action, resetKey, children, ...props }: ActionFormProps) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetKey !== undefined && resetKey !== null) ref.current?.reset();
  }, [resetKey]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }
  return (
    <form ref={ref} action={action} onSubmit={submit} {...props}>
      {children}
    </form>
  );
}
