import Link from "next/link";
import type { ComponentProps } from "react";

const base = "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium transition-colors disabled:opacity-50 disabled:cursor-not-allowed";
const variants = {
  primary: "px-4 py-2 bg-[var(--color-inverse)] text-[var(--color-on-inverse)] hover:opacity-85",
  secondary: "px-4 py-2 border border-stone-400 bg-[var(--color-surface)] text-[var(--color-ink)] hover:bg-[var(--color-paper)]",
  /** A text-like action inside lists and cards. */
  quiet: "text-[var(--color-accent)] underline hover:no-underline disabled:no-underline",
} as const;

type Variant = keyof typeof variants;

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={`${base} ${variants[variant]} ${className}`} {...props} />;
}

export function ButtonLink({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={`${base} ${variants[variant]} ${className}`} {...props} />;
}
