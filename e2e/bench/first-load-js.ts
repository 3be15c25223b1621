// First-load JS the way a modern browser gets it: the <script src> chunks a route's HTML
// references (nomodule polyfills skipped, since modern browsers ignore them), each gzipped, summed.
import { gzipSync } from "node:zlib";

export interface RouteJs {
  route: string;
  /** Sum of the gzipped chunks. */
  gzipBytes: number;
  rawBytes: number;
  chunks: number;
  /** Each chunk's path and gzipped size, largest first: where the bytes are. */
  chunkSizes: { path: string; gzipBytes: number }[];
}

const SCRIPT_TAG = /<script\b([^>]*)>/gi;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(
    attributes,
  );
  return match ? (match[2] ?? match[3] ?? match[4]) : undefined;
}

/** The absolute URLs of the external scripts a modern browser runs for this HTML. */
export function scriptSources(html: string, pageUrl: string): string[] {
  const sources = new Set<string>();
  for (const match of html.matchAll(SCRIPT_TAG)) {
    const attributes = match[1] ?? "";
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = attribute(attributes, "src");
    if (src) sources.add(new URL(src.replaceAll("&amp;", "&"), pageUrl).href);
  }
  return [...sources];
}

/** Fetches `path` from `origin` (with `cookie` if given) and sums its script chunks, gzipped. */
export async function measureRouteJs(
  origin: string,
  path: string,
  cookie?: string,
): Promise<RouteJs> {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const pageUrl = `${origin}${path}`;
  const page = await fetch(pageUrl, { headers, redirect: "manual" });
  if (page.status !== 200)
    throw new Error(`${path} answered ${page.status}; expected the page itself.`);
  const sources = scriptSources(await page.text(), pageUrl);
  if (sources.length === 0) throw new Error(`${path} references no script chunks.`);
  let gzipBytes = 0;
  let rawBytes = 0;
  const chunkSizes: RouteJs["chunkSizes"] = [];
  for (const src of sources) {
    const response = await fetch(src, { headers });
    if (!response.ok) throw new Error(`${src} answered ${response.status}.`);
    const body = Buffer.from(await response.arrayBuffer());
    const gzipped = gzipSync(body, { level: 9 }).length;
    rawBytes += body.length;
    gzipBytes += gzipped;
    chunkSizes.push({ path: new URL(src).pathname, gzipBytes: gzipped });
  }
  chunkSizes.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { route: path, gzipBytes, rawBytes, chunks: sources.length, chunkSizes };
}
