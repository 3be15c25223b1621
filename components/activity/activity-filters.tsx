import Link from "next/link";
import { Button } from "@/components/ui/button";
import { controlClassName, Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ACTIVITY_ACTIONS, ACTIVITY_OUTCOMES, type ActivityFilters } from "@/lib/schemas/activity";
import { cn } from "@/lib/utils";

const selectClassName = cn(controlClassName, "h-9 w-auto px-3 py-1.5");
const utcInput = (date: Date | undefined) => date?.toISOString().slice(0, 16) ?? "";

/**
 * The activity filters as a plain GET form: they live in the URL, work without JavaScript, and applying
 * them starts again from the newest entry.
 */
export function ActivityFiltersForm({ filters }: { filters: ActivityFilters }) {
  return (
    <form
      role="search"
      aria-label="Filter activity"
      method="get"
      className="flex flex-wrap items-end gap-4"
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="activity-person">Person (email)</Label>
        <Input
          id="activity-person"
          name="person"
          type="email"
          defaultValue={filters.person ?? ""}
          className="w-56"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="activity-action">Action</Label>
        <select
          id="activity-action"
          name="action"
          defaultValue={filters.action ?? ""}
          className={selectClassName}
        >
          <option value="">Any action</option>
          {filters.action && !ACTIVITY_ACTIONS.some((a) => a === filters.action) ? (
            <option value={filters.action}>{filters.action}</option>
          ) : null}
          {ACTIVITY_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="activity-outcome">Outcome</Label>
        <select
          id="activity-outcome"
          name="outcome"
          defaultValue={filters.outcome ?? ""}
          className={selectClassName}
        >
          <option value="">Any outcome</option>
          {ACTIVITY_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcome}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="activity-from">From (UTC)</Label>
        <Input
          id="activity-from"
          name="from"
          type="datetime-local"
          defaultValue={utcInput(filters.from)}
          className="w-auto"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="activity-to">To (UTC, inclusive)</Label>
        <Input
          id="activity-to"
          name="to"
          type="datetime-local"
          defaultValue={utcInput(filters.to)}
          className="w-auto"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="activity-import">Import ID</Label>
        <Input
          id="activity-import"
          name="import"
          defaultValue={filters.import ?? ""}
          className="w-80 font-mono"
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <Button variant="ghost" asChild>
          <Link href="/activity">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
