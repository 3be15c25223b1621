import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/guard";
import { isHandoffNonce, POPUP_SIGN_IN_PATH } from "@/lib/embed/handoff-protocol";
import { HandoffSender } from "../../_components/handoff-sender";
import { PopupMessage } from "../../_components/popup-message";

export const metadata: Metadata = { title: "Signed in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Where next-auth returns the popup: passes the new session to the frame that opened it, then closes. */
export default async function EmbedSignedInPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).nonce;
  const nonce = Array.isArray(raw) ? raw[0] : raw;
  if (!isHandoffNonce(nonce)) {
    return (
      <PopupMessage
        title="This sign-in window is not valid"
        body="Close it and sign in again from the dashboard."
      />
    );
  }
  if (!(await currentUser()))
    redirect(`${POPUP_SIGN_IN_PATH}?${new URLSearchParams({ nonce })}` as "/embed/sign-in");
  return <HandoffSender nonce={nonce} />;
}
