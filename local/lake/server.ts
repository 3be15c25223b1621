// The local CloudTrail Lake: CloudTrail (awsJson1_1) and STS (awsQuery) on one loopback port,
// persistent state, imports that progress in-process, and /_admin/* for tests and demos.
// Plain Node ESM with type stripping: `node local/main.ts` calls startLake.
import { mkdir, readdir, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { CallLog } from "./admin/call-log.ts";
import { NO_FAULTS, faultsFromEnv, mergeFaults, type Faults } from "./admin/faults.ts";
import { ImportEngine } from "./engine/import-engine.ts";
import type { Pace } from "./engine/pace.ts";
import type { LakeDeps } from "./http/deps.ts";
import { createRouter } from "./http/router.ts";
import { isTerminal } from "./rules/import-rules.ts";
import { DEFAULT_SEED_IMPORTS } from "./seed/constants.ts";
import { ensureBuckets, resetWorld, seedWorld } from "./seed/seed-world.ts";
import { LakeState } from "./state/lake-state.ts";
import { STATE_FILE, createPersister, readState } from "./state/persist.ts";

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
};

export type LakeHandle = { url: string; port: number; close(): Promise<void> };

// A kill during a state write can leave a temp file behind; it is never the state itself.
async function removeStaleTempFiles(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir)) {
    if (name.startsWith(`${STATE_FILE}.`) && name.endsWith(".tmp"))
      await rm(join(dataDir, name), { force: true });
  }
}

/** Starts the Lake; resolves once it listens. In-progress imports from a previous run resume. */
export async function startLake(opts: LakeOptions): Promise<LakeHandle> {
  const dataDir = resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  await removeStaleTempFiles(dataDir);
  if (opts.reset) await resetWorld(dataDir);

  let data = await readState(dataDir);
  const fresh = data === null;
  if (data === null)
    data = await seedWorld(dataDir, Date.now(), opts.seedImports ?? DEFAULT_SEED_IMPORTS);
  else await ensureBuckets(dataDir, data.seedEndMs, false);

  const state = new LakeState(data);
  const persister = createPersister(dataDir, () => state.snapshot(Date.now()));
  state.onChange = () => persister.schedule();
  if (fresh) await persister.flush();

  const engine = new ImportEngine(state, dataDir, opts.pace ?? "demo");
  for (const record of state.allImports()) if (!isTerminal(record.status)) engine.run(record);

  const deps: LakeDeps = {
    state,
    engine,
    dataDir,
    callLog: new CallLog(),
    faults: mergeFaults(NO_FAULTS, opts.faults ?? faultsFromEnv(process.env)),
  };
  const server = createServer(createRouter(deps));
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((done) => server.close(() => done()));
        server.closeAllConnections();
        await stopped;
        await engine.close();
        await persister.flush();
      })();
      return closing;
    },
  };
}
