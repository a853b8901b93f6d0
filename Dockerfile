# syntax=docker/dockerfile:1
# IAM Playground: a build stage that compiles everything, and a runtime stage with production dependencies only.
#   docker build -t iam-playground .
#   docker run -p 4000:4000 -v iam-state:/var/lib/iam-playground iam-playground          (embedded PGlite)
#   docker run -p 4000:4000 -e DATABASE_URL=postgresql://... -e PLAYGROUND_ENCRYPTION_KEY=... iam-playground

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY . .
# `npm ci` runs `prepare`: the Prisma client, the resolver types, the explorer bundle and dist/ (tsc).
RUN npm ci --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    PLAYGROUND_STATE_DIR=/var/lib/iam-playground
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# What the server reads at run time: the compiled server (generated Prisma client included), the explorer
# bundle, the SDL, the migrations and the scenarios.
COPY --from=build /app/dist ./dist
COPY --from=build /app/public/explorer ./public/explorer
COPY --from=build /app/schema.graphql ./schema.graphql
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scenarios ./scenarios
RUN mkdir -p /var/lib/iam-playground && chown node:node /var/lib/iam-playground
USER node
VOLUME ["/var/lib/iam-playground"]
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1's only process and receives SIGTERM itself, so `docker stop` shuts down cleanly.
CMD ["node", "dist/main.js"]
