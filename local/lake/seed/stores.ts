// Full records of the seeded event data stores (GetEventDataStore's view). One of each kind the
// app must handle: plain, another Region with a KMS key, organization, ineligible category, and
// pending deletion.
import type { AdvancedEventSelector, EventDataStoreRecord } from "../state/types.ts";
import { DEMO_ACCOUNT_ID, STORES, type SeedStore } from "./constants.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

const MANAGEMENT: AdvancedEventSelector[] = [
  {
    Name: "Log all management events",
    FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }],
  },
];

const MANAGEMENT_AND_S3_DATA: AdvancedEventSelector[] = [
  ...MANAGEMENT,
  {
    Name: "Log S3 data events",
    FieldSelectors: [
      { Field: "eventCategory", Equals: ["Data"] },
      { Field: "resources.type", Equals: ["AWS::S3::Object"] },
    ],
  },
];

const CONFIG_ITEMS: AdvancedEventSelector[] = [
  {
    Name: "Config configuration items",
    FieldSelectors: [{ Field: "eventCategory", Equals: ["ConfigurationItem"] }],
  },
];

function base(store: SeedStore, now: number, ageDays: number): EventDataStoreRecord {
  const created = now - ageDays * DAY_MS;
  return {
    id: store.id,
    arn: store.arn,
    name: store.name,
    region: store.region,
    accountId: DEMO_ACCOUNT_ID,
    status: "ENABLED",
    advancedEventSelectors: MANAGEMENT,
    multiRegionEnabled: true,
    organizationEnabled: false,
    retentionPeriod: 2557,
    terminationProtectionEnabled: true,
    createdMs: created,
    updatedMs: created + 2 * DAY_MS,
    billingMode: "EXTENDABLE_RETENTION_PRICING",
    federationStatus: "DISABLED",
  };
}

/** The five seeded stores, with timestamps relative to `now`. */
export function seedStores(now: number): EventDataStoreRecord[] {
  return [
    base(STORES.demo, now, 400),
    {
      ...base(STORES.eu, now, 210),
      advancedEventSelectors: MANAGEMENT_AND_S3_DATA,
      retentionPeriod: 366,
      billingMode: "FIXED_RETENTION_PRICING",
      kmsKeyId: `arn:aws:kms:eu-west-1:${DEMO_ACCOUNT_ID}:key/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0`,
    },
    { ...base(STORES.org, now, 520), organizationEnabled: true, retentionPeriod: 3653 },
    {
      ...base(STORES.config, now, 150),
      advancedEventSelectors: CONFIG_ITEMS,
      multiRegionEnabled: false,
      retentionPeriod: 90,
      terminationProtectionEnabled: false,
    },
    {
      ...base(STORES.retired, now, 700),
      status: "PENDING_DELETION",
      retentionPeriod: 90,
      terminationProtectionEnabled: false,
      updatedMs: now - 3 * DAY_MS,
    },
  ];
}
