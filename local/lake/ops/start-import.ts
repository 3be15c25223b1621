// StartImport: a new import (Destinations + ImportSource) or a retry (ImportId alone).
// The rules it enforces live in rules/import-rules.ts.
import { randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import { recordManagementEvent } from "../audit/management-events.ts";
import { queueRetries } from "../engine/apply.ts";
import { LakeError, importNotFound, invalidParameter } from "../protocol/errors.ts";
import { START_IMPORT } from "../protocol/shapes.ts";
import {
  checkCanRetry,
  checkDestination,
  checkNoOngoingImport,
  checkSourceShape,
  checkTimeRange,
  findStore,
} from "../rules/import-rules.ts";
import { bucketDir, parseS3Uri } from "../s3/s3-uri.ts";
import type { ImportRecord } from "../state/types.ts";
import { checkInput, type OpContext, type OpInput, type OpOutput } from "./context.ts";
import { importElements, importResources, newImportParameters } from "./event-payloads.ts";
import { importToWire } from "./wire.ts";

type S3Source = { S3LocationUri: string; S3BucketRegion: string; S3BucketAccessRoleArn: string };
type Request = {
  Destinations?: string[];
  ImportSource?: { S3: S3Source };
  StartEventTime?: number;
  EndEventTime?: number;
  ImportId?: string;
};

async function bucketExists(dataDir: string, bucket: string): Promise<boolean> {
  try {
    return (await stat(bucketDir(dataDir, bucket))).isDirectory();
  } catch {
    return false;
  }
}

function record(
  ctx: OpContext,
  rec: ImportRecord,
  eventName: string,
  params: Record<string, unknown>,
): void {
  recordManagementEvent(ctx.state, {
    caller: ctx.caller,
    region: ctx.region,
    eventName,
    requestParameters: params,
    responseElements: importElements(rec),
    requestId: ctx.requestId,
    sourceIp: ctx.sourceIp,
    userAgent: ctx.userAgent,
    resources: importResources(rec),
    eventMs: ctx.now,
  });
}

async function startNew(req: Request, ctx: OpContext): Promise<OpOutput> {
  const destination = req.Destinations?.[0];
  const s3 = req.ImportSource?.S3;
  if (destination === undefined)
    throw invalidParameter("Destinations is required to start a new import.");
  if (s3 === undefined) throw invalidParameter("ImportSource is required to start a new import.");
  checkTimeRange(req.StartEventTime, req.EndEventTime);
  const location = parseS3Uri(s3.S3LocationUri);
  checkSourceShape(location !== null, s3.S3BucketRegion, s3.S3BucketAccessRoleArn);
  const store = findStore(ctx.state, ctx.region, ctx.caller.accountId, destination);
  checkDestination(store);
  if (!location || !(await bucketExists(ctx.dataDir, location.bucket))) {
    throw new LakeError(
      "InvalidImportSourceException",
      `The S3 bucket in ${s3.S3LocationUri} does not exist or is not accessible.`,
    );
  }
  checkNoOngoingImport(ctx.state, ctx.caller.accountId, ctx.region, ctx.ongoingScope);
  const rec: ImportRecord = {
    id: randomUUID(),
    accountId: ctx.caller.accountId,
    region: ctx.region,
    destination: store.arn,
    source: {
      uri: s3.S3LocationUri,
      bucketRegion: s3.S3BucketRegion,
      roleArn: s3.S3BucketAccessRoleArn,
    },
    ...(req.StartEventTime === undefined ? {} : { startMs: req.StartEventTime }),
    ...(req.EndEventTime === undefined ? {} : { endMs: req.EndEventTime }),
    status: "INITIALIZING",
    createdMs: ctx.now,
    updatedMs: ctx.now,
    stats: {
      prefixesFound: 0,
      prefixesCompleted: 0,
      filesCompleted: 0,
      eventsCompleted: 0,
      failedEntries: 0,
    },
    failures: [],
  };
  ctx.state.addImport(rec);
  ctx.engine.run(rec);
  record(ctx, rec, "StartImport", newImportParameters(rec));
  return importToWire(rec, false);
}

function retry(importId: string, ctx: OpContext): OpOutput {
  const rec = ctx.state.getImport(ctx.region, importId);
  if (!rec) throw importNotFound(importId);
  checkCanRetry(rec);
  checkNoOngoingImport(ctx.state, ctx.caller.accountId, ctx.region, ctx.ongoingScope);
  checkDestination(findStore(ctx.state, ctx.region, rec.accountId, rec.destination));
  queueRetries(rec, ctx.now);
  rec.status = "INITIALIZING";
  rec.updatedMs = ctx.now;
  ctx.state.changed();
  ctx.engine.run(rec);
  record(ctx, rec, "StartImport", { importId });
  return importToWire(rec, false);
}

export async function startImport(input: OpInput, ctx: OpContext): Promise<OpOutput> {
  const req = checkInput<Request>(START_IMPORT, input);
  const isNew =
    req.Destinations !== undefined ||
    req.ImportSource !== undefined ||
    req.StartEventTime !== undefined ||
    req.EndEventTime !== undefined;
  if (req.ImportId !== undefined && isNew) {
    throw invalidParameter(
      "Specify either ImportId (to retry an import) or Destinations and ImportSource (to start a new import), not both.",
    );
  }
  if (req.ImportId !== undefined) return retry(req.ImportId, ctx);
  if (!isNew) {
    throw invalidParameter(
      "Specify Destinations and ImportSource to start a new import, or ImportId to retry one.",
    );
  }
  return startNew(req, ctx);
}
