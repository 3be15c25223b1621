// GetImport, StopImport, ListImports and ListImportFailures.
import { recordManagementEvent } from "../audit/management-events.ts";
import { unqueueRetries } from "../engine/apply.ts";
import { LakeError, importNotFound } from "../protocol/errors.ts";
import { IMPORT_ID_ONLY, LIST_IMPORT_FAILURES, LIST_IMPORTS } from "../protocol/shapes.ts";
import { checkCanStop, findStore } from "../rules/import-rules.ts";
import { compareNewestFirst } from "../state/lake-state.ts";
import type { ImportRecord, ImportStatus } from "../state/types.ts";
import {
  checkInput,
  pagingErrorCode,
  type OpContext,
  type OpInput,
  type OpOutput,
} from "./context.ts";
import { importElements, importResources } from "./event-payloads.ts";
import { keysetToken, offsetToken, readKeyset, readOffset, type Keyset } from "./paging.ts";
import { failureToWire, importListItem, importToWire } from "./wire.ts";

const DEFAULT_PAGE = 50;
// ListImports/ListImportFailures model no InvalidMaxResults, so a bad MaxResults is InvalidParameter.
const listErrorCode = (errors: string[]): string => {
  const code = pagingErrorCode("InvalidParameterException")(errors);
  return code === "InvalidMaxResultsException" ? "InvalidParameterException" : code;
};

function findImport(ctx: OpContext, id: string): ImportRecord {
  const rec = ctx.state.getImport(ctx.region, id);
  if (!rec || rec.accountId !== ctx.caller.accountId) throw importNotFound(id);
  return rec;
}

export function getImport(input: OpInput, ctx: OpContext): OpOutput {
  const req = checkInput<{ ImportId: string }>(IMPORT_ID_ONLY, input);
  return importToWire(findImport(ctx, req.ImportId), true);
}

export function stopImport(input: OpInput, ctx: OpContext): OpOutput {
  const req = checkInput<{ ImportId: string }>(IMPORT_ID_ONLY, input);
  const rec = findImport(ctx, req.ImportId);
  checkCanStop(rec);
  ctx.engine.cancel(rec.id);
  unqueueRetries(rec, ctx.now);
  rec.status = "STOPPED";
  rec.updatedMs = ctx.now;
  ctx.state.changed();
  recordManagementEvent(ctx.state, {
    caller: ctx.caller,
    region: ctx.region,
    eventName: "StopImport",
    requestParameters: { importId: rec.id },
    responseElements: importElements(rec),
    requestId: ctx.requestId,
    sourceIp: ctx.sourceIp,
    userAgent: ctx.userAgent,
    resources: importResources(rec),
    eventMs: ctx.now,
  });
  return importToWire(rec, true);
}

/** The store ARN a Destination filter means; an unknown store simply matches nothing. */
function destinationFilter(ctx: OpContext, value: string): string {
  try {
    return findStore(ctx.state, ctx.region, ctx.caller.accountId, value).arn;
  } catch (error) {
    if (error instanceof LakeError && error.code === "EventDataStoreNotFoundException")
      return value;
    throw error;
  }
}

/** Index of the first import after `cursor` in the newest-first index (binary search). */
function startIndex(list: readonly ImportRecord[], cursor: Keyset | undefined): number {
  if (!cursor) return 0;
  const probe = { createdMs: cursor.t, id: cursor.id };
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = list[mid];
    if (item !== undefined && compareNewestFirst(item, probe) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function listImports(input: OpInput, ctx: OpContext): OpOutput {
  const req = checkInput<{
    MaxResults?: number;
    Destination?: string;
    ImportStatus?: ImportStatus;
    NextToken?: string;
  }>(LIST_IMPORTS, input, listErrorCode);
  const destination =
    req.Destination === undefined ? undefined : destinationFilter(ctx, req.Destination);
  const scope = `ListImports|${destination ?? ""}|${req.ImportStatus ?? ""}`;
  const list = ctx.state.importsIn(ctx.region);
  const limit = req.MaxResults ?? DEFAULT_PAGE;
  const matches = (r: ImportRecord): boolean =>
    r.accountId === ctx.caller.accountId &&
    (destination === undefined || r.destination === destination) &&
    (req.ImportStatus === undefined || r.status === req.ImportStatus);
  const page: ImportRecord[] = [];
  let more = false;
  for (let i = startIndex(list, readKeyset(ctx, scope, req.NextToken)); i < list.length; i += 1) {
    const rec = list[i];
    if (!rec || !matches(rec)) continue;
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push(rec);
  }
  const last = page.at(-1);
  return {
    Imports: page.map(importListItem),
    ...(more && last
      ? { NextToken: keysetToken(ctx, scope, { t: last.createdMs, id: last.id }) }
      : {}),
  };
}

export function listImportFailures(input: OpInput, ctx: OpContext): OpOutput {
  const req = checkInput<{ ImportId: string; MaxResults?: number; NextToken?: string }>(
    LIST_IMPORT_FAILURES,
    input,
    listErrorCode,
  );
  // The model gives ListImportFailures no ImportNotFound error: an unknown id has no failures.
  const rec = ctx.state.getImport(ctx.region, req.ImportId);
  const failures = rec && rec.accountId === ctx.caller.accountId ? rec.failures : [];
  const scope = `ListImportFailures|${req.ImportId}`;
  const offset = readOffset(ctx, scope, req.NextToken);
  const end = offset + (req.MaxResults ?? DEFAULT_PAGE);
  const token = offsetToken(ctx, scope, end, failures.length);
  return {
    Failures: failures.slice(offset, end).map(failureToWire),
    ...(token === undefined ? {} : { NextToken: token }),
  };
}
