"use client";

import { LogIn } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { startSignIn } from "@/lib/auth/client-session";
import { PopupMessage } from "./popup-message";

/** Leaves for the IdP as soon as the popup opens; the button is the fallback if that request fails. */
export function PopupSignIn({
  callbackPath,
  forceLogin = false,
}: {
  callbackPath: string;
  /** Ask the IdP for a fresh login (switching accounts after a sign-out). */
  forceLogin?: boolean;
}) {
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    startSignIn(callbackPath, forceLogin).catch(() => setFailed(true));
  }, [callbackPath, forceLogin]);

  return (
    <PopupMessage
      title="Signing in to Trail Imports"
      body={failed ? "The sign-in could not start." : "Taking you to Company SSO…"}
    >
      {failed && (
        <Button
          size="lg"
          className="w-full"
          onClick={() => void startSignIn(callbackPath, forceLogin).catch(() => setFailed(true))}
        >
          <LogIn aria-hidden />
          Try again
        </Button>
      )}
    </PopupMessage>
  );
}
