import "server-only";
import { headers } from "next/headers";

/** Header the proxy sets on every request (overwriting any the client sent) and echoes on the response. */
export const REQUEST_ID_HEADER = "x-request-id";

export type AuditContext = { requestId?: string; clientAddress?: string };

/**
 * The request an audit line belongs to: the proxy's request id, and the client address as the nearest
 * proxy reported it (`X-Forwarded-For`'s first entry, or `X-Real-IP`). The address is only as trustworthy
 * as the load balancer that sets it; it is recorded to correlate, not to authenticate. Outside a request
 * (start-up, tests) there is nothing to add.
 */
export async function auditContext(): Promise<AuditContext> {
  try {
    const list = await headers();
    const requestId = list.get(REQUEST_ID_HEADER) ?? undefined;
    const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
    const clientAddress = forwarded || (list.get("x-real-ip") ?? undefined);
    return {
      ...(requestId ? { requestId } : {}),
      ...(clientAddress ? { clientAddress: clientAddress.slice(0, 64) } : {}),
    };
  } catch {
    return {};
  }
}
