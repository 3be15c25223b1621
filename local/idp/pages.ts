import { DEMO_ACCOUNTS } from "./accounts.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

// System colours follow light/dark automatically and keep contrast right without a palette to maintain.
const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; background: Canvas; color: CanvasText; }
main { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
.note { border-left: 4px solid GrayText; padding: .25rem .75rem; }
form.login { display: grid; gap: .5rem; max-width: 22rem; margin: 1rem 0; }
label { font-weight: 600; }
input { font: inherit; padding: .5rem; border: 1px solid CanvasText; border-radius: .375rem; background: Field; color: FieldText; }
input[aria-invalid="true"] { border-width: 2px; }
button { font: inherit; padding: .5rem 1rem; border-radius: .375rem; border: 1px solid CanvasText; cursor: pointer; }
button.primary { background: LinkText; color: Canvas; border-color: LinkText; font-weight: 600; }
:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
.error { border: 2px solid CanvasText; padding: .5rem .75rem; border-radius: .375rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
th, td { text-align: left; padding: .375rem .5rem; border-bottom: 1px solid GrayText; vertical-align: top; }
code { font-family: ui-monospace, monospace; }
.actions { display: flex; gap: .75rem; align-items: center; }
`;

/** A complete, accessible page: language, title and a single main landmark. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Local identity provider</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** The table of demo accounts; passwords are shown on purpose (local development only). */
export function accountsTable(): string {
  const rows = DEMO_ACCOUNTS.map(
    (
      account,
    ) => `<tr><td><code>${escapeHtml(account.username)}</code></td><td><code>${escapeHtml(account.password)}</code></td>
<td>${escapeHtml(account.name)}<br>${escapeHtml(account.email)}</td>
<td>${account.groups.length > 0 ? account.groups.map((group) => `<code>${escapeHtml(group)}</code>`).join(", ") : "none"}</td>
<td>${escapeHtml(account.purpose)}</td></tr>`,
  ).join("\n");
  return `<section aria-labelledby="accounts-heading">
<h2 id="accounts-heading">Demo accounts</h2>
<table>
<caption class="note">Every account's password is <code>demo-</code> followed by its user name.</caption>
<thead><tr><th scope="col">User name</th><th scope="col">Password</th><th scope="col">Person</th><th scope="col">Groups</th><th scope="col">Use it to try</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

export type LoginFormState = { uid: string; clientId: string; username?: string; failed?: boolean };

/** The sign-in form for one interaction. */
export function loginPage(state: LoginFormState): string {
  const action = `/interaction/${encodeURIComponent(state.uid)}`;
  const error = state.failed
    ? `<p class="error" role="alert" id="login-error">The user name or password is wrong. Check the demo accounts below.</p>`
    : "";
  const invalid = state.failed ? ` aria-invalid="true" aria-describedby="login-error"` : "";
  return page(
    "Sign in",
    `<h1>Sign in to Company SSO</h1>
<p class="note">This is the <strong>local</strong> identity provider for development and tests. It knows only the demo accounts below and must never be deployed.</p>
<p>You are signing in to <strong>${escapeHtml(state.clientId)}</strong>.</p>
${error}
<form class="login" method="post" action="${action}/login">
<label for="username">User name</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(state.username ?? "")}"${invalid}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>
<form method="post" action="${action}/abort"><button type="submit">Cancel and go back</button></form>
${accountsTable()}`,
  );
}

/** Shown when an interaction cookie is missing or expired (a stale tab, or the IdP restarted). */
export function expiredPage(): string {
  return page(
    "Sign-in expired",
    `<h1>This sign-in has expired</h1>
<p>Go back to the application and choose <strong>Sign in</strong> again.</p>`,
  );
}

/** What the IdP's root URL shows people who open it directly. */
export function homePage(issuer: string): string {
  return page(
    "Local identity provider",
    `<h1>Local identity provider</h1>
<p class="note">An OpenID Connect provider for local development. Sign in from the application; this page only lists the demo accounts.</p>
<p>Discovery document: <a href="${escapeHtml(issuer)}/.well-known/openid-configuration"><code>${escapeHtml(issuer)}/.well-known/openid-configuration</code></a>.
To sign out of this provider (to switch users), open <a href="${escapeHtml(issuer)}/session/end">${escapeHtml(issuer)}/session/end</a>.</p>
${accountsTable()}`,
  );
}

/** oidc-provider's own errors (unknown client, unregistered redirect URI, …), shown instead of its bare page. */
export function errorPage(code: string, description: string | undefined): string {
  return page(
    "Sign-in error",
    `<h1>The sign-in request was refused</h1>
<p><code>${escapeHtml(code)}</code>${description ? `: ${escapeHtml(description)}` : ""}</p>
<p>Go back to the application and start the sign-in again. If this keeps happening, the application's OIDC settings
(client ID, issuer or redirect URI) do not match this provider.</p>`,
  );
}
