import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

// Every table here is written by several replicas at once, so each write that must happen once is guarded by
// a key the database enforces, and each row carries the time after which cleanup may delete it.

// Milliseconds, as JavaScript's Date holds: a keyset cursor read back into a Date must equal the stored value.
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

/** The first result of a form submission, replayed when the same submission arrives again. */
export const submissionReplays = pgTable(
  "submission_replays",
  {
    userKey: text("user_key").notNull(),
    submissionId: text("submission_id").notNull(),
    result: jsonb("result").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userKey, t.submissionId] }),
    index("submission_replays_expires_idx").on(t.expiresAt),
  ],
);

/** One fixed window per key: `hits` counts requests since `windowStart`, until `expiresAt`. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    windowStart: at("window_start").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt)],
);

/** Ticket ids already redeemed; kept until the ticket itself would have expired. */
export const redeemedTickets = pgTable(
  "redeemed_tickets",
  {
    ticketId: text("ticket_id").primaryKey(),
    redeemedAt: at("redeemed_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("redeemed_tickets_expires_idx").on(t.expiresAt)],
);

/** Sessions signed out before their cap, so every replica refuses every copy of them; kept until the cap. */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    revokedAt: at("revoked_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

/** Leases: held by `owner` until `expiresAt`, after which anyone may take them over. */
export const locks = pgTable(
  "locks",
  {
    key: text("key").primaryKey(),
    owner: text("owner").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("locks_expires_idx").on(t.expiresAt)],
);

/** Who did what to which resources, and how it went. The app only appends; retention deletes. */
export const activity = pgTable(
  "activity",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    occurredAt: at("occurred_at").notNull().defaultNow(),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    // Text, not an enum: new actions (plans) need no migration, and old rows keep whatever they said.
    action: text("action").notNull(),
    outcome: text("outcome").notNull(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    storeArn: text("store_arn"),
    importId: text("import_id"),
    roleArn: text("role_arn"),
    s3Uri: text("s3_uri"),
    region: text("region"),
    timeRange: jsonb("time_range"),
    awsRequestId: text("aws_request_id"),
    clientAddress: text("client_address"),
    requestId: text("request_id"),
  },
  (t) => [
    index("activity_time_idx").on(t.occurredAt.desc(), t.id.desc()),
    index("activity_actor_idx").on(t.actorEmail, t.occurredAt.desc()),
    index("activity_import_idx").on(t.importId, t.occurredAt.desc()),
    index("activity_action_idx").on(t.action, t.occurredAt.desc()),
  ],
);

export type ActivityRow = typeof activity.$inferSelect;
export type ActivityInsert = typeof activity.$inferInsert;

export * from "./schema-plans.ts";
