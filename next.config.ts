import type { NextConfig } from "next";
// Relative on purpose: next.config.ts is loaded outside the bundler, where the "@/" alias does not exist.
import { parseBuildEnv } from "./lib/build-env";

// Build-time values: a bad one stops `next build` with the variable named. Runtime ones are checked at start-up
// (instrumentation.ts), because one image serves many environments.
const build = parseBuildEnv(process.env);

const nextConfig: NextConfig = {
  // The container image and the e2e suite both run `node .next/standalone/server.js`.
  output: "standalone",
  // Hosting under a portal path; links and redirects follow it, hand-written URLs use lib/api-url.ts.
  ...(build.NEXT_BASE_PATH ? { basePath: build.NEXT_BASE_PATH } : {}),
  env: { NEXT_PUBLIC_BASE_PATH: build.NEXT_BASE_PATH },
  poweredByHeader: false,
  // One copy of the AWS SDK per process: Next bundles route handlers apart from pages and actions, and the
  // process-wide client cache (lib/cloudtrail/cache.ts) hands a client made by one bundle to another, whose
  // own SDK copy rejects it ("Invalid client") in its paginators.
  // PGlite loads its WebAssembly and data files from beside its own module, so it must stay a real package.
  serverExternalPackages: [
    "@aws-sdk/client-cloudtrail",
    "@aws-sdk/credential-providers",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
  ],
  reactStrictMode: true,
  typedRoutes: true,
  experimental: {
    // The all-in-one radix-ui package is a barrel Next does not optimise by default (lucide-react it does):
    // import only the primitives a page uses rather than leaving it to tree-shaking.
    optimizePackageImports: ["radix-ui"],
    serverActions: {
      // Action payloads are a handful of short strings; anything bigger is abuse.
      bodySizeLimit: "100kb",
      // Only for a portal that reverse-proxies the app under its own host without forwarding it in
      // X-Forwarded-Host; a plain iframe's actions come from the app's own origin and need none.
      ...(build.SERVER_ACTIONS_ALLOWED_ORIGINS.length > 0
        ? { allowedOrigins: build.SERVER_ACTIONS_ALLOWED_ORIGINS }
        : {}),
    },
  },
};

export default nextConfig;
