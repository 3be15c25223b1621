// shapes.ts must say exactly what the Smithy model says: this rebuilds each operation's input
// shape from local/lake/model/cloudtrail-model.json and compares.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as shapes from "./shapes.ts";
import type { Member, Shape } from "./validate.ts";

type ModelShape = {
  type: string;
  traits?: Record<string, unknown>;
  members?: Record<string, { target: string; traits?: Record<string, unknown> }>;
  member?: { target: string };
};
const model = JSON.parse(
  readFileSync(new URL("../model/cloudtrail-model.json", import.meta.url), "utf8"),
) as { shapes: Record<string, ModelShape> };

function fromModel(target: string): Shape {
  const shape = model.shapes[target];
  if (!shape) throw new Error(`no shape ${target}`);
  const t = shape.traits ?? {};
  const length = t["smithy.api#length"] as { min?: number; max?: number } | undefined;
  const range = t["smithy.api#range"] as { min?: number; max?: number } | undefined;
  const pattern = t["smithy.api#pattern"] as string | undefined;
  switch (shape.type) {
    case "string":
      return { type: "string", ...length, ...(pattern === undefined ? {} : { pattern }) };
    case "enum":
      return {
        type: "string",
        enum: Object.values(shape.members ?? {}).map(
          (m) => (m.traits?.["smithy.api#enumValue"] as string | undefined) ?? "",
        ),
      };
    case "integer":
      return { type: "integer", ...range };
    case "timestamp":
      return { type: "timestamp" };
    case "boolean":
      return { type: "boolean" };
    case "list":
      return { type: "list", member: fromModel(shape.member?.target ?? ""), ...length };
    case "structure": {
      const members: Record<string, Member> = {};
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        const required = m.traits?.["smithy.api#required"] !== undefined;
        members[name] = { shape: fromModel(m.target), ...(required ? { required } : {}) };
      }
      return { type: "structure", members };
    }
    default:
      throw new Error(`unhandled ${shape.type}`);
  }
}

const INPUTS: [string, Shape][] = [
  ["StartImportRequest", shapes.START_IMPORT],
  ["GetImportRequest", shapes.IMPORT_ID_ONLY],
  ["StopImportRequest", shapes.IMPORT_ID_ONLY],
  ["ListImportsRequest", shapes.LIST_IMPORTS],
  ["ListImportFailuresRequest", shapes.LIST_IMPORT_FAILURES],
  ["ListEventDataStoresRequest", shapes.LIST_EVENT_DATA_STORES],
  ["GetEventDataStoreRequest", shapes.GET_EVENT_DATA_STORE],
  ["LookupEventsRequest", shapes.LOOKUP_EVENTS],
];

describe("operation input shapes", () => {
  it.each(INPUTS)("%s matches the Smithy model", (name, shape) => {
    expect(shape).toEqual(fromModel(`com.amazonaws.cloudtrail#${name}`));
  });
});
