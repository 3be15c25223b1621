import { z } from "zod";
import { normalizeOrigin } from "./embed/origins";

// Shared by the server schema (lib/env.ts, server-only) and the build schema (lib/build-env.ts, read by next.config.ts).

/** A comma-separated list, trimmed, empty items dropped. */
export const csv = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);

/** A comma-separated list of exact origins (`https://portal.corp.example`), normalised; http only for loopback. */
export const originList = csv.pipe(
  z.array(
    z.string().transform((value, ctx) => {
      const origin = normalizeOrigin(value);
      if (origin) return origin;
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not an exact origin such as https://portal.corp.example (https, no path, no wildcard; http only for localhost)`,
      });
      return z.NEVER;
    }),
  ),
);

/** Formats zod issues as one line per variable, e.g. "OIDC_ISSUER: must be the issuer URL …". */
export function describeEnvErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const message =
      issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return `${name}: ${message}`;
  });
}

/** The error a bad environment stops the process with: a title and one line per variable. */
export function envError(title: string, error: z.ZodError): Error {
  return new Error(`${title}:\n  - ${describeEnvErrors(error).join("\n  - ")}`);
}
