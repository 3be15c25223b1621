// The Lake's import rules (rules/import-rules.ts) as clients meet them: one running import per
// account and Region, ineligible destinations, and ListImports' filters and order.
import {
  ListImportsCommand,
  StartImportCommand,
  StopImportCommand,
  type CloudTrailClient,
  type StartImportCommandInput,
} from "@aws-sdk/client-cloudtrail";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_TRAIL_URI, E2E_TRAIL_URI, IMPORT_ROLE_ARN, STORES } from "./seed/constants.ts";
import { errorOf, startTestLake, waitForStatus } from "./testing/lake-harness.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

const world = lakeForFile();
let us: CloudTrailClient;
let eu: CloudTrailClient;
beforeAll(() => {
  us = world().client("us-east-1");
  eu = world().client("eu-west-1");
});

const newImport = (destination: string, uri = E2E_TRAIL_URI): StartImportCommandInput => ({
  Destinations: [destination],
  ImportSource: {
    S3: { S3LocationUri: uri, S3BucketRegion: "us-east-1", S3BucketAccessRoleArn: IMPORT_ROLE_ARN },
  },
});

describe("one ongoing import per account", () => {
  it("refuses a second new import or a retry while one runs, naming the running import", async () => {
    await world().admin("POST", "pace", { pace: 1000 });
    const running = await us.send(
      new StartImportCommand(newImport(STORES.demo.arn, DEMO_TRAIL_URI)),
    );
    const second = await errorOf(() => us.send(new StartImportCommand(newImport(STORES.org.arn))));
    expect(second.name).toBe("AccountHasOngoingImportException");
    expect(second.message).toContain(running.ImportId);

    const failed = await us.send(new ListImportsCommand({ ImportStatus: "FAILED", MaxResults: 1 }));
    const retryId = failed.Imports?.[0]?.ImportId ?? "";
    const retry = await errorOf(() => us.send(new StartImportCommand({ ImportId: retryId })));
    expect(retry.name).toBe("AccountHasOngoingImportException");

    // The rule spans Regions by default, and the error names the Region of the running import.
    const elsewhere = await errorOf(() =>
      eu.send(new StartImportCommand(newImport(STORES.eu.arn))),
    );
    expect(elsewhere.name).toBe("AccountHasOngoingImportException");
    expect(elsewhere.message).toContain(`${running.ImportId} (`);
    expect(elsewhere.message).toContain("in us-east-1");

    expect(
      (await us.send(new StopImportCommand({ ImportId: running.ImportId }))).ImportStatus,
    ).toBe("STOPPED");
    await world().admin("POST", "pace", { pace: "fast" });
    const next = await us.send(new StartImportCommand(newImport(STORES.demo.arn)));
    expect(
      (await waitForStatus(us, next.ImportId ?? "", ["COMPLETED", "FAILED"])).ImportStatus,
    ).toBe("FAILED");
  });
});

describe("one ongoing import per account and Region (LOCAL_LAKE_ONGOING_SCOPE=region)", () => {
  it("lets another Region start while one runs, and still refuses the same Region", async () => {
    const regional = await startTestLake({ ongoingScope: "region", pace: 1000 });
    try {
      const usClient = regional.client("us-east-1");
      const euClient = regional.client("eu-west-1");
      const running = await usClient.send(new StartImportCommand(newImport(STORES.demo.arn)));
      const same = await errorOf(() =>
        usClient.send(new StartImportCommand(newImport(STORES.org.arn))),
      );
      expect(same.message).toContain(`ongoing import in us-east-1: ${running.ImportId}`);
      const elsewhere = await euClient.send(new StartImportCommand(newImport(STORES.eu.arn)));
      expect(elsewhere.ImportStatus).toBe("INITIALIZING");
    } finally {
      await regional.cleanup();
    }
  });
});

describe("destination checks", () => {
  it.each([
    ["a Config store", STORES.config.arn, "InvalidEventDataStoreCategoryException"],
    ["a store pending deletion", STORES.retired.arn, "InvalidEventDataStoreStatusException"],
    [
      "an unknown store",
      STORES.demo.arn.replace(/.{4}$/, "ffff"),
      "EventDataStoreNotFoundException",
    ],
    ["another Region's store", STORES.eu.arn, "EventDataStoreNotFoundException"],
  ])("refuses %s", async (_name, arn, code) => {
    expect((await errorOf(() => us.send(new StartImportCommand(newImport(arn))))).name).toBe(code);
  });

  it("accepts the organization store and the bare store id", async () => {
    const org = await us.send(new StartImportCommand(newImport(STORES.org.arn)));
    await waitForStatus(us, org.ImportId ?? "", ["COMPLETED", "FAILED"]);
    const byId = await us.send(new StartImportCommand(newImport(STORES.demo.id)));
    expect(byId.Destinations).toEqual([STORES.demo.arn]);
    await waitForStatus(us, byId.ImportId ?? "", ["COMPLETED", "FAILED"]);
  });
});

describe("ListImports", () => {
  it("lists newest first with only the list fields", async () => {
    const { Imports = [] } = await us.send(new ListImportsCommand({ MaxResults: 1000 }));
    expect(Imports.length).toBeGreaterThan(5);
    expect(Object.keys(Imports[0] ?? {}).sort()).toEqual([
      "CreatedTimestamp",
      "Destinations",
      "ImportId",
      "ImportStatus",
      "UpdatedTimestamp",
    ]);
    const times = Imports.map((i) => i.CreatedTimestamp?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by status and by destination (ARN or id), combined", async () => {
    const failed = await us.send(
      new ListImportsCommand({ ImportStatus: "FAILED", MaxResults: 1000 }),
    );
    expect(failed.Imports?.length).toBeGreaterThan(0);
    expect(new Set(failed.Imports?.map((i) => i.ImportStatus))).toEqual(new Set(["FAILED"]));
    const byArn = await us.send(
      new ListImportsCommand({ Destination: STORES.org.arn, MaxResults: 1000 }),
    );
    const byId = await us.send(
      new ListImportsCommand({ Destination: STORES.org.id, MaxResults: 1000 }),
    );
    expect(byArn.Imports?.length).toBeGreaterThan(0);
    expect(byId.Imports?.map((i) => i.ImportId)).toEqual(byArn.Imports?.map((i) => i.ImportId));
    expect(new Set(byArn.Imports?.flatMap((i) => i.Destinations))).toEqual(
      new Set([STORES.org.arn]),
    );
    const both = await us.send(
      new ListImportsCommand({
        Destination: STORES.org.arn,
        ImportStatus: "FAILED",
        MaxResults: 1000,
      }),
    );
    expect(
      both.Imports?.every(
        (i) => i.ImportStatus === "FAILED" && i.Destinations?.[0] === STORES.org.arn,
      ),
    ).toBe(true);
    const none = await us.send(
      new ListImportsCommand({ Destination: STORES.retired.arn.replace(/.{4}$/, "ffff") }),
    );
    expect(none.Imports).toEqual([]);
  });

  it("seeds a history in every terminal status and none running", async () => {
    const statuses = new Set<string>();
    for (const client of [us, eu]) {
      const { Imports = [] } = await client.send(new ListImportsCommand({ MaxResults: 1000 }));
      for (const i of Imports) statuses.add(i.ImportStatus ?? "");
    }
    expect(statuses).toEqual(new Set(["COMPLETED", "FAILED", "STOPPED"]));
  });
});
