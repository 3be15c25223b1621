import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatBytes, formatCount, formatDuration, plural } from "@/lib/preflight/format";
import type { Estimate } from "@/lib/schemas/preflight";

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

function Item({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="text-muted-foreground text-xs">{note}</dd> : null}
    </div>
  );
}

/**
 * What the import will copy, cost and take, with where each number comes from: the listing,
 * a gunzipped sample, the price list and this account's earlier imports.
 */
export function EstimateCard({ estimate }: { estimate: Estimate }) {
  const lowerBound = estimate.complete ? "" : "at least ";
  const { uncompressed, cost, duration } = estimate;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2>Estimate</h2>
        </CardTitle>
        <CardDescription>
          Estimated from the files in the range before anything is copied.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Item label="Log files" value={`${lowerBound}${formatCount(estimate.files)}`} />
          <Item
            label="Compressed size"
            value={`${lowerBound}${formatBytes(estimate.compressedBytes)}`}
          />
          <Item
            label="Uncompressed size"
            value={uncompressed ? `about ${formatBytes(uncompressed.bytes)}` : "unknown"}
            note={
              uncompressed
                ? `Measured from ${plural(uncompressed.sampledFiles, "sampled file")} (${uncompressed.ratio.toFixed(1)}× larger unzipped)`
                : undefined
            }
          />
          <Item
            label="Ingestion cost"
            value={
              !cost
                ? "unknown"
                : cost.usd > 0 && cost.usd < 0.01
                  ? "under $0.01"
                  : `about ${USD.format(cost.usd)}`
            }
          />
          <Item
            label="Duration"
            value={duration ? formatDuration(duration.seconds) : "unknown"}
            note={duration?.basis}
          />
        </dl>
        {cost ? (
          <p className="text-muted-foreground text-xs">
            {cost.basis} Prices:{" "}
            <a
              href={cost.source}
              className="underline underline-offset-2"
              rel="noreferrer"
              target="_blank"
            >
              AWS CloudTrail pricing
            </a>
            .
          </p>
        ) : null}
        {estimate.notes.length > 0 ? (
          <ul className="text-muted-foreground list-disc pl-5 text-xs">
            {estimate.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}
