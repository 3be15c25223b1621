"use client";

import { BellIcon, BellOffIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useNotificationOptIn } from "@/lib/hooks/use-end-notification";

/**
 * "Notify me when it ends": asks the browser's permission on the click, remembers the choice,
 * and says in words why nothing will be shown when the browser refuses.
 */
export function NotifyToggle({ what }: { what: string }) {
  const { state, enable, disable } = useNotificationOptIn();
  const [refusal, setRefusal] = useState<string | null>(null);
  if (state === null || state === "unsupported") return null;
  const on = state === "on";
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        type="button"
        variant="outline"
        size="sm"
        aria-pressed={on}
        onClick={() => {
          if (on) return disable();
          void enable().then(setRefusal);
        }}
      >
        {on ? <BellIcon aria-hidden /> : <BellOffIcon aria-hidden />}
        {on ? `Notifying when ${what} ends` : `Notify me when ${what} ends`}
      </Button>
      <p className="text-muted-foreground text-xs" aria-live="polite">
        {refusal ?? (on ? "While this page is open." : "")}
      </p>
    </div>
  );
}
