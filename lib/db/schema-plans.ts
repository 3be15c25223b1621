import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// Backfill plans (docs/backfill-plans.md). States are text, not enums: a row written by a newer
// version reads back through lib/schemas/plan-rows.ts as a state in which the runner does nothing.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

export const plans = pgTable(
  "plans",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text("name"),
    destination: text("destination").notNull(),
    chunkSize: text("chunk_size").notNull(),
    rangeFrom: date("range_from", { mode: "string" }).notNull(),
    rangeTo: date("range_to", { mode: "string" }).notNull(),
    maxRetries: integer("max_retries").notNull().default(3),
    state: text("state").notNull().default("active"),
    /** Email of the creator: unattended starts are made on their behalf. */
    createdBy: text("created_by").notNull(),
    /** The creator's sign-in subject, the stable part of the identity the runner acts as. */
    createdBySub: text("created_by_sub").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at"),
  },
  (t) => [
    index("plans_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("plans_state_idx").on(t.state),
    index("plans_destination_idx").on(t.destination),
  ],
);

export const planSources = pgTable(
  "plan_sources",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    s3Uri: text("s3_uri").notNull(),
    bucketRegion: text("bucket_region").notNull(),
    roleArn: text("role_arn").notNull(),
    organizationId: text("organization_id"),
    accountIds: text("account_ids").array(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.index] })],
);

export const chunks = pgTable(
  "chunks",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    sourceIndex: integer("source_index").notNull(),
    accountId: text("account_id"),
    index: integer("index").notNull(),
    key: text("key").notNull(),
    s3Uri: text("s3_uri").notNull(),
    bucketRegion: text("bucket_region").notNull(),
    roleArn: text("role_arn").notNull(),
    start: at("start").notNull(),
    end: at("end").notNull(),
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    importId: text("import_id"),
    claimedAt: at("claimed_at"),
    nextAttemptAt: at("next_attempt_at"),
    lastError: text("last_error"),
    statistics: jsonb("statistics"),
    finishedAt: at("finished_at"),
    updatedAt: at("updated_at"),
  },
  (t) => [
    uniqueIndex("chunks_key_idx").on(t.key),
    uniqueIndex("chunks_plan_index_idx").on(t.planId, t.index),
    // One import is never recorded on two chunks: adopting it twice would be refused here.
    uniqueIndex("chunks_import_idx")
      .on(t.importId)
      .where(sql`${t.importId} is not null`),
    index("chunks_state_next_idx").on(t.state, t.nextAttemptAt),
  ],
);

/**
 * The notification outbox: one row per event and channel. The event id is fixed by what the
 * event is about, so a tick that derives it again inserts nothing. URLs and secrets stay in the
 * environment; `channel` names the configured webhook.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").notNull(),
    channel: text("channel").notNull(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    deliveredAt: at("delivered_at"),
    gaveUpAt: at("gave_up_at"),
    lastError: text("last_error"),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.channel] }),
    index("notifications_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.gaveUpAt} is null`),
  ],
);

/** One row per runner: who runs a tick and until when the lease holds. */
export const runnerLock = pgTable("runner_lock", {
  name: text("name").primaryKey(),
  holder: text("holder"),
  lockedUntil: at("locked_until").notNull(),
});

export type PlanInsert = typeof plans.$inferInsert;
export type ChunkInsert = typeof chunks.$inferInsert;
export type NotificationRow = typeof notifications.$inferSelect;
