import Link from "next/link";
import { UtcTime } from "@/components/imports/utc-time";
import { Progress } from "@/components/ui/progress";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ChunkState, PlanRow } from "@/lib/schemas/plan-rows";
import { PlanStateBadge } from "./plan-state-badge";
import { chunkCountProgress, describeChunkCounts, storeShortName } from "./plan-view-model";

export type PlanListRow = PlanRow & { chunkCounts: Record<ChunkState, number> };

/** One row per plan: name and state, chunk progress, destination, who created it and when (UTC). */
export function PlansTable({ plans }: { plans: PlanListRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Plan</TableHead>
          <TableHead scope="col">State</TableHead>
          <TableHead scope="col" className="min-w-48">
            Progress
          </TableHead>
          <TableHead scope="col">Destination</TableHead>
          <TableHead scope="col">Created</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {plans.map((plan) => {
          const progress = chunkCountProgress(plan.chunkCounts);
          const name = plan.name ?? `Plan ${plan.id.slice(0, 8)}`;
          return (
            <TableRow key={plan.id}>
              <TableCell className="font-medium">
                <Link href={`/plans/${plan.id}`} className="underline-offset-4 hover:underline">
                  {name}
                </Link>
              </TableCell>
              <TableCell>
                <PlanStateBadge state={plan.state} />
              </TableCell>
              <TableCell className="space-y-1">
                <Progress label={`Progress of ${name}`} value={progress.percent} />
                <p className="text-muted-foreground text-xs">
                  {progress.done} of {progress.total} chunks finished ·{" "}
                  {describeChunkCounts(plan.chunkCounts)}
                </p>
              </TableCell>
              <TableCell>
                <span className="font-mono text-xs break-all" title={plan.destination}>
                  {storeShortName(plan.destination)}
                </span>
              </TableCell>
              <TableCell className="text-sm">
                <span className="block">{plan.createdBy}</span>
                <UtcTime iso={plan.createdAt.toISOString()} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
