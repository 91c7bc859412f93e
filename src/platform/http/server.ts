import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Actor } from '../auth/actor.js';
import { problems } from '../problem.js';
import { registerAccessControl } from './access.js';
import { installFrenchErrors } from './french-errors.js';
import { registerInputGuard } from './inputs.js';
import { openapiTransform, withoutUnusedSchemas } from './openapi.js';
import {
  clientErrorHandler,
  frameworkError,
  registerProblemHandler,
  sendProblem,
} from './problem-handler.js';
import { securityHeaders } from './security-headers.js';
import './types.js';

installFrenchErrors();

export type HttpOptions = {
  logLevel: string;
  bodyLimitBytes: number;
  /** Limit of the spreadsheet parser alone (framework import); default bodyLimitBytes. */
  xlsxMaxBytes?: number;
  trustProxy: boolean;
  publicUrl: string;
  /** Folder of the built web app; served at / when it exists. */
  webDir: string | undefined;
  resolveSession: (token: string) => Promise<Actor | null>;
  version: string;
};

function isFile(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Logs carry the request id, method, path and status, never a query string (it may hold
 * an email or a token), a body, a cookie or the client address.
 */
const logger: FastifyServerOptions['logger'] = {
  serializers: {
    req: (req) => ({ method: req.method, path: req.url.split('?')[0] }),
    res: (res) => ({ statusCode: res.statusCode }),
  },
  redact: { paths: ['*.password', '*.token', '*.cookie', '*.authorization'], censor: '[hidden]' },
};

/** Longest path parameter (ids, codes); 414 beyond. */
export const MAX_PARAM_LENGTH = 200;

export async function createHttpServer(opts: HttpOptions): Promise<FastifyInstance> {
  const headers = securityHeaders(opts.publicUrl);
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { ...(logger as object), level: opts.logLevel },
    bodyLimit: opts.bodyLimitBytes,
    trustProxy: opts.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // Malformed URLs, over-long path parameters and requests node's parser refuses (header
    // overflow, timeouts) answer problem+json too.
    frameworkErrors: (error, request, reply) => {
      reply.headers(headers);
      return sendProblem(reply, frameworkError(error), request);
    },
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  // Spreadsheet uploads (framework import) arrive as raw bytes, under their own limit: a
  // route-level bodyLimit would raise the JSON and text parsers' limit on that route as well.
  app.addContentTypeParser(
    XLSX_MEDIA_TYPE,
    { parseAs: 'buffer', bodyLimit: opts.xlsxMaxBytes ?? opts.bodyLimitBytes },
    (_request, body, done) => done(null, body),
  );

  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });

  await app.register(fastifyCookie);
  // Before the access gate: control characters never reach a session lookup or a handler.
  registerInputGuard(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Qualif API',
        version: opts.version,
        description:
          'API de Qualif. Les erreurs suivent la RFC 9457 (application/problem+json) ; `errors[]` nomme chaque champ invalide.',
      },
      servers: [{ url: opts.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qualif_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: openapiTransform,
    // Registers schemas named with .meta({ id }) under components.schemas.
    transformObject: (input) => withoutUnusedSchemas(jsonSchemaTransformObject(input)),
  });

  registerAccessControl(app, opts.resolveSession, new URL(opts.publicUrl).origin);

  // Third-party routes (API docs, static files) are public by nature.
  await app.register(async (pub) => {
    pub.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: route.config?.access ?? 'public' };
    });
    await pub.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: false });
  });

  const webDir = opts.webDir && existsSync(path.join(opts.webDir, 'index.html')) ? opts.webDir : undefined;
  // Only the reply.sendFile helper: the not-found handler below serves the web app's files.
  await app.register(fastifyStatic, { root: webDir ?? process.cwd(), serve: false });

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.setNotFoundHandler((request, reply) => {
    // The web app owns every other GET path: its files, else index.html (client-side routing).
    const pathname = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (webDir && (request.method === 'GET' || request.method === 'HEAD') && !pathname.startsWith('/api/')) {
      const file = path.normalize(pathname).replace(/^[/\\]+/, '');
      if (file && !file.startsWith('..') && isFile(path.join(webDir, file))) {
        // Vite names assets by content hash: they never change.
        if (file.startsWith('assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
        return reply.sendFile(file);
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(
      reply,
      problems.notFound(`Aucune route ${request.method} ${request.url.split('?')[0]}.`),
      request,
    );
  });

  return app;
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>;
