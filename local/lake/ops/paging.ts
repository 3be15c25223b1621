// Page tokens for the list operations: a small cursor, bound to the operation, Region and
// filters by page-token.ts so a token from another query is rejected.
import { invalidNextToken } from "../protocol/errors.ts";
import { decodePageToken, encodePageToken } from "../protocol/page-token.ts";
import type { OpContext } from "./context.ts";

/** Decodes a numeric offset cursor, or 0 without a token. */
export function readOffset(ctx: OpContext, scope: string, token: string | undefined): number {
  if (token === undefined) return 0;
  const cursor = decodePageToken(ctx.state.tokenSecret, `${ctx.region}|${scope}`, token);
  if (typeof cursor !== "number" || !Number.isInteger(cursor) || cursor < 0)
    throw invalidNextToken();
  return cursor;
}

/** A token for the next page, or undefined when `next` is past the end (last page has no token). */
export function offsetToken(
  ctx: OpContext,
  scope: string,
  next: number,
  total: number,
): string | undefined {
  return next < total
    ? encodePageToken(ctx.state.tokenSecret, `${ctx.region}|${scope}`, next)
    : undefined;
}

/** Keyset cursor: the sort key of the last item returned. */
export type Keyset = { t: number; id: string };

/** Decodes a keyset cursor, or undefined without a token. */
export function readKeyset(
  ctx: OpContext,
  scope: string,
  token: string | undefined,
): Keyset | undefined {
  if (token === undefined) return undefined;
  const cursor = decodePageToken(ctx.state.tokenSecret, `${ctx.region}|${scope}`, token);
  if (typeof cursor !== "object" || cursor === null) throw invalidNextToken();
  const { t, id } = cursor as Record<string, unknown>;
  if (typeof t !== "number" || typeof id !== "string") throw invalidNextToken();
  return { t, id };
}

/** A token that resumes after `last`. */
export function keysetToken(ctx: OpContext, scope: string, last: Keyset): string {
  return encodePageToken(ctx.state.tokenSecret, `${ctx.region}|${scope}`, last);
}
