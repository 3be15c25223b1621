"use client";

import { useEffect } from "react";
import { type PortalEvent, postToPortal } from "@/lib/embed/post-to-portal";

/**
 * Posts `event` to the framing portal whenever its content changes (compared as JSON), so a status that
 * re-renders without changing is announced once. Pass `null` while there is nothing to say.
 * @example useEmbedEvent(data ? { type: "import-status", importId: data.id, status: data.status } : null);
 */
export function useEmbedEvent(event: PortalEvent | null): void {
  const key = event ? JSON.stringify(event) : null;
  useEffect(() => {
    if (key) postToPortal(JSON.parse(key) as PortalEvent);
  }, [key]);
}
