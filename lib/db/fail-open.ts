import "server-only";
import { unavailableReason } from "./errors.ts";

// After a failed attempt, checks skip the database for a while: each attempt against a dead server waits
// for the connect timeout, which would otherwise be added to every request that makes the check.
const SKIP_AFTER_FAILURE_MS = 15_000;

/**
 * For checks that must not stop reads when the database is down: runs `work`, and when the database is
 * unreachable logs one warning and answers `fallback` instead, without asking again for 15 s. Any other
 * error (a bug) propagates. Actions never use this: they refuse when the database is down.
 */
export function failOpen<T>(what: string, fallback: T): (work: () => Promise<T>) => Promise<T> {
  let skipUntil = 0;
  return async (work) => {
    if (Date.now() < skipUntil) return fallback;
    try {
      return await work();
    } catch (error) {
      const reason = unavailableReason(error);
      if (!reason) throw error;
      skipUntil = Date.now() + SKIP_AFTER_FAILURE_MS;
      console.warn(
        JSON.stringify({
          level: "warn",
          msg: `${what} not checked for ${SKIP_AFTER_FAILURE_MS / 1000} s: database unavailable`,
          reason,
        }),
      );
      return fallback;
    }
  };
}
