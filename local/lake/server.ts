// The local CloudTrail Lake: CloudTrail (awsJson1_1) and STS (awsQuery) on one loopback port,
// persistent state, imports that progress in-process, and /_admin/* for tests and demos.
// Plain Node ESM with type stripping: `node local/main.ts` calls startLake.
import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CallLog } from "./admin/call-log.ts";
import { NO_FAULTS, faultsFromEnv, mergeFaults, type Faults } from "./admin/faults.ts";
import { registerRestart } from "./admin/restart.ts";
import type { Pace } from "./engine/pace.ts";
import type { LakeDeps } from "./http/deps.ts";
import { createRouter } from "./http/router.ts";
import { loadWorld } from "./lake-world.ts";
import {
  LookupThrottle,
  lookupRateFromEnv,
  ongoingScopeFromEnv,
  type OngoingScope,
} from "./rules/lookup-throttle.ts";

export type { Faults } from "./admin/faults.ts";
export type { Pace } from "./engine/pace.ts";

export type LakeOptions = {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Holds lake-state.json and the local S3 (`s3/<bucket>/…`). */
  dataDir: string;
  /** "demo" (default): an import takes ~30 s; "fast": as fast as possible; number: ms per file. */
  pace?: Pace;
  /** Wipe the state file and demo buckets and seed again. */
  reset?: boolean;
  /** Past imports to seed when seeding (default 20). */
  seedImports?: number;
  /** Initial fault injection (default: LOCAL_LAKE_THROTTLE_RATE / _ERROR_RATE / _LATENCY_MS, else off). */
  faults?: Faults;
  /** How long state changes wait before they are written (default 200 ms; tests lengthen it). */
  persistDebounceMs?: number;
  /** LookupEvents calls per second per account and Region (env LOCAL_LAKE_LOOKUP_RATE, default 2; 0 = unlimited). */
  lookupRate?: number;
  /** One ongoing import per "account" (default) or per account and "region" (env LOCAL_LAKE_ONGOING_SCOPE). */
  ongoingScope?: OngoingScope;
};

export type LakeHandle = { url: string; port: number; close(): Promise<void> };

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
}

/** Closes the listener and destroys every open connection (keep-alive ones included). */
function shut(server: Server): Promise<void> {
  const stopped = new Promise<void>((done) => server.close(() => done()));
  server.closeAllConnections();
  return stopped;
}

/** Starts the Lake; resolves once it listens. In-progress imports from a previous run resume. */
export async function startLake(opts: LakeOptions): Promise<LakeHandle> {
  const dataDir = resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  let world = await loadWorld(dataDir, {
    pace: opts.pace ?? "demo",
    reset: opts.reset,
    seedImports: opts.seedImports,
    persistDebounceMs: opts.persistDebounceMs,
  });
  const deps: LakeDeps = {
    state: world.state,
    engine: world.engine,
    dataDir,
    callLog: new CallLog(),
    faults: mergeFaults(NO_FAULTS, opts.faults ?? faultsFromEnv(process.env)),
    lookupThrottle: new LookupThrottle(
      opts.lookupRate ?? lookupRateFromEnv(process.env.LOCAL_LAKE_LOOKUP_RATE),
    ),
    ongoingScope: opts.ongoingScope ?? ongoingScopeFromEnv(process.env.LOCAL_LAKE_ONGOING_SCOPE),
  };
  const host = opts.host ?? "127.0.0.1";
  let server = createServer(createRouter(deps));
  await listen(server, opts.port, host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  // Simulated kill -9 + restart (admin/restart.ts documents the exact semantics).
  let restarting: Promise<void> | undefined;
  registerRestart(deps, (downMs, { reset = false } = {}) => {
    restarting ??= (async () => {
      const dead = world;
      dead.persister.discard();
      await shut(server);
      await dead.engine.close();
      await sleep(downMs);
      world = await loadWorld(dataDir, {
        pace: dead.engine.pace,
        reset,
        seedImports: opts.seedImports,
        persistDebounceMs: opts.persistDebounceMs,
      });
      // A request that was mid-flight at the kill may have started a runner on the dead engine.
      await dead.engine.close();
      deps.state = world.state;
      deps.engine = world.engine;
      server = createServer(createRouter(deps));
      await listen(server, port, host);
    })().finally(() => {
      restarting = undefined;
    });
    return restarting;
  });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        await restarting?.catch(() => undefined);
        await shut(server);
        await world.engine.close();
        await world.persister.flush();
      })();
      return closing;
    },
  };
}
