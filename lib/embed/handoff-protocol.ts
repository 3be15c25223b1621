// Client-safe pieces of the popup hand-off, shared by the frame, the popup and the server (lib/embed/handoff.ts).

/** `type` of the one message the popup sends to the frame that opened it. */
export const HANDOFF_MESSAGE = "trail-imports:handoff";

/** Where the popup starts, and where next-auth returns it after the IdP. */
export const POPUP_SIGN_IN_PATH = "/embed/sign-in";
export const POPUP_SIGNED_IN_PATH = "/embed/signed-in";

const NONCE = /^[A-Za-z0-9_-]{16,128}$/;

/** True when `nonce` has the shape `newHandoffNonce` makes (URL-safe, 16–128 characters). */
export function isHandoffNonce(nonce: unknown): nonce is string {
  return typeof nonce === "string" && NONCE.test(nonce);
}

/** 192 random bits, base64url: known only to the frame that opens the popup. */
export function newHandoffNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
