import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningIdp, startIdp } from "./server.ts";

const REDIRECT_URI = "http://127.0.0.1:3999/api/auth/callback/oidc";
const CLIENT = { id: "trail-imports", secret: "local-world-client-secret" };

/** A tiny cookie jar: oidc-provider ties the interaction to its cookies, as a browser would. */
class Browser {
  private cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }

  /** Follows redirects on the IdP until one leaves it; returns that URL (the app callback). */
  async followUntilLeaving(idp: string, start: Response): Promise<{ url: URL; last: Response }> {
    let response = start;
    for (let hop = 0; hop < 10; hop++) {
      const location = response.headers.get("location");
      if (!location) return { url: new URL(response.url), last: response };
      const next = new URL(location, response.url || idp);
      if (next.origin !== new URL(idp).origin) return { url: next, last: response };
      response = await this.request(next.href);
    }
    throw new Error("too many redirects");
  }
}

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

async function beginSignIn(idp: RunningIdp, browser: Browser) {
  const { verifier, challenge } = pkce();
  const nonce = randomBytes(8).toString("hex");
  const query = new URLSearchParams({
    client_id: CLIENT.id,
    response_type: "code",
    scope: "openid email profile groups",
    redirect_uri: REDIRECT_URI,
    state: "s1",
    nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  const start = await browser.request(`${idp.url}/auth?${query}`);
  const { url: loginUrl, last } = await browser.followUntilLeaving(idp.url, start);
  const interaction = loginUrl.href.includes("/interaction/")
    ? loginUrl
    : new URL(last.headers.get("location") ?? "", idp.url);
  return { verifier, nonce, interaction };
}

async function signIn(idp: RunningIdp, username: string, password: string) {
  const browser = new Browser();
  const { verifier, nonce, interaction } = await beginSignIn(idp, browser);
  const form = await browser.request(interaction.href);
  const post = await browser.request(`${interaction.href}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password }),
  });
  return { browser, verifier, nonce, form, post };
}

async function exchange(idp: RunningIdp, code: string, verifier: string) {
  const response = await fetch(`${idp.url}/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }),
  });
  const body: unknown = await response.json();
  return { status: response.status, body: body as Record<string, unknown> };
}

function idTokenClaims(token: unknown): Record<string, unknown> {
  if (typeof token !== "string") throw new Error("no id_token");
  const [, payload = ""] = token.split(".");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("local identity provider", () => {
  let idp: RunningIdp;
  beforeAll(async () => {
    idp = await startIdp({ port: 0, redirectUris: [REDIRECT_URI] });
  });
  afterAll(async () => {
    await idp.close();
  });

  it("publishes discovery under the exact issuer", async () => {
    const response = await fetch(`${idp.url}/.well-known/openid-configuration`);
    const body = (await response.json()) as { issuer: string; scopes_supported: string[] };
    expect(body.issuer).toBe(idp.url);
    expect(body.scopes_supported).toContain("groups");
  });

  it("shows an accessible sign-in form listing the demo accounts", async () => {
    const { form } = await signIn(idp, "nobody", "x");
    const html = await form.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<title>Sign in · Local identity provider<\/title>/);
    expect(html).toContain('<label for="username">User name</label>');
    expect(html).toContain('<label for="password">Password</label>');
    for (const secret of ["demo-alice", "demo-bob", "demo-mallory"]) expect(html).toContain(secret);
  });

  it("refuses a wrong password and keeps the user on the form", async () => {
    const { post } = await signIn(idp, "alice", "demo-bob");
    expect(post.status).toBe(200);
    const html = await post.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-invalid="true"');
  });

  it("signs alice in without a consent screen and puts her groups in the ID token", async () => {
    const { browser, verifier, nonce, post } = await signIn(idp, "alice", "demo-alice");
    expect(post.status).toBe(303);
    const { url } = await browser.followUntilLeaving(idp.url, post);
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
    expect(url.searchParams.get("state")).toBe("s1");
    const code = url.searchParams.get("code");
    expect(code).toBeTruthy();

    const tokens = await exchange(idp, code ?? "", verifier);
    expect(tokens.status).toBe(200);
    const claims = idTokenClaims(tokens.body.id_token);
    expect(claims).toMatchObject({
      iss: idp.url,
      aud: CLIENT.id,
      sub: "alice",
      nonce,
      name: "Alice Operator",
      email: "alice@example.test",
      groups: ["imports-operators"],
    });
  });

  it("gives mallory an ID token with an empty groups claim", async () => {
    const { browser, verifier, post } = await signIn(idp, "mallory", "demo-mallory");
    const { url } = await browser.followUntilLeaving(idp.url, post);
    const tokens = await exchange(idp, url.searchParams.get("code") ?? "", verifier);
    expect(idTokenClaims(tokens.body.id_token)).toMatchObject({ sub: "mallory", groups: [] });
  });

  it("rejects a code exchange without the PKCE verifier", async () => {
    const { browser, post } = await signIn(idp, "bob", "demo-bob");
    const { url } = await browser.followUntilLeaving(idp.url, post);
    const tokens = await exchange(idp, url.searchParams.get("code") ?? "", pkce().verifier);
    expect(tokens.status).toBe(400);
    expect(tokens.body.error).toBe("invalid_grant");
  });

  it("sends access_denied back to the app when the user cancels", async () => {
    const browser = new Browser();
    const { interaction } = await beginSignIn(idp, browser);
    await browser.request(interaction.href);
    const abort = await browser.request(`${interaction.href}/abort`, { method: "POST" });
    const { url } = await browser.followUntilLeaving(idp.url, abort);
    expect(url.searchParams.get("error")).toBe("access_denied");
  });

  it("refuses redirect URIs that are not registered", async () => {
    const query = new URLSearchParams({
      client_id: CLIENT.id,
      response_type: "code",
      scope: "openid",
      redirect_uri: "http://127.0.0.1:3999/elsewhere",
      code_challenge: pkce().challenge,
      code_challenge_method: "S256",
    });
    const response = await fetch(`${idp.url}/auth?${query}`, { redirect: "manual" });
    expect(response.status).toBe(400);
  });
});
