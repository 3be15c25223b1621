import "server-only";
import { headers } from "next/headers";
import { EMBED_HEADER } from "./embed-mode";

/** For layouts: true when the proxy decided this request renders inside a portal (or with `?embed=1`). */
export async function isEmbedded(): Promise<boolean> {
  return (await headers()).get(EMBED_HEADER) === "1";
}
