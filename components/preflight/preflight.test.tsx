import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { EstimateCard } from "@/components/preflight/estimate-card";
import { PreflightChecklist } from "@/components/preflight/preflight-checklist";
import type { CheckResult } from "@/lib/schemas/preflight";

const checks: CheckResult[] = [
  {
    id: "bucket-region",
    status: "pass",
    title: "Bucket and Region",
    sentence: "Bucket b exists in us-east-1, as given.",
    details: [],
  },
  {
    id: "object-ownership",
    status: "failure",
    title: "Bucket ACLs disabled",
    sentence: "Bucket b has ACLs enabled.",
    fix: {
      text: "Disable ACLs.",
      copyable: {
        label: "Command to disable ACLs",
        code: "aws s3api put-bucket-ownership-controls",
      },
    },
    details: [{ label: "Object Ownership", value: "ObjectWriter" }],
  },
  {
    id: "ongoing",
    status: "not-checked",
    title: "No other import running",
    sentence: "Couldn't check.",
    missingPermission: "cloudtrail:ListImports",
    details: [],
  },
];

describe("PreflightChecklist", () => {
  const html = renderToStaticMarkup(
    <PreflightChecklist
      checks={checks}
      summary={{
        verdict: "blocked",
        needsStartAnyway: true,
        counts: { pass: 1, warning: 0, failure: 1, "not-checked": 1 },
        sentence: "1 check failed.",
      }}
    />,
  );

  it("renders a list of checks, each under its own heading that says the status in words", () => {
    expect(html).toContain('<h2 id="preflight-heading"');
    expect(html.match(/<li /g)).toHaveLength(3);
    expect(html).toMatch(
      /<h3 id="preflight-object-ownership"[^>]*>Bucket ACLs disabled<span class="sr-only">: Failed<\/span><\/h3>/,
    );
    expect(html).toContain(": Couldn&#x27;t check</span>");
  });

  it("shows the fix with a named, copyable code block and the details behind a disclosure", () => {
    expect(html).toContain('aria-label="Command to disable ACLs"');
    expect(html).toContain('aria-label="Copy Command to disable ACLs"');
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Details<\/summary><dl/);
  });
});

describe("EstimateCard", () => {
  it("says how the uncompressed size was measured and on what the cost is based", () => {
    const html = renderToStaticMarkup(
      <EstimateCard
        estimate={{
          files: 1200,
          compressedBytes: 10 * 2 ** 20,
          complete: false,
          uncompressed: { bytes: 100 * 2 ** 20, sampledFiles: 4, ratio: 10 },
          cost: {
            usd: 0.07,
            billingMode: "EXTENDABLE_RETENTION_PRICING",
            basis: "Extendable retention pricing.",
            source: "https://aws.amazon.com/cloudtrail/pricing/",
          },
          notes: ["Listing stopped at its limit."],
        }}
      />,
    );
    expect(html).toContain("at least 1,200");
    expect(html).toContain("Measured from 4 sampled files (10.0× larger unzipped)");
    expect(html).toContain("about $0.07");
    expect(html).toContain('href="https://aws.amazon.com/cloudtrail/pricing/"');
    expect(html).toContain("Listing stopped at its limit.");
  });
});
