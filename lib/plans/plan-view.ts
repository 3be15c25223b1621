// A plan as its page and its route handler send it: JSON-safe (times as ISO strings), with
// progress measured on the server's clock, and each chunk's import linked in its Region. Pure.
import { parseEventDataStoreArn } from "@/lib/schemas/aws-resources";
import type { ChunkRow, ChunkState, PlanRow, PlanState } from "@/lib/schemas/plan-rows";
import { planProgress } from "./progress";

export interface PlanSourceView {
  index: number;
  s3Uri: string;
  bucketRegion: string;
  roleArn: string;
  organizationId?: string | undefined;
  accountIds?: string[] | undefined;
}

export interface ChunkView {
  id: string;
  index: number;
  s3Uri: string;
  /** The source's number as a person counts it (1-based), when the chunk's prefix is one of them. */
  sourceNumber: number | null;
  start: string;
  end: string;
  state: ChunkState;
  attempts: number;
  importId: string | null;
  /** `/imports/<id>?region=<store Region>`: imports run in the destination store's Region. */
  importHref: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

export interface PlanView {
  id: string;
  name: string;
  state: PlanState;
  destination: string;
  chunkSize: string;
  maxRetries: number;
  createdBy: string;
  createdAt: string;
  sources: PlanSourceView[];
  chunks: ChunkView[];
  progress: {
    percent: number;
    counts: Record<ChunkState, number> & { total: number };
    daysCompleted: number;
    daysRemaining: number;
    eventsCompleted: number;
    filesCompleted: number;
    daysPerHour: number | null;
    eta: string | null;
  };
  /** When the server measured it; the page says how fresh the numbers are. */
  measuredAt: string;
}

const iso = (date: Date | undefined) => (date ? date.toISOString() : null);

function sourceNumber(s3Uri: string, sources: readonly PlanSourceView[]): number | null {
  const source = sources.find((s) =>
    s.organizationId ? s3Uri.startsWith(s.s3Uri.replace(/\/+$/, "/")) : s.s3Uri === s3Uri,
  );
  return source ? source.index + 1 : null;
}

/** The plan, its sources and chunks as the page shows them at `now`. */
export function toPlanView(
  detail: { plan: PlanRow; sources: PlanSourceView[]; chunks: ChunkRow[] },
  now: Date,
): PlanView {
  const { plan, sources, chunks } = detail;
  const region = parseEventDataStoreArn(plan.destination)?.region;
  const { chunks: counts, eta, ...progress } = planProgress(chunks, now);
  return {
    id: plan.id,
    name: plan.name ?? `Plan ${plan.id.slice(0, 8)}`,
    state: plan.state,
    destination: plan.destination,
    chunkSize: plan.chunkSize,
    maxRetries: plan.maxRetries,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt.toISOString(),
    sources,
    chunks: [...chunks]
      .sort((a, b) => a.index - b.index)
      .map((chunk) => ({
        id: chunk.id,
        index: chunk.index,
        s3Uri: chunk.s3Uri,
        sourceNumber: sourceNumber(chunk.s3Uri, sources),
        start: chunk.start.toISOString(),
        end: chunk.end.toISOString(),
        state: chunk.state,
        attempts: chunk.attempts,
        importId: chunk.importId ?? null,
        importHref:
          chunk.importId && region
            ? `/imports/${encodeURIComponent(chunk.importId)}?${new URLSearchParams({ region })}`
            : null,
        lastError: chunk.lastError ?? null,
        nextAttemptAt: iso(chunk.nextAttemptAt),
      })),
    progress: { ...progress, counts, eta: iso(eta ?? undefined) },
    measuredAt: now.toISOString(),
  };
}

/** Plans whose chunks may still change on their own, so their page keeps asking. */
export function isPlanViewLive(view: Pick<PlanView, "state" | "chunks">): boolean {
  if (view.state === "active" || view.state === "paused") return true;
  // A cancelled plan's running import is stopped on the next tick; watch until it is.
  return view.chunks.some((c) => c.state === "starting" || c.state === "running");
}
