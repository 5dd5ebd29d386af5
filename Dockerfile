FROM node:22.12.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22.12.0-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NODE_PATH=dist
COPY --from=build --chown=node:node /app /app
# The service never needs root: the image's own unprivileged user runs it.
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `npm run cli -- <command>` runs the compiled CLI here (scripts/cli.sh); `node dist/src/worker.js` the workers.
CMD ["node", "--max-semi-space-size=64", "dist/src/main.js"]
