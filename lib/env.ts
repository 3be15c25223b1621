import "server-only";
import { z } from "zod";

const csv = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const awsRegion = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS Region code such as us-east-1");

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
    AWS_IDENTITY_MODE: z.enum(["app", "per-user"]).default("app"),
    AWS_PER_USER_ROLE_ARN: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "must be an IAM role ARN")
      .optional(),
    OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the issuer URL of your OIDC provider" }),
    OIDC_CLIENT_ID: z.string().min(1, "is required"),
    OIDC_CLIENT_SECRET: z.string().min(1, "is required"),
    OIDC_SCOPES: z.string().default("openid email profile groups"),
    OIDC_ROLES_CLAIM: z.string().min(1).default("groups"),
    OPERATOR_GROUPS: csv.pipe(z.array(z.string()).min(1, "must list at least one group")),
    VIEWER_GROUPS: csv.default([]),
    NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "must be the app's public URL" }),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  })
  .transform((env) => ({
    ...env,
    CLOUDTRAIL_REGIONS: env.CLOUDTRAIL_REGIONS ?? [env.AWS_REGION],
  }))
  .superRefine((env, ctx) => {
    if (env.AWS_IDENTITY_MODE === "per-user" && !env.AWS_PER_USER_ROLE_ARN) {
      ctx.addIssue({
        code: "custom",
        path: ["AWS_PER_USER_ROLE_ARN"],
        message: "is required when AWS_IDENTITY_MODE is per-user",
      });
    }
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Formats zod issues as one line per variable, e.g. "OIDC_ISSUER: must be the issuer URL …". */
export function describeEnvErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return `${name}: ${message}`;
  });
}

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) {
    throw new Error(
      `Invalid environment configuration:\n  - ${describeEnvErrors(result.error).join("\n  - ")}`,
    );
  }
  return result.data;
}

let cached: ServerEnv | undefined;

/** The validated server environment, parsed once per process. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
