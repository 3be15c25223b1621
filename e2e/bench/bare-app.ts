// The yardstick for first-load JS: a bare Next.js app (one page, the root layout Next requires)
// built in the same run with the repo's own next/react (node_modules linked in). It lives in a
// temp dir, not in the repo, where Next would pick up the repo's next.config.ts and proxy.ts.
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchConfig } from "./config.ts";
import { freePort, runCommand, type Server, startServer } from "./processes.ts";

const FILES: Record<string, string> = {
  "package.json": `{ "name": "bench-bare-app", "private": true }\n`,
  // Turbopack compiles only files under its root, and the linked node_modules resolve outside the temp dir.
  "next.config.mjs": `export default { turbopack: { root: "/" } };\n`,
  "tsconfig.json": `${JSON.stringify(
    {
      compilerOptions: {
        target: "ES2023",
        lib: ["dom", "dom.iterable", "esnext"],
        strict: true,
        noEmit: true,
        module: "esnext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        isolatedModules: true,
        skipLibCheck: true,
        plugins: [{ name: "next" }],
      },
      include: ["**/*.ts", "**/*.tsx"],
    },
    null,
    2,
  )}\n`,
  "app/layout.tsx": `import type { ReactNode } from "react";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.tsx": `export default function Page() {
  return <h1>Hello</h1>;
}
`,
};

export interface BareApp {
  origin: string;
  server: Server;
  /** Stops the server and deletes the app. */
  dispose: () => Promise<void>;
}

/** Writes, builds and starts the bare app on a free port. */
export async function startBareApp(config: BenchConfig): Promise<BareApp> {
  const dir = await mkdtemp(join(tmpdir(), "trail-imports-bare-"));
  await symlink(join(config.root, "node_modules"), join(dir, "node_modules"), "dir");
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const next = join(config.root, "node_modules", "next", "dist", "bin", "next");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  try {
    await runCommand(process.execPath, [next, "build"], {
      cwd: dir,
      env,
      label: "bare Next.js build",
    });
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = await startServer(
      process.execPath,
      [next, "start", "--port", String(port), "--hostname", "127.0.0.1"],
      {
        cwd: dir,
        env,
        label: "bare Next.js app",
        readyUrl: `${origin}/`,
      },
    );
    return {
      origin,
      server,
      dispose: async () => {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
