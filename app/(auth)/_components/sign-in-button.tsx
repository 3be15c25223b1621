"use client";

import { LogIn } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { startSignIn } from "@/lib/auth/client-session";
import { isFramed, PopupSignInError, signInThroughPopup } from "@/lib/embed/popup-sign-in";

type SignInButtonProps = {
  /** Already checked server-side to be a same-origin relative path. */
  callbackUrl: string;
  /** Ask the IdP for a fresh login, so someone who just signed out (or was refused) can switch accounts. */
  forceLogin?: boolean;
  label?: string;
};

const POPUP_PROBLEMS: Record<PopupSignInError["reason"], string> = {
  blocked: "Your browser blocked the sign-in window. Allow pop-ups for this site and try again.",
  closed: "The sign-in window was closed before sign-in finished.",
  refused: "Sign-in could not be completed. Try again.",
};

/**
 * Starts the Company SSO (OIDC) sign-in; next-auth handles PKCE, state and nonce. Inside a portal's frame the
 * IdP refuses to be framed, so the flow runs in a popup that hands the session back (lib/embed/popup-sign-in.ts).
 */
export function SignInButton({
  callbackUrl,
  forceLogin = false,
  label = "Sign in with Company SSO",
}: SignInButtonProps) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function start() {
    setPending(true);
    setProblem(null);
    try {
      if (isFramed()) await signInThroughPopup(callbackUrl, forceLogin);
      else await startSignIn(callbackUrl, forceLogin);
    } catch (error) {
      // Success navigates away; landing here means the request failed or the popup did not finish.
      setProblem(error instanceof PopupSignInError ? POPUP_PROBLEMS[error.reason] : null);
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button size="lg" className="w-full" loading={pending} onClick={() => void start()}>
        <LogIn aria-hidden />
        {label}
      </Button>
      {problem && (
        <p role="alert" className="text-destructive text-sm">
          {problem}
        </p>
      )}
    </div>
  );
}
