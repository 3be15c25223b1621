import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AuthErrorMessage } from "@/lib/auth/error-messages";
import { SignInButton } from "./sign-in-button";

/** An explained sign-in problem plus the one next step that makes sense for it. */
export function AuthMessage({
  message,
  callbackUrl,
}: {
  message: AuthErrorMessage;
  callbackUrl: string;
}) {
  return (
    <div className="space-y-4">
      <Alert variant="destructive">
        <AlertTitle>{message.title}</AlertTitle>
        <AlertDescription>
          <p>{message.body}</p>
        </AlertDescription>
      </Alert>
      {message.retry === "sign-in" && (
        <SignInButton callbackUrl={callbackUrl} label="Try signing in again" />
      )}
      {message.retry === "different-account" && (
        <SignInButton
          callbackUrl={callbackUrl}
          forceLogin
          label="Sign in with a different account"
        />
      )}
      {message.retry === "back" && (
        <Button asChild variant="outline" className="w-full">
          <Link href="/imports">Back to imports</Link>
        </Button>
      )}
    </div>
  );
}
