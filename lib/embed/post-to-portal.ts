import { isAllowedOrigin } from "./origins";

// Client-side. The portal listens for `message` events whose data has `source: "trail-imports"`; every event is
// sent with an exact target origin taken from EMBED_ALLOWED_ORIGINS, never "*", so no other page can read it.

/** Events a portal may react to (resize the frame, show a toast, refresh its own list). */
export type PortalEvent =
  | { type: "content-height"; height: number }
  | { type: "import-started"; importId: string; region?: string }
  | { type: "import-status"; importId: string; status: string }
  | { type: "plan-status"; planId: string; state: string; percent: number };

export type PortalMessage = PortalEvent & { source: "trail-imports"; version: 1 };

let allowedOrigins: readonly string[] = [];
let knownParent: string | null = null;

/** Called once by the EmbedBridge island with the server's validated EMBED_ALLOWED_ORIGINS. */
export function configurePortal(origins: readonly string[]): void {
  allowedOrigins = origins;
}

/** The framing page's origin when the browser tells us (ancestorOrigins; the referrer of the first load). */
function parentOrigin(): string | null {
  if (knownParent) return knownParent;
  const ancestors = window.location.ancestorOrigins as DOMStringList | undefined;
  const fromAncestors = ancestors && ancestors.length > 0 ? ancestors.item(0) : null;
  let fromReferrer: string | null = null;
  try {
    fromReferrer = document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    fromReferrer = null;
  }
  const candidate =
    fromAncestors ?? (fromReferrer !== window.location.origin ? fromReferrer : null);
  // Remember it: after a navigation inside the frame the referrer is the app itself.
  if (candidate) knownParent = candidate;
  return candidate;
}

/**
 * Sends `event` to the portal framing the app. Does nothing when the app is not framed or no portal is allowed.
 * When the parent's origin is known it must be on the allow-list; when it is not (Firefox hides
 * ancestorOrigins), each allowed origin is tried, and the browser delivers only to the one that matches.
 * @returns whether a message was sent.
 */
export function postToPortal(event: PortalEvent): boolean {
  if (typeof window === "undefined" || window.parent === window || allowedOrigins.length === 0)
    return false;
  const message: PortalMessage = { ...event, source: "trail-imports", version: 1 };
  const parent = parentOrigin();
  if (parent) {
    if (!isAllowedOrigin(parent, allowedOrigins)) return false;
    window.parent.postMessage(message, parent);
    return true;
  }
  for (const origin of allowedOrigins) window.parent.postMessage(message, origin);
  return true;
}
