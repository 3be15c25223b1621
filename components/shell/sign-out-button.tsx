"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { endSession } from "@/lib/auth/client-session";

/** Ends the app session (next-auth's CSRF-protected POST) and lands on the sign-in page. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function leave() {
    setPending(true);
    try {
      await endSession("/sign-in?signedOut=1");
    } catch {
      setPending(false);
    }
  }

  return (
    <Button variant="ghost" size="sm" loading={pending} onClick={() => void leave()}>
      <LogOut aria-hidden />
      Sign out
    </Button>
  );
}
