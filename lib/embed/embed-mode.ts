// Pure: the proxy decides per request whether the page renders in the compact, embedded layout.

/** Request header the proxy sets for layouts (never trusted from the client: the proxy overwrites it). */
export const EMBED_HEADER = "x-trail-imports-embed";

/** Remembers embedded mode across client-side navigations, whose RSC requests look like plain fetches. */
export const EMBED_COOKIE = "trail-imports.embed";

export type EmbedDecision = {
  embedded: boolean;
  /** What the proxy should do with EMBED_COOKIE on the response. */
  cookie: "set" | "clear" | "keep";
};

/**
 * Embedded when the browser is loading the document into a frame (`Sec-Fetch-Dest: iframe`; CSP
 * `frame-ancestors` already limits that to allowed portals), when the URL asks for it (`?embed=1`), or when
 * an earlier navigation in this browsing context did. A top-level document load without `?embed=1` ends it.
 */
export function decideEmbedMode(input: {
  secFetchDest: string | null;
  embedParam: string | null;
  hasCookie: boolean;
}): EmbedDecision {
  const asked = input.embedParam === "1";
  if (input.secFetchDest === "iframe" || asked) {
    return { embedded: true, cookie: input.hasCookie ? "keep" : "set" };
  }
  if (input.embedParam === "0" || input.secFetchDest === "document") {
    return { embedded: false, cookie: input.hasCookie ? "clear" : "keep" };
  }
  return { embedded: input.hasCookie, cookie: "keep" };
}
