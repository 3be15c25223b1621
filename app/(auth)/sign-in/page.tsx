import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { authErrorMessage } from "@/lib/auth/error-messages";
import { currentUser } from "@/lib/auth/guard";
import { AuthMessage } from "../_components/auth-message";
import { SignInButton } from "../_components/sign-in-button";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Custom `pages.signIn`: next-auth sends sign-in errors here with `?error=`, and the proxy adds `?callbackUrl=`. */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const message = authErrorMessage(first(params.error));
  const signedOut = first(params.signedOut) === "1";

  if (!message && (await currentUser())) redirect(callbackUrl);

  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h1 className="text-xl">Sign in to Trail Imports</h1>
        </CardTitle>
        <CardDescription>
          Use your company account. Your groups there decide whether you can view imports or also
          start, stop and retry them.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {signedOut && !message && (
          <Alert role="status">
            <AlertDescription>You have signed out.</AlertDescription>
          </Alert>
        )}
        {message ? (
          <AuthMessage message={message} callbackUrl={callbackUrl} />
        ) : (
          <SignInButton callbackUrl={callbackUrl} forceLogin={signedOut} />
        )}
      </CardContent>
    </Card>
  );
}
