// Checks the Vercel target without a Vercel account: `vercel build` runs offline from a local project
// settings file and writes the Build Output API folder. Then: vercel.json's crons are declared in
// .vercel/output/config.json, the proxy has its middleware function, and every page and route handler
// under app/ has a function. The CLI is run through npx at an exact version rather than installed as a
// dev dependency, which would add its builders for every language to every `npm install`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const VERCEL_CLI = "vercel@50.0.0";
const ROOT = join(import.meta.dirname, "..", "..");
const OUTPUT = join(ROOT, ".vercel", "output");

type Cron = { path: string; schedule: string };

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return /^(page\.tsx|route\.ts)$/.test(name) ? [path] : [];
  });
}

/** app/(dashboard)/imports/[id]/page.tsx → imports/[id]; app/page.tsx → index. */
function functionName(file: string): string {
  const segments = relative(join(ROOT, "app"), file).split(sep).slice(0, -1);
  const path = segments.filter((s) => !/^\(.*\)$/.test(s)).join("/");
  return path === "" ? "index" : path;
}

function build(): void {
  const settings = join(ROOT, ".vercel", "project.json");
  if (!existsSync(settings)) {
    mkdirSync(join(ROOT, ".vercel"), { recursive: true });
    // A local project: no link to a Vercel account is needed to build.
    writeFileSync(
      settings,
      JSON.stringify({
        projectId: "prj_local",
        orgId: "team_local",
        settings: { framework: "nextjs", nodeVersion: "24.x" },
      }),
    );
  }
  execFileSync("npx", ["--yes", VERCEL_CLI, "build", "--yes"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", VERCEL_TELEMETRY_DISABLED: "1" },
  });
}

function check(): string[] {
  const problems: string[] = [];
  const config = JSON.parse(readFileSync(join(OUTPUT, "config.json"), "utf8")) as {
    crons?: Cron[];
    routes?: Array<{ middlewarePath?: string }>;
  };
  const wanted = (JSON.parse(readFileSync(join(ROOT, "vercel.json"), "utf8")) as { crons?: Cron[] })
    .crons;
  if (!wanted?.length) problems.push("vercel.json declares no cron");
  for (const cron of wanted ?? []) {
    const found = config.crons?.some((c) => c.path === cron.path && c.schedule === cron.schedule);
    if (!found) problems.push(`config.json lacks the cron ${cron.path} (${cron.schedule})`);
    const fn = join(OUTPUT, "functions", `${cron.path.replace(/^\//, "")}.func`);
    if (!existsSync(fn)) problems.push(`the cron path ${cron.path} has no function`);
  }
  const middleware = config.routes?.find((r) => r.middlewarePath);
  if (!middleware?.middlewarePath)
    problems.push("config.json routes nothing through the proxy (no middlewarePath)");
  else if (!existsSync(join(OUTPUT, "functions", `${middleware.middlewarePath.slice(1)}.func`)))
    problems.push(`the proxy's function ${middleware.middlewarePath} is missing`);
  const routes = routeFiles(join(ROOT, "app"));
  for (const file of routes) {
    const name = functionName(file);
    if (!existsSync(join(OUTPUT, "functions", `${name}.func`)))
      problems.push(`${relative(ROOT, file)} has no function ${name}.func`);
  }
  console.log(
    `vercel-build: ${wanted?.length ?? 0} cron(s), the proxy and ${routes.length} routes checked`,
  );
  return problems;
}

build();
const problems = check();
for (const problem of problems) console.error(`vercel-build: ${problem}`);
console.log(
  `vercel-build: ${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`,
);
process.exit(problems.length === 0 ? 0 : 1);
