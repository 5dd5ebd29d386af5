FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NODE_PATH=dist
COPY --from=build /app /app
EXPOSE 3000
CMD ["node", "--max-semi-space-size=64", "dist/src/main.js"]
