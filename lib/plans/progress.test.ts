import { describe, expect, it } from "vitest";
import { planProgress } from "./progress";
import { NOW, chunkRow } from "./runner-fixtures";

const hour = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * hour);

describe("planProgress", () => {
  it("is empty for a plan without chunks", () => {
    expect(planProgress([], NOW)).toMatchObject({
      percent: 0,
      eta: null,
      daysPerHour: null,
      chunks: { total: 0 },
    });
  });

  it("measures pace in days from completed chunks and projects the rest", () => {
    const chunks = [
      chunkRow(0, {
        state: "completed",
        claimedAt: at(-4),
        finishedAt: at(-3),
        statistics: { eventsCompleted: 100, filesCompleted: 4 },
      }),
      chunkRow(1, {
        state: "completed",
        claimedAt: at(-3),
        finishedAt: at(-2),
        statistics: { eventsCompleted: 50 },
      }),
      chunkRow(2, { state: "running", statistics: { eventsCompleted: 7 } }),
      chunkRow(3),
    ];
    const progress = planProgress(chunks, NOW);
    expect(progress).toMatchObject({
      percent: 50,
      daysCompleted: 2,
      daysRemaining: 2,
      eventsCompleted: 157,
      filesCompleted: 4,
      daysPerHour: 1,
      chunks: { completed: 2, running: 1, pending: 1, total: 4 },
    });
    expect(progress.eta).toEqual(at(2));
  });

  it("weights chunks by their days", () => {
    const week = chunkRow(0, {
      state: "completed",
      end: new Date(Date.UTC(2025, 0, 7, 23, 59, 59)),
    });
    expect(planProgress([week, chunkRow(7)], NOW).percent).toBe(87);
  });

  it("counts failed, stopped and skipped chunks as finished but not as pace", () => {
    const chunks = [
      chunkRow(0, { state: "failed" }),
      chunkRow(1, { state: "skipped" }),
      chunkRow(2, { state: "stopped" }),
    ];
    expect(planProgress(chunks, NOW)).toMatchObject({
      percent: 100,
      daysPerHour: null,
      eta: null,
      daysRemaining: 0,
    });
  });
});
