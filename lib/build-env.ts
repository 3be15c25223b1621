import { getDomain } from "tldts";
import { z } from "zod";
import { csv, envError } from "./env-shared";

// Values frozen into the build: next.config.ts parses them, so a bad one fails `next build`, not a request.
// No "server-only" and no "@/" imports: next.config.ts loads this file outside the bundler.

/** `*` matches one DNS label and `**` trailing labels (Next's own matcher); a bare `*`/`**` would allow everyone. */
const HOST_PATTERN = /^(\*\*?|[a-z0-9-]+)(\.(\*\*?|[a-z0-9-]+))*(:\d{1,5})?$/i;

/**
 * True when the labels right of a pattern's last wildcard still name one registrable domain, so the pattern
 * cannot stretch over a public suffix: `*.corp.example` passes, `*.com`, `*.co.uk` and `*.vercel.app`
 * (private suffixes count: every `*.vercel.app` host is someone else's) do not.
 */
function staysInsideOneSite(pattern: string): boolean {
  const labels = pattern.replace(/:\d+$/, "").toLowerCase().split(".");
  const lastWildcard = labels.findLastIndex((label) => label.includes("*"));
  if (lastWildcard === -1) return true;
  const fixed = labels.slice(lastWildcard + 1).join(".");
  return fixed !== "" && getDomain(fixed, { allowPrivateDomains: true }) !== null;
}

export const buildEnvSchema = z.object({
  NEXT_BASE_PATH: z
    .string()
    .regex(/^(\/[\w.~-]+)*$/, "must be empty or a path such as /imports (leading /, no trailing /)")
    .default(""),
  SERVER_ACTIONS_ALLOWED_ORIGINS: csv
    .pipe(
      z.array(
        z
          .string()
          .regex(
            HOST_PATTERN,
            "must list host names such as portal.corp.example (no scheme, no path)",
          )
          .refine(
            (host) => !/^\*\*?$/.test(host),
            "must not be a bare * or ** (that allows every site)",
          )
          .refine(
            staysInsideOneSite,
            "must not put a wildcard over a public suffix such as *.com, *.co.uk or *.vercel.app (name your own domain: *.corp.example)",
          ),
      ),
    )
    .default([]),
});

export type BuildEnv = z.infer<typeof buildEnvSchema>;

/** Parses the build-time variables; throws one line per bad variable. */
export function parseBuildEnv(source: Record<string, string | undefined>): BuildEnv {
  const result = buildEnvSchema.safeParse(source);
  if (!result.success) throw envError("Invalid build configuration", result.error);
  return result.data;
}
