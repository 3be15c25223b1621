// The preflight against the local world with the real SDK: every demo case gets its check
// result, a clean source passes, the estimate matches the bucket's files, and a preflight stays
// within its planned calls (a repeat within the cache window makes none).
import { describe, expect, it } from "vitest";
import { planPreflight } from "@/lib/preflight/plan";
import {
  preflightQuerySchema,
  preflightRequestSchema,
  type PreflightQueryInput,
} from "@/lib/schemas/preflight";
import {
  ACL_BUCKET,
  ARCHIVE_PREFIX,
  DEMO_BUCKET,
  DEMO_KMS_KEY_ARN,
  DEMO_TRAIL_URI,
  DENIED_ROLE_ARN,
  E2E_BUCKET,
  E2E_TRAIL_URI,
  EU_BUCKET,
  IMPORT_ROLE_ARN,
  KMS_PREFIX,
  NO_GET_OBJECT_ROLE_ARN,
  OTHER_STORE_ROLE_ARN,
  PARTNER_BUCKET,
  STORES,
  UNKNOWN_ROLE_ARN,
} from "@/local/lake/seed/constants.ts";
import { bucketObjects } from "@/local/lake/s3/bucket-objects.ts";
import { lakeForFile } from "@/local/lake/testing/lake-fixture.ts";
import { pointAppAtLake } from "../test-env";
import { runPreflight } from "./run";

const world = lakeForFile({}, ({ lake }) => pointAppAtLake(lake.url));

let people = 0;
/** A new person per preflight, so no test is answered from another's cache or budget. */
function someone() {
  people++;
  return { id: `op-${people}`, email: `op-${people}@example.test`, roles: ["operator"] };
}

const CLEAN: PreflightQueryInput = {
  destination: STORES.demo.arn,
  s3Uri: E2E_TRAIL_URI,
  bucketRegion: "us-east-1",
  roleArn: IMPORT_ROLE_ARN,
};

async function preflight(overrides: Partial<PreflightQueryInput> = {}) {
  const query = preflightQuerySchema.parse({ ...CLEAN, ...overrides });
  const result = await runPreflight(someone(), query);
  const check = (id: string) => {
    const found = result.checks.find((c) => c.id === id);
    if (!found) throw new Error(`No ${id} check in the result`);
    return found;
  };
  return { result, check };
}

describe("a clean source", () => {
  it("passes every check; only the store's own live ingestion warns of overlap", async () => {
    const { result } = await preflight();
    const statuses = Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
    expect(statuses).toEqual({
      destination: "pass",
      retention: "pass",
      "bucket-region": "pass",
      "object-ownership": "pass",
      "log-files": "pass",
      "file-kinds": "pass",
      encryption: "pass",
      "role-trust": "pass",
      "role-permissions": "pass",
      ongoing: "pass",
      overlap: "warning",
    });
    expect(result.checks.find((c) => c.id === "overlap")?.sentence).toMatch(/ingesting live/);
    expect(result.summary.needsStartAnyway).toBe(false);
  });

  it("estimates exactly the trail's log files in the bucket, and measures the unzipped size", async () => {
    const inTrail = /\/CloudTrail\/[a-z]{2}-[a-z]+-\d\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.json\.gz$/;
    const files = (await bucketObjects(world().dataDir, E2E_BUCKET)).filter((o) =>
      inTrail.test(o.key),
    );
    expect(files.length).toBeGreaterThan(0);
    const { result } = await preflight();
    expect(result.estimate).toMatchObject({
      files: files.length,
      compressedBytes: files.reduce((n, f) => n + f.size, 0),
      complete: true,
    });
    expect(result.estimate?.uncompressed?.ratio).toBeGreaterThan(1);
    expect(result.estimate?.cost?.usd).toBeGreaterThan(0);
  });
});

