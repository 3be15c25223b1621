// The local world's webhook receiver: the endpoint NOTIFY_WEBHOOKS points at in development and
// tests. It checks Standard Webhooks signatures with the app's own verifier, keeps every delivery
// and shows them on loopback:
//   POST   /<any path>   → 204 (401 when a signed delivery's signature does not verify)
//   GET    /_received    → {"deliveries":[{path,headers,body,json,verified,reason?,receivedAt}]}
//   DELETE /_received    → 204
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "../../lib/notify/signing.ts";
import { isLoopback } from "../lake/http/body.ts";

export type Delivery = {
  path: string;
  headers: Record<string, string>;
  body: string;
  json: unknown;
  /** true or false for a signed delivery (one with webhook-id), null for Slack and Teams bodies. */
  verified: boolean | null;
  reason?: string;
  receivedAt: string;
};

export type WebhookReceiver = {
  url: string;
  deliveries(): Delivery[];
  clear(): void;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Starts the receiver on loopback; `secret` is the `whsec_` secret generic deliveries are signed with. */
export async function startWebhookReceiver(opts: {
  port: number;
  secret: string;
  host?: string;
}): Promise<WebhookReceiver> {
  const received: Delivery[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://receiver").pathname;
      if (path === "/_received") {
        if (!isLoopback(req)) return void res.writeHead(403).end();
        if (req.method === "DELETE") {
          received.length = 0;
          return void res.writeHead(204).end();
        }
        const text = JSON.stringify({ deliveries: received });
        return void res.writeHead(200, { "content-type": "application/json" }).end(text);
      }
      if (req.method !== "POST") return void res.writeHead(405).end();
      const body = await readBody(req);
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
      );
      const signed = headers["webhook-id"] !== undefined;
      const check = signed
        ? verifyWebhook({
            secret: opts.secret,
            headers,
            body,
            nowSeconds: Math.floor(Date.now() / 1000),
          })
        : null;
      received.push({
        path,
        headers,
        body,
        json: parseJson(body),
        verified: check ? check.ok : null,
        ...(check && !check.ok ? { reason: check.reason } : {}),
        receivedAt: new Date().toISOString(),
      });
      res.writeHead(check && !check.ok ? 401 : 204).end();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    deliveries: () => [...received],
    clear: () => {
      received.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
