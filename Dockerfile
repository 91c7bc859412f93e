# Qualif production image: Node 24 LTS, built app only, non-root.
# docker build -t qualif . && docker run -e DATABASE_URL=... -e SESSION_SECRET=... -e PUBLIC_URL=... -e SMTP_URL=... -p 3000:3000 qualif
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/reference ./reference
# The eligibility rules (YAML) are read at start from the source tree, beside dist/.
COPY --from=build /app/src/modules/eligibility/rules ./src/modules/eligibility/rules
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/app/cli.js", "serve"]
