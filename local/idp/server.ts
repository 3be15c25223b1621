import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { accountClaims, findDemoAccount } from "./accounts.ts";
import { handleInteraction } from "./interactions.ts";
import { errorPage, homePage } from "./pages.ts";

export type IdpOptions = {
  /** Always loopback by default: this server has public passwords and must never be reachable. */
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Defaults to `http://<host>:<port>`; must equal the app's OIDC_ISSUER character for character. */
  issuer?: string;
  /** Exact redirect URIs of the Trail Imports client, e.g. `http://127.0.0.1:3000/api/auth/callback/oidc`. */
  redirectUris: string[];
};

export type RunningIdp = { url: string; close(): Promise<void> };

const CLIENT_ID = process.env.OIDC_CLIENT_ID ?? "trail-imports";
const CLIENT_SECRET = process.env.OIDC_CLIENT_SECRET ?? "local-world-client-secret";

function createProvider(issuer: string, redirectUris: string[]): Provider {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: redirectUris,
      },
    ],
    scopes: ["openid", "email", "profile", "groups"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name", "preferred_username"],
      groups: ["groups"],
    },
    // Otherwise scope-requested claims (groups!) only reach userinfo, and the app reads the ID token.
    conformIdTokenClaims: false,
    // The default only forces PKCE on public clients; forcing it keeps the app's PKCE path exercised.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, id) => {
      const account = findDemoAccount(id);
      if (!account) return undefined;
      return {
        accountId: account.username,
        claims: async () => ({ sub: account.username, ...accountClaims(account) }),
      };
    },
    // Explicit lifetimes (seconds) keep oidc-provider from warning; the session matches the app's 8 h cap.
    ttl: {
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      AccessToken: 3600,
      IdToken: 3600,
      AuthorizationCode: 60,
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(out.error ?? "server_error", out.error_description);
    },
    // Fixed, public, local-only key: cookies survive an IdP restart during development.
    cookies: { keys: ["local-world-idp-cookie-key-not-a-secret"] },
  });
  provider.on("server_error", (_ctx, error) => console.error("[idp] server error:", error));
  return provider;
}

/**
 * Starts the local OpenID Connect provider with the demo accounts (alice, bob, mallory, eve) and one client,
 * Trail Imports. Resolves once it listens; `close()` stops it and drops open connections.
 */
export async function startIdp(opts: IdpOptions): Promise<RunningIdp> {
  const host = opts.host ?? "127.0.0.1";
  // Filled once listening: the issuer (and so the provider) depends on the port, which may be chosen by the OS.
  const ready: {
    provider?: Provider;
    callback?: (req: IncomingMessage, res: ServerResponse) => void;
  } = {};

  const server = createServer((req, res) => {
    const { provider, callback } = ready;
    if (!provider || !callback) {
      res.writeHead(503).end();
      return;
    }
    const path = new URL(req.url ?? "/", "http://idp.invalid").pathname;
    if (path.startsWith("/interaction/")) {
      handleInteraction(provider, req, res).catch((error: unknown) => {
        console.error("[idp] interaction failed:", error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end("The identity provider hit an error. Start the sign-in again.");
      });
      return;
    }
    if (path === "/" && req.method === "GET") {
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
      });
      res.end(homePage(provider.issuer));
      return;
    }
    callback(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const address = server.address();
  if (!address || typeof address === "string")
    throw new Error("the IdP is not listening on a TCP port");
  const { port } = address;
  const issuer = (opts.issuer ?? `http://${host}:${port}`).replace(/\/$/, "");
  ready.provider = createProvider(issuer, opts.redirectUris);
  ready.callback = ready.provider.callback();

  return {
    url: issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
