# The faultline app (the Probot GitHub App + Sentry webhook intake + job workers), one process per container.
#   docker build -t faultline .
#   docker run --env-file .env -p 3000:3000 -v faultline-data:/data \
#     -e PRIVATE_KEY_PATH=/run/secrets/github-app-key -v "$PWD/app.pem:/run/secrets/github-app-key:ro" faultline
# The image holds no key: mount the GitHub App's key read-only (a secret), never COPY it in (.dockerignore drops *.pem).
# Node 24 runs the TypeScript sources directly (type stripping): no build step, no dev dependencies at run time.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (the `node` and tooling devDependencies stay out); no install scripts needed.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    HOST=0.0.0.0 \
    PORT=3000 \
    FAULTLINE_DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY app ./app
COPY src ./src
# The embedded SQLite database lives in /data (a volume); with DATABASE_URL set it stays empty.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# /readyz answers 200 once the database is reachable, migrations are applied and the workers run.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM finishes in-flight jobs (10 s) before exit: give the container at least that on stop.
STOPSIGNAL SIGTERM
CMD ["node", "--experimental-strip-types", "app/main.ts"]
