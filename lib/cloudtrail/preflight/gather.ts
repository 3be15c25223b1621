import "server-only";
import { splitS3Uri } from "@/lib/imports/policies";
import { normalizePrefix } from "@/lib/preflight/day-prefixes";
import { kmsKeysOf } from "@/lib/preflight/encryption";
import { notFound, type Fetched, type TimeRange } from "@/lib/preflight/facts";
import { pickSamples } from "@/lib/preflight/listing";
import type { SourceListing } from "@/lib/preflight/log-files";
import { PREFLIGHT_LIMITS, roleIsReadable } from "@/lib/preflight/plan";
import { roleCalls } from "@/lib/preflight/plan-calls";
import { partitionOfRegion, type StartImportInput } from "@/lib/schemas/import";
import type { PreflightQuery } from "@/lib/schemas/preflight";
import type { Caller } from "../types";
import { readBucket } from "./gather-bucket";
import { readCallerIdentity, readOrganization, readRole, simulate } from "./gather-identity";
import { readDestinationImports, readHistory, readOngoing, readStore } from "./gather-imports";
import { measureSamples, readHeads, readListing } from "./gather-listing";

/** A read made at most once per preflight, however many checks ask for it. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}

function required<T>(value: T | undefined, field: string): T {
  // The query schema requires each field for the steps whose checks read it.
  if (value === undefined) throw new Error(`The preflight needs ${field} for this step`);
  return value;
}

/**
 * Every AWS read a preflight can make, each made lazily and once, in the plan's order of
 * dependencies (lib/preflight/plan.ts): a check asks only for what it reads, so a step's checks
 * cost only their own calls. `storeRegion` is the destination's (already checked configured).
 */
export function preflightFacts(
  caller: Caller,
  query: PreflightQuery,
  storeRegion: string,
  regions: readonly string[],
  now: Date,
) {
  const range: TimeRange = { start: query.startTime, end: query.endTime };
  const s3Uri = () => required(query.s3Uri, "the S3 URI");
  const source = () => ({
    ...splitS3Uri(s3Uri()),
    givenRegion: required(query.bucketRegion, "the bucket Region"),
  });
  const roleArn = () => required(query.roleArn, "the role ARN");
  const full = (): StartImportInput => ({
    destination: query.destination,
    s3Uri: s3Uri(),
    bucketRegion: source().givenRegion,
    roleArn: roleArn(),
    ...(query.startTime ? { startTime: query.startTime } : {}),
    ...(query.endTime ? { endTime: query.endTime } : {}),
  });

  const store = once(() => readStore(caller, storeRegion, query.destination));
  const callerIdentity = once(() => readCallerIdentity(caller));
  const organization = once(async () => {
    const s = await store();
    return s.ok && s.value.organizationEnabled ? readOrganization(caller) : undefined;
  });
  const bucket = once(() => readBucket(caller, source().bucket, source().givenRegion));
  const located = once(async () => ({ ...source(), region: (await bucket()).region }));
  const listing = once(async (): Promise<Fetched<SourceListing>> => {
    const { head } = await bucket();
    if (!head.ok && head.reason === "not-found") return notFound("s3:ListBucket", "NoSuchBucket");
    return readListing(caller, await located(), range, now);
  });
  const samples = once(async () => {
    const l = await listing();
    return l.ok ? pickSamples(l.value.tallies, PREFLIGHT_LIMITS.samples) : [];
  });
  const heads = once(async () => {
    const l = await listing();
    if (!l.ok) return l;
    return readHeads(
      caller,
      await located(),
      (await samples()).map((s) => s.key),
    );
  });
  const measurements = once(async () => measureSamples(caller, await located(), await samples()));

  const roleReadable = once(async () => {
    const who = await callerIdentity();
    return roleIsReadable(roleArn(), who.ok ? who.value.accountId : undefined);
  });
  const plannedRoleCalls = once(async () => {
    const { bucket: name, prefix } = source();
    const bucketArn = `arn:${partitionOfRegion(storeRegion)}:s3:::${name}`;
    const firstKey = (await samples())[0]?.key ?? `${normalizePrefix(prefix)}example.json.gz`;
    const h = await heads();
    const keys = h.ok ? kmsKeysOf(h.value).slice(0, PREFLIGHT_LIMITS.kmsKeys) : [];
    const [getRole, s3Simulation, ...decrypts] = roleCalls(
      full(),
      keys,
      bucketArn,
      `${bucketArn}/${firstKey}`,
      prefix,
    );
    return { getRole, s3Simulation, decrypts, keys, objectArn: `${bucketArn}/${firstKey}` };
  });
  const role = once(async () =>
    (await roleReadable())
      ? readRole(caller, roleArn().slice(roleArn().lastIndexOf("/") + 1))
      : ("other-account" as const),
  );
  const simulation = once(async () => {
    const { s3Simulation } = await plannedRoleCalls();
    return (await roleReadable()) && s3Simulation
      ? simulate(caller, s3Simulation)
      : ("other-account" as const);
  });
  const decrypt = once(async () => {
    const { decrypts, keys } = await plannedRoleCalls();
    const readable = await roleReadable();
    const results = await Promise.all(
      keys.map(async (key, i) => {
        const call = decrypts[i];
        return [key, readable && call ? await simulate(caller, call) : "other-account"] as const;
      }),
    );
    return Object.fromEntries(results);
  });

  const ongoingRegions = regions.includes(storeRegion) ? regions : [storeRegion, ...regions];
  const ongoing = once(() => readOngoing(caller, ongoingRegions));
  const destinationImports = once(() =>
    readDestinationImports(caller, storeRegion, query.destination),
  );
  const history = once(() => readHistory(caller, storeRegion));

  return {
    range,
    full,
    store,
    callerIdentity,
    organization,
    bucket,
    listing,
    heads,
    measurements,
    plannedRoleCalls,
    role,
    simulation,
    decrypt,
    ongoing,
    destinationImports,
    history,
  };
}

export type PreflightFacts = ReturnType<typeof preflightFacts>;
