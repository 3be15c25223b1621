import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { EventDataStoreDetails } from "@/lib/cloudtrail/types";
import type { CoverageQuery } from "@/lib/coverage/coverage-query";

/**
 * The store and day range, as a plain GET form: the page's URL is the whole state, so a view can
 * be shared as a link and works before any script loads. Only stores that accept imports are
 * offered, since coverage exists to plan imports.
 */
export function StorePicker({
  load,
  query,
}: {
  load: { stores: EventDataStoreDetails[]; problems: string[]; error?: string };
  query: CoverageQuery;
}) {
  const eligible = load.stores.filter((store) => store.acceptsImports);
  return (
    <form method="get" className="flex flex-wrap items-end gap-4" aria-label="Coverage of">
      <div className="flex min-w-0 flex-[1_1_20rem] flex-col gap-2">
        <Label htmlFor="coverage-store">Event data store</Label>
        <select
          id="coverage-store"
          name="store"
          defaultValue={query.store ?? ""}
          className="border-input bg-background focus-visible:ring-ring h-9 w-full min-w-0 rounded-md border px-3 text-sm focus-visible:ring-2 focus-visible:outline-none"
        >
          <option value="">Choose a store…</option>
          {eligible.map((store) => (
            <option key={store.arn} value={store.arn}>
              {store.name ?? store.arn} ({store.region})
            </option>
          ))}
        </select>
        {load.error || load.problems.length > 0 ? (
          <p className="text-muted-foreground text-xs">{load.error ?? load.problems.join(" ")}</p>
        ) : null}
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="coverage-from">From (UTC)</Label>
        <Input
          id="coverage-from"
          name="from"
          type="date"
          defaultValue={query.from}
          className="w-40"
        />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="coverage-to">To (UTC)</Label>
        <Input id="coverage-to" name="to" type="date" defaultValue={query.to} className="w-40" />
      </div>
      <Button type="submit">Show coverage</Button>
    </form>
  );
}
