"use client";

import { LogIn } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type SignInButtonProps = {
  /** Already checked server-side to be a same-origin relative path. */
  callbackUrl: string;
  /** Ask the IdP for a fresh login, so someone who just signed out (or was refused) can switch accounts. */
  forceLogin?: boolean;
  label?: string;
};

/** Starts the Company SSO (OIDC) sign-in; next-auth handles PKCE, state and nonce. */
export function SignInButton({
  callbackUrl,
  forceLogin = false,
  label = "Sign in with Company SSO",
}: SignInButtonProps) {
  const [pending, setPending] = useState(false);

  async function start() {
    setPending(true);
    try {
      await signIn("oidc", { callbackUrl }, forceLogin ? { prompt: "login" } : undefined);
    } catch {
      // signIn navigates away on success; landing here means the request itself failed, so allow a retry.
      setPending(false);
    }
  }

  return (
    <Button size="lg" className="w-full" loading={pending} onClick={() => void start()}>
      <LogIn aria-hidden />
      {label}
    </Button>
  );
}
