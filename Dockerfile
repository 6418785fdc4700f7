# One image runs every service of the customer graph; the SERVICE environment variable picks which
# (gateway, desk; later inventory, billing, books, projects). See docker-compose.yml.

# ---- build: compile TypeScript to dist/ ------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci

COPY . .
RUN npm run build

# `npm run build` also copies supergraph.graphql and each subgraph's schema.graphql into dist/,
# where the compiled services read them.

# ---- runtime: production dependencies and the compiled code only -----------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY --from=build /app/dist ./dist

USER node
# dist/scripts/service.js starts the service named by SERVICE.
CMD ["node", "dist/scripts/service.js"]
