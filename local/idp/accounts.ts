/** A demo account of the local identity provider. Passwords are deliberately public: shown on the sign-in page. */
export type DemoAccount = {
  username: string;
  password: string;
  name: string;
  email: string;
  groups: string[];
  /** False for an address the IdP never confirmed (a self-service sign-up could type anyone's). */
  emailVerified?: boolean;
  /** What the account is for, shown next to it on the sign-in page. */
  purpose: string;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "alice",
    password: "demo-alice",
    name: "Alice Operator",
    email: "alice@example.test",
    groups: ["imports-operators"],
    purpose: "Operator: can start, stop and retry imports",
  },
  {
    username: "bob",
    password: "demo-bob",
    name: "Bob Viewer",
    email: "bob@example.test",
    groups: ["imports-viewers"],
    purpose: "Viewer: read-only access",
  },
  {
    username: "mallory",
    password: "demo-mallory",
    name: "Mallory Nogroups",
    email: "mallory@example.test",
    groups: [],
    purpose: "No groups: Trail Imports refuses this account",
  },
  {
    username: "eve",
    password: "demo-eve",
    name: "Eve Unverified",
    email: "alice.operator@example.test",
    groups: ["imports-operators"],
    emailVerified: false,
    purpose: "Operator group, unverified email: Trail Imports refuses this account",
  },
];

/** Finds an account by its `sub` (the user name). */
export function findDemoAccount(username: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((account) => account.username === username);
}

/** The claims the IdP may release for an account; oidc-provider filters them by the granted scopes. */
export function accountClaims(account: DemoAccount): Record<string, unknown> {
  const [given = account.name, ...rest] = account.name.split(" ");
  return {
    sub: account.username,
    name: account.name,
    given_name: given,
    family_name: rest.join(" "),
    preferred_username: account.username,
    email: account.email,
    email_verified: account.emailVerified ?? true,
    groups: account.groups,
  };
}
