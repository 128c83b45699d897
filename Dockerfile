# scarecrow: the CLI, its workers and the dashboard in one image. TypeScript runs through tsx, so there is no build step.
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY bin ./bin
COPY cli ./cli
COPY in-process ./in-process
COPY pipeline ./pipeline
COPY simulator ./simulator
COPY workers ./workers
COPY seeds ./seeds
RUN mkdir -p /app/output /app/configs && chown node:node /app/output

USER node
# SIGTERM reaches node directly (exec form), so workers finish or hand back their jobs before the container stops.
ENTRYPOINT ["node", "bin/scarecrow.js"]
CMD ["--help"]
