import { z } from "zod";
import { csv, envError } from "./env-shared";

// Values frozen into the build: next.config.ts parses them, so a bad one fails `next build`, not a request.
// No "server-only" and no "@/" imports: next.config.ts loads this file outside the bundler.

/** `*` matches one DNS label and `**` trailing labels (Next's own matcher); a bare `*`/`**` would allow everyone. */
const HOST_PATTERN = /^(\*\*?|[a-z0-9-]+)(\.(\*\*?|[a-z0-9-]+))*(:\d{1,5})?$/i;

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
