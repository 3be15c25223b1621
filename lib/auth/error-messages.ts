/** One message per next-auth v4 `?error=` code, written for the person signing in. */
export type AuthErrorMessage = {
  title: string;
  body: string;
  retry: "sign-in" | "different-account" | "back" | "none";
};

const ACCESS_DENIED: AuthErrorMessage = {
  title: "Your account has no access to Trail Imports",
  body:
    "You signed in with Company SSO, but your account is not in a group that grants a Trail Imports role. " +
    "Ask the team that administers Trail Imports (or your identity administrator) to add you to the Trail Imports " +
    "operator group (start, stop and retry imports) or viewer group (read only). Group changes apply the next time you sign in.",
  retry: "different-account",
};

const SSO_FAILED: AuthErrorMessage = {
  title: "Sign-in with Company SSO failed",
  body: "The sign-in could not be completed. This can happen if the sign-in took too long or was opened in another tab. Please try again.",
  retry: "sign-in",
};

const UNEXPECTED: AuthErrorMessage = {
  title: "Something went wrong while signing in",
  body: "Please try again. If it keeps failing, tell the team that runs Trail Imports.",
  retry: "sign-in",
};

const MESSAGES: Record<string, AuthErrorMessage> = {
  accessdenied: ACCESS_DENIED,
  // Not a next-auth code: requireRole() sends signed-in users without the needed role here.
  forbidden: {
    title: "Your role does not allow this",
    body:
      "Starting, stopping and retrying imports needs the Trail Imports operator role; your account can view imports only. " +
      "Ask the team that administers Trail Imports to add you to the operator group, then sign out and sign in again.",
    retry: "back",
  },
  configuration: {
    title: "Sign-in is not available right now",
    body: "Trail Imports is misconfigured for sign-in. This is not something you can fix: please tell the team that runs Trail Imports.",
    retry: "none",
  },
  verification: {
    title: "This sign-in link is no longer valid",
    body: "It has expired or has already been used. Start the sign-in again.",
    retry: "sign-in",
  },
  sessionrequired: {
    title: "Please sign in",
    body: "You need to sign in to see that page.",
    retry: "sign-in",
  },
  oauthsignin: {
    title: "Could not reach Company SSO",
    body: "Trail Imports could not start the sign-in with your identity provider. Try again in a moment; if it keeps failing, tell the team that runs Trail Imports.",
    retry: "sign-in",
  },
  oauthcallback: SSO_FAILED,
  callback: SSO_FAILED,
  signin: SSO_FAILED,
  oauthcreateaccount: SSO_FAILED,
  emailcreateaccount: SSO_FAILED,
  oauthaccountnotlinked: {
    title: "This account is linked to another sign-in method",
    body: "Sign in with the method you used before.",
    retry: "sign-in",
  },
  emailsignin: {
    title: "Email sign-in is not available",
    body: "Trail Imports only supports Company SSO.",
    retry: "sign-in",
  },
  credentialssignin: {
    title: "Password sign-in is not available",
    body: "Trail Imports only supports Company SSO.",
    retry: "sign-in",
  },
};

/**
 * The message for a next-auth error code, case-insensitive. Unknown values (v4 can put raw exception text in
 * `?error=`) get the default message, so nothing from the URL is ever echoed back.
 */
export function authErrorMessage(code: unknown): AuthErrorMessage | null {
  if (typeof code !== "string" || code === "") return null;
  return MESSAGES[code.toLowerCase()] ?? UNEXPECTED;
}
