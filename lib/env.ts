import "server-only";
import { z } from "zod";
import { AWS_REGION_PATTERN } from "@/lib/schemas/aws-resources";
import { databaseEnvShape } from "./db/config";
import { csv, describeEnvErrors, envError, originList } from "./env-shared";
import { isLoopbackUrl, productionProblems } from "./env-production";
import { allowPatternProblem, type AllowListKind } from "./imports/allow-list";
import { webhookEndpoints, webhookSecretSchema, webhooksEnvSchema } from "./notify/webhook-config";
import { lakePriceEnvSchema } from "./preflight/pricing";

export { describeEnvErrors };

const awsRegion = z
  .string()
  .regex(AWS_REGION_PATTERN, "must be an AWS Region code such as us-east-1");

function isAesKey(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  return [16, 24, 32].includes(Buffer.from(value, "base64").length);
}

const roleArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "must be an IAM role ARN");

/** A comma-separated allow-list of exact values or simple `*` patterns (lib/imports/allow-list.ts). */
function allowList(kind: AllowListKind) {
  return csv.pipe(
    z.array(
      z.string().superRefine((pattern, ctx) => {
        const problem = allowPatternProblem(kind, pattern);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    ),
  );
}

const optionalUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional();

/** Every server-side environment variable the app reads. README's configuration table mirrors it. */
export const serverEnvSchema = z
  .object({
    AWS_REGION: awsRegion.default("us-east-1"),
    CLOUDTRAIL_REGIONS: csv
      .pipe(z.array(awsRegion).min(1, "must list at least one Region"))
      .optional(),
    CLOUDTRAIL_ENDPOINT: optionalUrl,
    STS_ENDPOINT: optionalUrl,
    // The preflight's S3, IAM and Organizations calls. Unset: CLOUDTRAIL_ENDPOINT when that is loopback
    // (the local world serves every service on one port), otherwise AWS's own endpoints.
    S3_ENDPOINT: optionalUrl,
    IAM_ENDPOINT: optionalUrl,
    ORGANIZATIONS_ENDPOINT: optionalUrl,
    AWS_IDENTITY_MODE: z.enum(["app", "per-user"]).default("app"),
    AWS_PER_USER_ROLE_ARN: roleArn.optional(),
    // Per-user mode: people without the operator role assume this read-only role instead, so IAM fences them too.
    AWS_PER_USER_VIEWER_ROLE_ARN: roleArn.optional(),
    // What StartImport may name; empty = no list (the destination and role-account checks still apply).
    IMPORT_ALLOWED_ROLE_ARNS: allowList("role").default([]),
    IMPORT_ALLOWED_BUCKETS: allowList("bucket").default([]),
    // On Vercel: the role its OIDC token is exchanged for (the app's base identity, no stored keys).
    VERCEL_AWS_ROLE_ARN: roleArn.optional(),
    OIDC_ISSUER: z.url({
      protocol: /^https?$/,
      error: "must be the issuer URL of your OIDC provider",
    }),
    OIDC_CLIENT_ID: z.string().min(1, "is required"),
    OIDC_CLIENT_SECRET: z.string().min(1, "is required"),
    OIDC_SCOPES: z.string().default("openid email profile groups"),
    OIDC_ROLES_CLAIM: z.string().min(1).default("groups"),
    // Only for IdPs that never send email_verified (all addresses directory-managed); `false` is refused anyway.
    OIDC_EMAIL_VERIFIED_OPTIONAL: z
      .enum(["true", "false"], { error: "must be true or false" })
      .default("false")
      .transform((value) => value === "true"),
    OPERATOR_GROUPS: csv.pipe(z.array(z.string()).min(1, "must list at least one group")),
    VIEWER_GROUPS: csv.default([]),
    NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "must be the app's public URL" }),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    // Portals that may frame the app; set, it also switches session cookies to SameSite=None; Partitioned.
    EMBED_ALLOWED_ORIGINS: originList.default([]),
    // Next reads it itself; checked here so a malformed key fails at start-up, not at the first action.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
      .string()
      .refine(isAesKey, "must be base64 of 16, 24 or 32 random bytes (openssl rand -base64 32)")
      .optional(),
    // Read for the production rules (lib/env-production.ts) only.
    NODE_ENV: z.string().optional(),
    AWS_SECRET_ACCESS_KEY: z.string().optional(),
    // Inlined from NEXT_BASE_PATH at build time (next.config.ts); the runtime NEXTAUTH_URL must agree with it.
    NEXT_PUBLIC_BASE_PATH: z.string().optional(),
    // CloudTrail Lake ingestion prices for the preflight's estimate (defaults in lib/preflight/pricing.ts).
    ...lakePriceEnvSchema.shape,
    // DATABASE_URL, DATABASE_PATH, …: defined beside the database layer, which reads them itself.
    ...databaseEnvShape,
    // Backfill plans (docs/backfill-plans.md, "Running it").
    CRON_SECRET: z
      .string()
      .min(16, "must be at least 16 characters (openssl rand -base64 32)")
      .optional(),
    PLAN_RUNNER_INTERVAL_SECONDS: z.coerce
      .number({ error: "must be a number of seconds" })
      .int("must be a whole number of seconds")
      .min(0, "must be 0 (off) or more")
      .max(3600, "must be at most 3600")
      .default(30),
    NOTIFY_WEBHOOKS: webhooksEnvSchema.default([]),
    NOTIFY_WEBHOOK_SECRET: webhookSecretSchema.optional(),
    NOTIFY_IMPORT_COMPLETED: z
      .enum(["true", "false"], { error: "must be true or false" })
      .default("false")
      .transform((v) => v === "true"),
  })
  .transform((env) => {
    // A CloudTrail VPC endpoint must never receive S3 or IAM calls, so only loopback stands in.
    const local =
      env.CLOUDTRAIL_ENDPOINT && isLoopbackUrl(env.CLOUDTRAIL_ENDPOINT)
        ? env.CLOUDTRAIL_ENDPOINT
        : undefined;
    return {
      ...env,
      CLOUDTRAIL_REGIONS: env.CLOUDTRAIL_REGIONS ?? [env.AWS_REGION],
      S3_ENDPOINT: env.S3_ENDPOINT ?? local,
      IAM_ENDPOINT: env.IAM_ENDPOINT ?? local,
      ORGANIZATIONS_ENDPOINT: env.ORGANIZATIONS_ENDPOINT ?? local,
      NOTIFY_WEBHOOKS: webhookEndpoints(env.NOTIFY_WEBHOOKS, env.NOTIFY_WEBHOOK_SECRET),
    };
  })
  .superRefine((env, ctx) => {
    const basePath = env.NEXT_PUBLIC_BASE_PATH;
    const authPath = new URL(env.NEXTAUTH_URL).pathname
      .replace(/\/$/, "")
      .replace(/\/api\/auth$/, "");
    // `next build` stands placeholders in for NEXTAUTH_URL (lib/auth/index.ts), so only a running server can compare.
    const building = process.env.NEXT_PHASE === "phase-production-build";
    if (basePath !== undefined && !building && authPath !== basePath) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: `must be the public origin plus the build's NEXT_BASE_PATH ("${basePath}"), optionally followed by /api/auth`,
      });
    }
    if (env.NODE_ENV === "production" && !building) {
      const secrets = {
        NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
        OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET,
        AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY,
      };
      for (const problem of productionProblems(env, secrets))
        ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message });
    }
    env.NOTIFY_WEBHOOKS.forEach((endpoint, index) => {
      if (endpoint.kind === "generic" && !endpoint.secret) {
        ctx.addIssue({
          code: "custom",
          path: ["NOTIFY_WEBHOOKS", index],
          message: "a generic endpoint is signed: give it a secret or set NOTIFY_WEBHOOK_SECRET",
        });
      }
    });
    if (env.AWS_IDENTITY_MODE === "per-user" && !env.AWS_PER_USER_ROLE_ARN) {
      ctx.addIssue({
        code: "custom",
        path: ["AWS_PER_USER_ROLE_ARN"],
        message: "is required when AWS_IDENTITY_MODE is per-user",
      });
    }
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Parses `source` (normally `process.env`); throws "Invalid environment configuration" with one line per variable. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) throw envError("Invalid environment configuration", result.error);
  return result.data;
}

let cached: ServerEnv | undefined;

/** The validated server environment, parsed once per process. */
export function serverEnv(): ServerEnv {
  // Spelled out so the bundler inlines the build's value; it is not in the runtime environment.
  cached ??= parseServerEnv({
    ...process.env,
    NEXT_PUBLIC_BASE_PATH: process.env.NEXT_PUBLIC_BASE_PATH,
  });
  return cached;
}
