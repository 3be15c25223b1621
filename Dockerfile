# syntax=docker/dockerfile:1.7
# Trail Imports as a container: the Next.js standalone server on Node 24, as a non-root user, on a read-only
# root filesystem if you like (only /app/.next/cache and /tmp need to be writable).
#
#   openssl rand -base64 32 > actions_key      # keep it: the same key must be set at runtime
#   docker build --secret id=actions_key,src=actions_key \
#     --build-arg NEXT_BASE_PATH=/imports -t trail-imports .
#   docker run --read-only --tmpfs /tmp --tmpfs /app/.next/cache -p 3000:3000 --env-file prod.env trail-imports

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# Build-time settings, frozen into the image (lib/build-env.ts validates them).
ARG NEXT_BASE_PATH=""
ARG SERVER_ACTIONS_ALLOWED_ORIGINS=""
ENV NEXT_BASE_PATH=${NEXT_BASE_PATH} SERVER_ACTIONS_ALLOWED_ORIGINS=${SERVER_ACTIONS_ALLOWED_ORIGINS}
# A stable key gives stable server-action ids across builds; without the secret, Next generates one per build.
RUN --mount=type=secret,id=actions_key,required=false \
    if [ -f /run/secrets/actions_key ]; then \
      export NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$(cat /run/secrets/actions_key)"; \
    fi; \
    npm run build

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
# Only the health check reads it: the app's basePath is already compiled in.
ARG NEXT_BASE_PATH=""
ENV NEXT_BASE_PATH=${NEXT_BASE_PATH}
# HOSTNAME: Docker and Kubernetes set it to the container name, and server.js would listen only there.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# `npm run build` already copied .next/static and public into the standalone tree.
COPY --from=build /app/.next/standalone ./
# Code stays root-owned and read-only; only Next's cache is writable by the unprivileged `node` user.
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
# Slim images have no curl; Node's fetch does the liveness probe (/api/health checks no dependency).
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+(process.env.NEXT_BASE_PATH||'')+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
