// Sums the result files that `npm test` wrote under .ci/out into "passed failed", and names every test
// that failed so the closing line never hides one. Plain JavaScript: it runs on whatever Node the box has.
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const read = (file) => {
  try {
    return fs.readFileSync(path.join(dir, file), "utf8");
  } catch {
    return null;
  }
};
let passed = 0;
let failed = 0;
const failures = [];

const vitest = read("vitest.json");
if (vitest) {
  const v = JSON.parse(vitest);
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  for (const file of v.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === "failed") failures.push(`vitest: ${t.fullName}`);
    }
  }
}

const e2e = read("e2e.json");
if (e2e) {
  const e = JSON.parse(e2e);
  // Retries are off, so "flaky" should never appear; if it does, it counts as a failure.
  passed += e.stats?.expected ?? 0;
  failed += (e.stats?.unexpected ?? 0) + (e.stats?.flaky ?? 0);
  const walk = (suite, titles) => {
    for (const s of suite.suites ?? []) walk(s, [...titles, s.title]);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === "unexpected" || t.status === "flaky") {
          failures.push(
            `e2e (${t.status}): ${[...titles, spec.title].filter(Boolean).join(" › ")}`,
          );
        }
      }
    }
  };
  for (const s of e.suites ?? []) walk(s, [s.title]);
}

const cli = read("cli-compat.txt");
if (cli) {
  const [p, f] = cli.trim().split(/\s+/).map(Number);
  passed += p || 0;
  failed += f || 0;
  if (f) failures.push(`AWS CLI check: ${f} failed (see its output above)`);
}

for (const line of failures) console.error(`FAILED ${line}`);
console.log(passed, failed);
