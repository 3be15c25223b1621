// State survives a restart: stores, imports, STS sessions and page tokens; an import that was
// IN_PROGRESS resumes where it stopped (no file counted twice) and completes. --reset starts over.
import {
  GetImportCommand,
  ListEventDataStoresCommand,
  ListImportsCommand,
  StartImportCommand,
} from "@aws-sdk/client-cloudtrail";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  E2E_BUCKET,
  E2E_BUCKET_URI,
  IMPORT_ROLE_ARN,
  PER_USER_ROLE_ARN,
  STORES,
} from "./seed/constants.ts";
import {
  errorOf,
  fakeAuthorization,
  sampleRecords,
  startTestLake,
  waitFor,
  waitForStatus,
} from "./testing/lake-harness.ts";

const FILES = 8;
let dataDir = "";
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function assumeRole(url: string) {
  const res = await fetch(`${url}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: fakeAuthorization("AKIALOCALTRAILIMPORTS", "us-east-1", "sts"),
    },
    body: new URLSearchParams({
      Action: "AssumeRole",
      Version: "2011-06-15",
      RoleArn: PER_USER_ROLE_ARN,
      RoleSessionName: "dana",
      SourceIdentity: "dana@example.test",
    }).toString(),
  });
  const xml = await res.text();
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? "";
  return {
    accessKeyId: tag("AccessKeyId"),
    secretAccessKey: tag("SecretAccessKey"),
    sessionToken: tag("SessionToken"),
  };
}

describe("persistence", () => {
  it("resumes an in-progress import after a restart and keeps everything else", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "lake-persist-"));
    const first = await startTestLake({ dataDir, pace: 100 });
    for (let i = 1; i <= FILES; i += 1)
      await first.admin("PUT", `s3/${E2E_BUCKET}/resume/f${i}.json.gz`, {
        records: sampleRecords(i),
      });
    const session = await assumeRole(first.lake.url);
    const asUser = first.client("us-east-1", session);
    const { ImportId: id = "" } = await asUser.send(
      new StartImportCommand({
        Destinations: [STORES.demo.arn],
        ImportSource: {
          S3: {
            S3LocationUri: `${E2E_BUCKET_URI}resume/`,
            S3BucketRegion: "us-east-1",
            S3BucketAccessRoleArn: IMPORT_ROLE_ARN,
          },
        },
      }),
    );
    await waitFor(
      () => asUser.send(new GetImportCommand({ ImportId: id })),
      (out) =>
        out.ImportStatus === "IN_PROGRESS" && (out.ImportStatistics?.FilesCompleted ?? 0) >= 2,
    );
    const storesBefore = await asUser.send(new ListEventDataStoresCommand({}));
    const page1 = await asUser.send(new ListImportsCommand({ MaxResults: 3 }));
    await first.lake.close();

    const saved = JSON.parse(await readFile(join(dataDir, "lake-state.json"), "utf8")) as {
      imports: { id: string; status: string; stats: { filesCompleted: number } }[];
    };
    const atClose = saved.imports.find((i) => i.id === id);
    expect(atClose?.status).toBe("IN_PROGRESS");
    expect(atClose?.stats.filesCompleted).toBeGreaterThanOrEqual(2);
    expect(atClose?.stats.filesCompleted).toBeLessThan(FILES);
    // A write cut short by a kill leaves a temp file; the next start removes it.
    await writeFile(join(dataDir, "lake-state.json.deadbeef.tmp"), "{half");

    const second = await startTestLake({ dataDir, pace: "fast" });
    try {
      expect((await readdir(dataDir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
      const again = second.client("us-east-1", session);
      const done = await waitForStatus(again, id, ["COMPLETED", "FAILED"]);
      expect(done.ImportStatus).toBe("COMPLETED");
      expect(done.ImportStatistics).toMatchObject({
        FilesCompleted: FILES,
        EventsCompleted: (FILES * (FILES + 1)) / 2,
        FailedEntries: 0,
      });
      expect(await again.send(new ListEventDataStoresCommand({}))).toMatchObject({
        EventDataStores: storesBefore.EventDataStores,
      });
      const page2 = await again.send(
        new ListImportsCommand({ MaxResults: 3, NextToken: page1.NextToken }),
      );
      expect(page2.Imports).toHaveLength(3);
      const { body } = await second.admin("GET", "calls");
      expect((body as { calls: { principal: string }[] }).calls.at(-1)?.principal).toBe(
        "arn:aws:sts::111122223333:assumed-role/trail-imports-user/dana",
      );
    } finally {
      await second.lake.close();
    }

    const fresh = await startTestLake({ dataDir, reset: true });
    try {
      const gone = await errorOf(() => fresh.client().send(new GetImportCommand({ ImportId: id })));
      expect(gone.name).toBe("ImportNotFoundException");
      const stale = await errorOf(() =>
        fresh.client("us-east-1", session).send(new ListImportsCommand({})),
      );
      expect(stale.name).toBe("UnrecognizedClientException");
    } finally {
      await fresh.lake.close();
    }
  });
});
