// ListEventDataStores / GetEventDataStore through the real SDK.
import {
  GetEventDataStoreCommand,
  ListEventDataStoresCommand,
  paginateListEventDataStores,
} from "@aws-sdk/client-cloudtrail";
import { describe, expect, it } from "vitest";
import { STORES } from "./seed/constants.ts";
import { errorOf } from "./testing/lake-harness.ts";
import { lakeForFile } from "./testing/lake-fixture.ts";

const world = lakeForFile();

describe("event data stores", () => {
  it("lists only ARN and Name, as the live service does", async () => {
    const out = await world().client().send(new ListEventDataStoresCommand({}));
    expect(out.EventDataStores).toEqual([
      { EventDataStoreArn: STORES.demo.arn, Name: STORES.demo.name },
      { EventDataStoreArn: STORES.org.arn, Name: STORES.org.name },
      { EventDataStoreArn: STORES.config.arn, Name: STORES.config.name },
      { EventDataStoreArn: STORES.retired.arn, Name: STORES.retired.name },
    ]);
    expect(out.NextToken).toBeUndefined();
  });

  it("pages with MaxResults and a fresh token per page", async () => {
    const pages = [];
    for await (const page of paginateListEventDataStores(
      { client: world().client(), pageSize: 1 },
      {},
    ))
      pages.push(page);
    expect(pages.map((p) => p.EventDataStores?.[0]?.Name)).toEqual([
      STORES.demo.name,
      STORES.org.name,
      STORES.config.name,
      STORES.retired.name,
    ]);
    const tokens = pages.map((p) => p.NextToken).filter(Boolean);
    expect(new Set(tokens).size).toBe(3);
  });

  it("returns the full record by ARN or by id suffix", async () => {
    const byArn = await world()
      .client("eu-west-1")
      .send(new GetEventDataStoreCommand({ EventDataStore: STORES.eu.arn }));
    const byId = await world()
      .client("eu-west-1")
      .send(new GetEventDataStoreCommand({ EventDataStore: STORES.eu.id }));
    expect(byId.EventDataStoreArn).toBe(byArn.EventDataStoreArn);
    expect(byArn).toMatchObject({
      Name: "eu-trail-events",
      Status: "ENABLED",
      RetentionPeriod: 366,
      BillingMode: "FIXED_RETENTION_PRICING",
      MultiRegionEnabled: true,
      OrganizationEnabled: false,
      TerminationProtectionEnabled: true,
      KmsKeyId: expect.stringMatching(/^arn:aws:kms:eu-west-1:111122223333:key\//),
    });
    expect(byArn.CreatedTimestamp).toBeInstanceOf(Date);
    expect(byArn.AdvancedEventSelectors?.[0]?.FieldSelectors).toEqual([
      { Field: "eventCategory", Equals: ["Management"] },
    ]);
  });

  it("describes the organization, Config and pending-deletion stores", async () => {
    const client = world().client();
    const org = await client.send(new GetEventDataStoreCommand({ EventDataStore: STORES.org.arn }));
    const config = await client.send(
      new GetEventDataStoreCommand({ EventDataStore: STORES.config.arn }),
    );
    const retired = await client.send(
      new GetEventDataStoreCommand({ EventDataStore: STORES.retired.arn }),
    );
    expect(org.OrganizationEnabled).toBe(true);
    expect(config.AdvancedEventSelectors?.[0]?.FieldSelectors?.[0]?.Equals).toEqual([
      "ConfigurationItem",
    ]);
    expect(retired.Status).toBe("PENDING_DELETION");
  });

  it("rejects a malformed ARN, and does not find unknown ids or another Region's store", async () => {
    const client = world().client();
    const malformed = await errorOf(() =>
      client.send(new GetEventDataStoreCommand({ EventDataStore: "arn:aws:s3:::bucket" })),
    );
    const unknown = await errorOf(() =>
      client.send(new GetEventDataStoreCommand({ EventDataStore: "no-such-store" })),
    );
    const elsewhere = await errorOf(() =>
      client.send(new GetEventDataStoreCommand({ EventDataStore: STORES.eu.arn })),
    );
    expect(malformed.name).toBe("EventDataStoreARNInvalidException");
    expect([unknown.name, unknown.$metadata?.httpStatusCode]).toEqual([
      "EventDataStoreNotFoundException",
      404,
    ]);
    expect(elsewhere.name).toBe("EventDataStoreNotFoundException");
  });
});
