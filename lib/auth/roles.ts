/** Application roles, strongest first. "operator" implies "viewer". */
export const APP_ROLES = ["operator", "viewer"] as const;

export type AppRole = (typeof APP_ROLES)[number];

/** Which IdP groups (or IdP roles) grant which app role; comes from OPERATOR_GROUPS / VIEWER_GROUPS. */
export type RoleMappingConfig = {
  /** Claim holding the groups: a top-level name (`groups`, `cognito:groups`) or a dotted path (`realm_access.roles`). */
  claim: string;
  operatorGroups: readonly string[];
  viewerGroups: readonly string[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a claim by name, falling back to a dotted path.
 * The literal name wins so namespaced claims such as `https://corp.example/groups` (which contain dots) still work.
 */
export function readClaim(claims: Record<string, unknown>, claim: string): unknown {
  if (Object.hasOwn(claims, claim)) return claims[claim];
  let current: unknown = claims;
  for (const segment of claim.split(".")) {
    if (!isRecord(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/** Normalises a groups claim: a single string is one group (names may contain spaces), arrays keep their strings. */
export function groupsFromClaim(value: unknown): string[] {
  const raw = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return raw
    .filter((item): item is string => typeof item === "string")
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Maps ID-token claims to app roles. Group names compare exactly (case-sensitive), as IdPs treat them as identifiers.
 * Returns `[]` when no configured group matches; sign-in refuses such users.
 */
export function rolesFromClaims(
  claims: Record<string, unknown>,
  config: RoleMappingConfig,
): AppRole[] {
  const groups = new Set(groupsFromClaim(readClaim(claims, config.claim)));
  if (config.operatorGroups.some((group) => groups.has(group))) return ["operator", "viewer"];
  if (config.viewerGroups.some((group) => groups.has(group))) return ["viewer"];
  return [];
}

/** Narrows untrusted data (a decoded JWT, say) to a clean, ordered role list, dropping anything unknown. */
export function parseRoles(value: unknown): AppRole[] {
  if (!Array.isArray(value)) return [];
  const present = new Set(value);
  const roles = APP_ROLES.filter((role) => present.has(role));
  // Re-apply the implication so a hand-edited or older token can't hold operator without viewer.
  return roles.includes("operator") && !roles.includes("viewer") ? [...roles, "viewer"] : roles;
}

/** True when `roles` grants `required`. */
export function hasRole(roles: readonly AppRole[], required: AppRole): boolean {
  return roles.includes(required) || (required === "viewer" && roles.includes("operator"));
}

/** The label shown on the user's role badge, or `null` for no role. */
export function roleLabel(roles: readonly AppRole[]): "Operator" | "Viewer" | null {
  if (roles.includes("operator")) return "Operator";
  if (roles.includes("viewer")) return "Viewer";
  return null;
}

/** The strongest role in `roles` (APP_ROLES lists the strongest first), for audit entries. */
export function highestRole(roles: readonly AppRole[]): AppRole | undefined {
  return APP_ROLES.find((role) => roles.includes(role));
}
