import type { Metadata } from "next";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DEFAULT_AFTER_SIGN_IN } from "@/lib/auth/callback-url";
import { authErrorMessage } from "@/lib/auth/error-messages";
import { AuthMessage } from "../../_components/auth-message";

export const metadata: Metadata = { title: "Sign-in problem" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Custom `pages.error`: `AccessDenied` (no role), `Configuration`, `Verification` and anything unexpected,
 * plus `Forbidden` from requireRole(). Unknown codes get the generic message; the URL is never echoed.
 */
export default async function SignInErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const code = Array.isArray(params.error) ? params.error[0] : params.error;
  const message = authErrorMessage(code ?? "Default") ?? authErrorMessage("Default");

  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h1 className="text-xl">Signing in to Trail Imports</h1>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {message && <AuthMessage message={message} callbackUrl={DEFAULT_AFTER_SIGN_IN} />}
      </CardContent>
    </Card>
  );
}
