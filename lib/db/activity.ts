import "server-only";
import { and, asc, desc, eq, gt, gte, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  type ActivityEntry,
  type ActivityFilters,
  type ActivityInput,
  activityEntrySchema,
  activityInputSchema,
} from "@/lib/schemas/activity";
import type { Database } from "./client.ts";
import { resolveDatabase, run } from "./run.ts";
import { activity } from "./schema.ts";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A position in the list: the time and id of the row a page ends on. Opaque in URLs. */
export type ActivityCursor = { at: Date; id: string };

const cursorSchema = z.object({ t: z.iso.datetime(), id: z.uuid() });

export function encodeActivityCursor(cursor: ActivityCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.at.toISOString(), id: cursor.id })).toString(
    "base64url",
  );
}

/** The cursor in `raw`, or `undefined` when it is missing or not one this app made. */
export function decodeActivityCursor(raw: string | undefined): ActivityCursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString()));
    return parsed.success ? { at: new Date(parsed.data.t), id: parsed.data.id } : undefined;
  } catch {
    return undefined;
  }
}

export type ActivityPage = {
  entries: ActivityEntry[];
  /** Where the next older page starts, if there is one. */
  older?: ActivityCursor;
  /** Where the next newer page starts, if there is one. */
  newer?: ActivityCursor;
};

/** `before`: rows older than the cursor (the "Older" link); `after`: rows newer (the "Newer" link). */
export type ActivityPageRequest = {
  filters: ActivityFilters;
  before?: ActivityCursor;
  after?: ActivityCursor;
  limit: number;
};

export type ActivityLog = {
  /** Records one entry. The app has no way to change or remove it; only retention does. */
  append(entry: ActivityInput): Promise<void>;
  /** One page, newest first, ordered by (time, id) so pages never skip or repeat a row. */
  list(request: ActivityPageRequest): Promise<ActivityPage>;
  /** Deletes entries older than `retentionDays`; returns how many. */
  deleteOlderThan(retentionDays: number, now?: Date): Promise<number>;
};

function filterConditions(filters: ActivityFilters): SQL[] {
  const t = activity;
  const conditions: SQL[] = [];
  if (filters.person) conditions.push(eq(t.actorEmail, filters.person));
  if (filters.action) conditions.push(eq(t.action, filters.action));
  if (filters.outcome) conditions.push(eq(t.outcome, filters.outcome));
  if (filters.import) conditions.push(eq(t.importId, filters.import));
  if (filters.from) conditions.push(gte(t.occurredAt, filters.from));
  // "to" is a minute typed by a person: include all of it.
  if (filters.to) conditions.push(lt(t.occurredAt, new Date(filters.to.getTime() + MINUTE_MS)));
  return conditions;
}

function olderThan(cursor: ActivityCursor): SQL | undefined {
  const t = activity;
  return or(lt(t.occurredAt, cursor.at), and(eq(t.occurredAt, cursor.at), lt(t.id, cursor.id)));
}

function newerThan(cursor: ActivityCursor): SQL | undefined {
  const t = activity;
  return or(gt(t.occurredAt, cursor.at), and(eq(t.occurredAt, cursor.at), gt(t.id, cursor.id)));
}

function toEntry(row: Record<string, unknown>): ActivityEntry {
  return activityEntrySchema.parse(row);
}

const edge = (entry: ActivityEntry | undefined): ActivityCursor | undefined =>
  entry ? { at: entry.occurredAt, id: entry.id } : undefined;

/** The activity log: who did what to which resources, and how it went. */
export function activityLog(database?: Database): ActivityLog {
  const db = () => resolveDatabase(database);
  const t = activity;
  return {
    append: (entry) =>
      run(async () => {
        const { occurredAt, ...values } = activityInputSchema.parse(entry);
        await db()
          .insert(t)
          .values({ ...values, ...(occurredAt ? { occurredAt } : {}) });
      }),
    list: ({ filters, before, after, limit }) =>
      run(async () => {
        const conditions = filterConditions(filters);
        if (after) {
          const rows = await db()
            .select()
            .from(t)
            .where(and(...conditions, newerThan(after)))
            .orderBy(asc(t.occurredAt), asc(t.id))
            .limit(limit + 1);
          const entries = rows.slice(0, limit).reverse().map(toEntry);
          return {
            entries,
            newer: rows.length > limit ? edge(entries[0]) : undefined,
            older: edge(entries.at(-1)),
          };
        }
        const rows = await db()
          .select()
          .from(t)
          .where(and(...conditions, before ? olderThan(before) : undefined))
          .orderBy(desc(t.occurredAt), desc(t.id))
          .limit(limit + 1);
        const entries = rows.slice(0, limit).map(toEntry);
        return {
          entries,
          older: rows.length > limit ? edge(entries.at(-1)) : undefined,
          newer: before ? edge(entries[0]) : undefined,
        };
      }),
    deleteOlderThan: (retentionDays, now = new Date()) =>
      run(async () => {
        const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
        const deleted = await db().delete(t).where(lt(t.occurredAt, cutoff));
        return deleted.rowCount ?? 0;
      }),
  };
}
