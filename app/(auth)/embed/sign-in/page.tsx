import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/guard";
import { isHandoffNonce, POPUP_SIGNED_IN_PATH } from "@/lib/embed/handoff-protocol";
import { PopupMessage } from "../../_components/popup-message";
import { PopupSignIn } from "../../_components/popup-sign-in";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** First page of the sign-in popup a framed dashboard opens; the OIDC flow runs here, top-level. */
export default async function EmbedSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const nonce = Array.isArray(params.nonce) ? params.nonce[0] : params.nonce;
  const forceLogin = params.prompt === "login";
  if (!isHandoffNonce(nonce)) {
    return (
      <PopupMessage
        title="This sign-in window is not valid"
        body="Close it and sign in again from the dashboard."
      />
    );
  }
  const signedIn = `${POPUP_SIGNED_IN_PATH}?${new URLSearchParams({ nonce })}`;
  // Already signed in at the top level (this is the app's own cookie partition): hand that session over,
  // unless the frame asked to switch accounts, which always goes through the IdP's login.
  if (!forceLogin && (await currentUser())) redirect(signedIn as "/embed/signed-in");
  return <PopupSignIn callbackPath={signedIn} forceLogin={forceLogin} />;
}
