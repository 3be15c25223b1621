import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The container image and the e2e suite both run `node .next/standalone/server.js`.
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: true,
  // `npm run typecheck` checks the whole tree (local world included) before any build in `npm test`;
  // checking again here would double the slowest step.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Action payloads are a handful of short strings; anything bigger is abuse.
    serverActions: { bodySizeLimit: "100kb" },
  },
};

export default nextConfig;