describe("each demo case", () => {
  it("days without logs: the log files check names the missing days", async () => {
    const { check } = await preflight({ s3Uri: DEMO_TRAIL_URI });
    expect(check("log-files")).toMatchObject({ status: "warning" });
    expect(check("log-files").sentence).toMatch(/days without log files/);
  });

  it("archived and uncompressed files: the file kinds check counts both and gives a restore command", async () => {
    const { check } = await preflight({ s3Uri: `s3://${DEMO_BUCKET}/${ARCHIVE_PREFIX}` });
    expect(check("file-kinds").status).toBe("warning");
    expect(check("file-kinds").sentence).toMatch(/2 uncompressed files/);
    expect(check("file-kinds").sentence).toMatch(/archived files/);
    expect(check("file-kinds").fix?.copyable?.code).toMatch(/^aws s3api restore-object/);
  });

  it("SSE-KMS with a role that may not decrypt: the encryption check fails naming the key", async () => {
    const { check } = await preflight({
      s3Uri: `s3://${DEMO_BUCKET}/${KMS_PREFIX}`,
      roleArn: NO_GET_OBJECT_ROLE_ARN,
    });
    expect(check("encryption").status).toBe("failure");
    expect(check("encryption").sentence).toContain(DEMO_KMS_KEY_ARN);
  });

  it("SSE-KMS with the import role: the encryption check passes", async () => {
    const { check } = await preflight({ s3Uri: `s3://${DEMO_BUCKET}/${KMS_PREFIX}` });
    expect(check("encryption")).toMatchObject({ status: "pass" });
    expect(check("encryption").details[0]?.label).toBe(DEMO_KMS_KEY_ARN);
  });

  it("a bucket in eu-west-1 given as us-east-1: the Region check fails with the right Region", async () => {
    const { check } = await preflight({ s3Uri: `s3://${EU_BUCKET}/` });
    expect(check("bucket-region")).toMatchObject({ status: "failure" });
    expect(check("bucket-region").fix?.text).toBe("Set the bucket Region to eu-west-1.");
  });

  it("ACLs enabled: the ownership check fails with the command that disables them", async () => {
    const { check } = await preflight({ s3Uri: `s3://${ACL_BUCKET}/` });
    expect(check("object-ownership").status).toBe("failure");
    expect(check("object-ownership").fix?.copyable?.code).toContain(
      `put-bucket-ownership-controls --bucket ${ACL_BUCKET}`,
    );
  });

  it("another account's bucket: the listing couldn't be checked, naming s3:ListBucket", async () => {
    const { check } = await preflight({ s3Uri: `s3://${PARTNER_BUCKET}/` });
    expect(check("log-files")).toMatchObject({
      status: "not-checked",
      missingPermission: "s3:ListBucket",
    });
  });

  it("no bucket policy: the role's own permissions suffice", async () => {
    const { check } = await preflight({ s3Uri: `s3://${E2E_BUCKET}/` });
    expect(check("role-permissions").status).toBe("pass");
  });

  it.each([
    ["names another store", OTHER_STORE_ROLE_ARN, /aws:SourceArn/],
    ["names another service", DENIED_ROLE_ARN, /doesn't let cloudtrail\.amazonaws\.com/],
  ])("a trust policy that %s: the trust check fails", async (_case, roleArn, sentence) => {
    const { check } = await preflight({ roleArn });
    expect(check("role-trust").status).toBe("failure");
    expect(check("role-trust").sentence).toMatch(sentence);
    expect(check("role-trust").fix?.copyable?.label).toBe("Trust policy JSON");
  });

  it("a role without s3:GetObject: the permissions check fails", async () => {
    const { check } = await preflight({ roleArn: NO_GET_OBJECT_ROLE_ARN });
    expect(check("role-permissions").status).toBe("failure");
    expect(check("role-permissions").sentence).toMatch(/s3:GetObject/);
  });

  it("a role in an account the app can't read: trust and permissions are not checked", async () => {
    const { check } = await preflight({ roleArn: UNKNOWN_ROLE_ARN });
    expect(check("role-trust").status).toBe("not-checked");
    expect(check("role-permissions").status).toBe("not-checked");
  });

  it("a store for Config items: the destination check fails", async () => {
    const { result, check } = await preflight({
      step: "destination",
      destination: STORES.config.arn,
    });
    expect(result.checks.map((c) => c.id)).toEqual(["destination", "retention", "ongoing"]);
    expect(check("destination").status).toBe("failure");
  });
});

describe("cost in AWS calls", () => {
  const counted = new Set(["s3", "iam", "organizations", "cloudtrail", "sts"]);
  async function callCount(): Promise<number> {
    const { body } = await world().admin("GET", "calls");
    const calls = (body as { calls: { service: string; operation: string }[] }).calls;
    // AssumeRole opens the person's session (per-user mode); it is no part of the plan.
    return calls.filter((c) => counted.has(c.service) && c.operation !== "AssumeRole").length;
  }

  it("stays within the plan, and a repeat within the cache window costs nothing", async () => {
    const person = someone();
    const query = preflightQuerySchema.parse(CLEAN);
    const { maxCalls } = planPreflight(preflightRequestSchema.parse(CLEAN), {
      regions: ["us-east-1", "eu-west-1"],
      now: new Date(),
    });
    await world().admin("DELETE", "calls");
    await runPreflight(person, query);
    const first = await callCount();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(maxCalls);
    await runPreflight(person, query);
    expect(await callCount()).toBe(first);
  });
});
