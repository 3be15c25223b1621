import { describe, expect, it } from "vitest";
import { readDatabaseConfig } from "./config";

describe("readDatabaseConfig", () => {
  it("uses DATABASE_URL, with the direct URL for migrations when given", () => {
    const config = readDatabaseConfig({
      DATABASE_URL: "postgres://app@ep-x-pooler.example/db",
      DATABASE_DIRECT_URL: "postgres://app@ep-x.example/db",
      NODE_ENV: "production",
    });
    expect(config).toMatchObject({
      url: "postgres://app@ep-x-pooler.example/db",
      directUrl: "postgres://app@ep-x.example/db",
      embedded: undefined,
      poolMax: 5,
      migrateOnStart: false,
      activityRetentionDays: 400,
    });
  });

  it("serves DATABASE_PATH on loopback and migrates it on start when no server URL is set", () => {
    const config = readDatabaseConfig({ DATABASE_PATH: "/data/db", NODE_ENV: "production" });
    expect(config.embedded).toEqual({ dataDir: "/data/db", port: 4601 });
    expect(config.url).toBe("postgres://postgres@127.0.0.1:4601/postgres?sslmode=disable");
    expect(config.migrateOnStart).toBe(true);
  });

  it("has no database when neither is set, and lets the flag override the default", () => {
    expect(readDatabaseConfig({}).url).toBeUndefined();
    expect(
      readDatabaseConfig({ DATABASE_PATH: "/d", DATABASE_MIGRATE_ON_START: "false" })
        .migrateOnStart,
    ).toBe(false);
  });
});
