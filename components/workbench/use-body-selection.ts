"use client";

import { type RefObject, useEffect, useState } from "react";
import { type BodySelection, readBodySelection } from "./selection-offsets";

/** Tracks the reader's selection inside the article body, by mouse or keyboard alike. */
export function useBodySelection(root: RefObject<HTMLElement | null>): [BodySelection | null, () => void] {
  const [selection, setSelection] = useState<BodySelection | null>(null);
  useEffect(() => {
    const update = () => {
      if (!root.current) return;
      const next = readBodySelection(root.current);
      // Keep the last selection while focus moves to the toolbar or the claim form.
      if (next) setSelection(next);
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [root]);
  return [selection, () => setSelection(null)];
}
