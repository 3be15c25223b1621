// ListEventDataStores (ARN and Name only, as the live service now returns) and GetEventDataStore.
import { findStore } from "../rules/import-rules.ts";
import { GET_EVENT_DATA_STORE, LIST_EVENT_DATA_STORES } from "../protocol/shapes.ts";
import {
  checkInput,
  pagingErrorCode,
  type OpContext,
  type OpInput,
  type OpOutput,
} from "./context.ts";
import { offsetToken, readOffset } from "./paging.ts";
import { storeToWire } from "./wire.ts";

const DEFAULT_PAGE = 100;

export function listEventDataStores(input: OpInput, ctx: OpContext): OpOutput {
  const req = checkInput<{ MaxResults?: number; NextToken?: string }>(
    LIST_EVENT_DATA_STORES,
    input,
    pagingErrorCode("InvalidParameterException"),
  );
  const stores = ctx.state.storesIn(ctx.region).filter((s) => s.accountId === ctx.caller.accountId);
  const offset = readOffset(ctx, "ListEventDataStores", req.NextToken);
  const end = offset + (req.MaxResults ?? DEFAULT_PAGE);
  const token = offsetToken(ctx, "ListEventDataStores", end, stores.length);
  return {
    EventDataStores: stores
      .slice(offset, end)
      .map((s) => ({ EventDataStoreArn: s.arn, Name: s.name })),
    ...(token === undefined ? {} : { NextToken: token }),
  };
}

export function getEventDataStore(input: OpInput, ctx: OpContext): OpOutput {
  const req = checkInput<{ EventDataStore: string }>(GET_EVENT_DATA_STORE, input);
  return storeToWire(findStore(ctx.state, ctx.region, ctx.caller.accountId, req.EventDataStore));
}
