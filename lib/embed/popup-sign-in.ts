import { apiUrl, withBasePath } from "@/lib/api-url";
import { HANDOFF_MESSAGE, newHandoffNonce, POPUP_SIGN_IN_PATH } from "./handoff-protocol";

/** True when the page runs inside a frame (a portal), where the IdP's pages cannot be shown. */
export function isFramed(): boolean {
  return typeof window !== "undefined" && window.self !== window.top;
}

/** Why the popup sign-in did not finish; `blocked` means the browser refused to open the window. */
export class PopupSignInError extends Error {
  readonly reason: "blocked" | "closed" | "refused";

  constructor(reason: "blocked" | "closed" | "refused") {
    super(`Popup sign-in ${reason}`);
    this.reason = reason;
    this.name = "PopupSignInError";
  }
}

/**
 * Signs in from inside a portal's frame (real IdPs refuse to be framed): opens the IdP flow in a popup, receives a
 * one-time ticket from it by postMessage (same origin and the popup window only, bound to a fresh nonce),
 * redeems it so the session cookie lands in the frame's partition, then loads `callbackPath` in the frame.
 * `forceLogin` (after a sign-out, to switch accounts) makes the popup ask the IdP for a fresh login instead
 * of handing over a session it finds in the app's top-level partition.
 * Call it from a click: browsers block popups opened without a user gesture.
 */
export function signInThroughPopup(callbackPath: string, forceLogin = false): Promise<void> {
  const nonce = newHandoffNonce();
  const query = new URLSearchParams({ nonce, ...(forceLogin ? { prompt: "login" } : {}) });
  const popup = window.open(
    withBasePath(`${POPUP_SIGN_IN_PATH}?${query}`),
    "trail-imports-sign-in",
    "popup,width=520,height=720",
  );
  if (!popup) return Promise.reject(new PopupSignInError("blocked"));

  return new Promise((resolve, reject) => {
    const stop = () => {
      window.removeEventListener("message", onMessage);
      window.clearInterval(watch);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== popup) return;
      const data = event.data as { type?: unknown; ticket?: unknown; nonce?: unknown } | null;
      if (data?.type !== HANDOFF_MESSAGE || data.nonce !== nonce || typeof data.ticket !== "string")
        return;
      stop();
      void redeem(data.ticket, nonce).then((ok) => {
        if (!ok) return reject(new PopupSignInError("refused"));
        window.location.assign(withBasePath(callbackPath));
        resolve();
      }, reject);
    };
    // There is no "closed" event for another window; polling is the only way to notice a cancelled sign-in.
    const watch = window.setInterval(() => {
      if (!popup.closed) return;
      stop();
      reject(new PopupSignInError("closed"));
    }, 500);
    window.addEventListener("message", onMessage);
  });
}

async function redeem(ticket: string, nonce: string): Promise<boolean> {
  const response = await fetch(apiUrl("/api/embed/redeem"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ticket, nonce }),
  });
  return response.ok;
}
