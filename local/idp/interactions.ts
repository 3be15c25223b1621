import { timingSafeEqual, createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { findDemoAccount } from "./accounts.ts";
import { expiredPage, loginPage } from "./pages.ts";

const MAX_BODY_BYTES = 16 * 1024;

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error("form body too large");
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

// Hashing first makes the comparison constant-time regardless of the submitted length.
function samePassword(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Consent is granted automatically: Trail Imports is a first-party client registered by the same organisation
 * that runs the IdP, which is how enterprise IdPs treat admin-approved internal apps (no per-user consent).
 * Showing a consent screen here would exercise a step production never has.
 */
async function grantConsent(
  provider: Provider,
  details: Awaited<ReturnType<Provider["interactionDetails"]>>,
) {
  const accountId = details.session?.accountId;
  const clientId = stringParam(details.params, "client_id");
  if (!accountId || !clientId) throw new Error("consent without a session or client");
  const grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const target = grant ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details;
  if (Array.isArray(missing.missingOIDCScope))
    target.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (Array.isArray(missing.missingOIDCClaims))
    target.addOIDCClaims(missing.missingOIDCClaims.map(String));
  return target.save();
}

/** Handles `/interaction/:uid[/login|/abort]`: the sign-in form, the password check, cancel, and auto-consent. */
export async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? "/", "http://idp.invalid").pathname;
  const [, , , step] = path.split("/");
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    send(res, 400, expiredPage());
    return;
  }
  const clientId = stringParam(details.params, "client_id") ?? "the application";

  if (req.method === "GET" && step === undefined) {
    if (details.prompt.name === "consent") {
      const grantId = await grantConsent(provider, details);
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    send(
      res,
      200,
      loginPage({
        uid: details.uid,
        clientId,
        username: stringParam(details.params, "login_hint"),
      }),
    );
    return;
  }

  if (req.method === "POST" && step === "login") {
    const form = await readForm(req);
    const username = (form.get("username") ?? "").trim().toLowerCase();
    const account = findDemoAccount(username);
    if (!account || !samePassword(form.get("password") ?? "", account.password)) {
      send(res, 200, loginPage({ uid: details.uid, clientId, username, failed: true }));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.username } },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  if (req.method === "POST" && step === "abort") {
    await provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "The user cancelled the sign-in." },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  send(res, 405, loginPage({ uid: details.uid, clientId }));
}
