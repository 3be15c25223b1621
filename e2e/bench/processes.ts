// Child processes of a bench run: one-shot commands (builds) and long-running servers that are
// ready when a URL answers, stopped with SIGTERM (then SIGKILL) when the run ends.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Label for log lines and errors. */
  label: string;
}

/** Runs a command to completion, keeping its output to show only if it fails. */
export async function runCommand(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<void> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) {
    process.stderr.write(Buffer.concat(output));
    throw new Error(`${options.label} failed (exit ${code ?? "signal"}).`);
  }
}

export interface Server {
  label: string;
  child: ChildProcess;
  /** Last lines of its output, for errors. */
  tail: () => string;
  stop: () => Promise<void>;
}

/** Starts a long-running process and resolves once `readyUrl` answers 2xx (or rejects on exit or timeout). */
export async function startServer(
  command: string,
  args: string[],
  options: RunOptions & { readyUrl: string; timeoutMs?: number },
): Promise<Server> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const server: Server = {
    label: options.label,
    child,
    tail: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${options.label} exited early:\n${log}`);
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  throw new Error(`${options.label} was not ready at ${options.readyUrl} in time:\n${log}`);
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves after `ms`; used only to let server-side cache TTLs run out. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
