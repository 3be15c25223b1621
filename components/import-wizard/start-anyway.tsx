"use client";

import { Label } from "@/components/ui/label";
import { plural } from "@/lib/preflight/format";

/** The explicit confirmation Start needs when preflight checks failed. */
export function StartAnyway({
  failures,
  checked,
  onChange,
}: {
  failures: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="border-destructive/50 space-y-2 rounded-md border p-4">
      <p id="start-anyway-note" className="text-sm">
        {plural(failures, "preflight check")} failed, so this import would likely fail or copy less
        than asked. Fix {failures === 1 ? "it" : "them"} and come back, or confirm below.
      </p>
      <div className="flex items-center gap-2">
        <input
          id="start-anyway"
          type="checkbox"
          className="accent-primary size-4"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />
        <Label htmlFor="start-anyway">Start anyway, although checks failed</Label>
      </div>
    </div>
  );
}
