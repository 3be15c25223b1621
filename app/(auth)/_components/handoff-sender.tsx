"use client";

import { useEffect, useState } from "react";
import { apiUrl } from "@/lib/api-url";
import { HANDOFF_MESSAGE } from "@/lib/embed/handoff-protocol";
import { PopupMessage } from "./popup-message";

type State = "sending" | "sent" | "no-opener" | "failed";

const TEXT: Record<State, string> = {
  sending: "Finishing sign-in…",
  sent: "Signed in. You can close this window.",
  "no-opener":
    "The dashboard that opened this window is gone. Close it and sign in again from the dashboard.",
  failed: "Sign-in could not be passed to the dashboard. Close this window and try again.",
};

/**
 * Mints a one-time ticket for this popup's session and posts it to the window that opened the popup, only if
 * that window is the app itself (target origin = this origin), then closes the popup.
 */
export function HandoffSender({ nonce }: { nonce: string }) {
  const [state, setState] = useState<State>("sending");

  useEffect(() => {
    void (async () => {
      const opener = window.opener as Window | null;
      if (!opener) return setState("no-opener");
      const response = await fetch(apiUrl("/api/embed/ticket"), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ nonce }),
      });
      const body = (await response.json().catch(() => null)) as { ticket?: unknown } | null;
      if (!response.ok || typeof body?.ticket !== "string") return setState("failed");
      opener.postMessage(
        { type: HANDOFF_MESSAGE, ticket: body.ticket, nonce },
        window.location.origin,
      );
      setState("sent");
      window.close();
    })().catch(() => setState("failed"));
  }, [nonce]);

  return <PopupMessage title="Signing in to Trail Imports" body={TEXT[state]} />;
}
