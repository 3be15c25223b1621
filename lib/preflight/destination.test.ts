import { describe, expect, it } from "vitest";
import { evaluateDestination } from "./destination";
import { accessDenied, fetched, notFound } from "./facts";
import { evaluateRetention } from "./retention";
import { ACCOUNT, CLEAN_STORE, NOW, RANGE } from "./test-facts";

const caller = fetched({
  accountId: ACCOUNT,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/session`,
});
const orgStore = fetched({ ...CLEAN_STORE, organizationEnabled: true });

describe("evaluateDestination", () => {
  it("passes an enabled store of CloudTrail events", () => {
    expect(evaluateDestination({ store: fetched(CLEAN_STORE), caller }).status).toBe("pass");
  });

  it("fails a store that is pending deletion or collects other events", () => {
    const deleting = evaluateDestination({
      store: fetched({ ...CLEAN_STORE, status: "PENDING_DELETION" }),
      caller,
    });
    expect(deleting).toMatchObject({
      status: "failure",
      sentence: expect.stringContaining("pending deletion"),
    });
    const config = evaluateDestination({
      store: fetched({ ...CLEAN_STORE, category: "other", eventCategories: ["ConfigurationItem"] }),
      caller,
    });
    expect(config).toMatchObject({
      status: "failure",
      sentence: expect.stringContaining("ConfigurationItem"),
    });
  });

  it("fails an organisation store when the app runs as a member account", () => {
    const result = evaluateDestination({
      store: orgStore,
      caller,
      organization: fetched({ id: "o-abcdefghij", managementAccountId: "999988887777" }),
    });
    expect(result.status).toBe("failure");
    expect(result.sentence).toContain("not the management account 999988887777");
  });

  it("passes an organisation store from the management account", () => {
    const result = evaluateDestination({
      store: orgStore,
      caller,
      organization: fetched({ id: "o-abcdefghij", managementAccountId: ACCOUNT }),
    });
    expect(result.status).toBe("pass");
  });

  it("fails an organisation store from an account in no organisation", () => {
    const result = evaluateDestination({
      store: orgStore,
      caller,
      organization: notFound(
        "organizations:DescribeOrganization",
        "AWSOrganizationsNotInUseException",
      ),
    });
    expect(result.status).toBe("failure");
  });

  it("says which permission was missing when a read is refused", () => {
    const store = evaluateDestination({
      store: accessDenied("cloudtrail:GetEventDataStore", "AccessDeniedException"),
      caller,
    });
    expect(store).toMatchObject({
      status: "not-checked",
      missingPermission: "cloudtrail:GetEventDataStore",
    });
    const org = evaluateDestination({
      store: orgStore,
      caller,
      organization: accessDenied("organizations:DescribeOrganization", "AccessDeniedException"),
    });
    expect(org).toMatchObject({
      status: "not-checked",
      missingPermission: "organizations:DescribeOrganization",
    });
    expect(org.sentence).toContain("organizations:DescribeOrganization");
  });

  it("fails a store that doesn't exist", () => {
    expect(
      evaluateDestination({
        store: notFound("cloudtrail:GetEventDataStore", "EventDataStoreNotFoundException"),
        caller,
      }).status,
    ).toBe("failure");
  });
});

describe("evaluateRetention", () => {
  it("passes a range inside the retention", () => {
    expect(evaluateRetention({ store: fetched(CLEAN_STORE), range: RANGE, now: NOW }).status).toBe(
      "pass",
    );
  });

  it("counts the days before the cut-off and offers the command that raises the retention", () => {
    const store = fetched({ ...CLEAN_STORE, retentionPeriodDays: 35 });
    const result = evaluateRetention({ store, range: RANGE, now: NOW });
    // Cut-off 2026-01-25T12:00Z; the range starts 2026-02-01, so nothing is lost yet.
    expect(result.status).toBe("pass");
    const short = evaluateRetention({
      store: fetched({ ...CLEAN_STORE, retentionPeriodDays: 27 }),
      range: RANGE,
      now: NOW,
    });
    // Cut-off 2026-02-02T12:00Z: 2 days (1 Feb and half of 2 Feb) fall outside.
    expect(short.status).toBe("warning");
    expect(short.sentence).toMatch(/^2 days of the range \(2026-02-01 to 2026-02-02\)/);
    expect(short.fix?.copyable?.code).toContain("--retention-period 30");
  });

  it("fails a range that ends before the retention starts", () => {
    const result = evaluateRetention({
      store: fetched({ ...CLEAN_STORE, retentionPeriodDays: 7 }),
      range: RANGE,
      now: NOW,
    });
    expect(result.status).toBe("failure");
    expect(result.sentence).toContain("copy nothing");
  });

  it("couldn't check without the store", () => {
    const result = evaluateRetention({
      store: accessDenied("cloudtrail:GetEventDataStore"),
      range: RANGE,
      now: NOW,
    });
    expect(result).toMatchObject({
      status: "not-checked",
      missingPermission: "cloudtrail:GetEventDataStore",
    });
  });
});
