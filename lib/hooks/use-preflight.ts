"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { preflightOptions } from "@/lib/queries/preflight";
import type { PreflightQueryInput } from "@/lib/schemas/preflight";

/** Typing pauses this long before the checks run, so each keystroke isn't a preflight. */
export const PREFLIGHT_DEBOUNCE_MS = 600;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The preflight of `query` (null: inputs not valid yet, nothing runs), debounced by their JSON
 * so an unchanged query keeps its result. `pending` is true from the first change until the
 * answer for the latest query is in.
 */
export function usePreflight(query: PreflightQueryInput | null) {
  const text = query ? JSON.stringify(query) : null;
  const settled = useDebounced(text, PREFLIGHT_DEBOUNCE_MS);
  const current = settled ? (JSON.parse(settled) as PreflightQueryInput) : null;
  const result = useQuery({
    ...preflightOptions(current ?? { destination: "" }),
    enabled: current !== null,
    placeholderData: keepPreviousData,
  });
  const waiting = text !== null && (text !== settled || result.isFetching);
  return {
    ...result,
    enabled: text !== null,
    pending: waiting || (text !== null && result.isPending),
  };
}
