/**
 * Whether the ID token's `email` may be trusted as the person's address. It becomes their name in audit
 * lines and their STS SourceIdentity, so an address the IdP has not verified (a self-service account that
 * typed someone else's address) must not pass. OIDC says so with `email_verified: true`. Some IdPs never
 * send the claim (their addresses are all directory-managed); `allowMissing` (OIDC_EMAIL_VERIFIED_OPTIONAL)
 * accepts those, but an explicit `false` is refused either way.
 */
export function isEmailVerified(
  claims: { email?: unknown; email_verified?: unknown },
  allowMissing: boolean,
): boolean {
  if (typeof claims.email !== "string" || claims.email === "") return false;
  const verified = claims.email_verified;
  // Some IdPs send the boolean as a string.
  if (verified === true || verified === "true") return true;
  return verified === undefined && allowMissing;
}
