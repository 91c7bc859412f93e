import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from './db/connect.js';
import { type Http, problemResponses } from './http/schemas.js';
import { Problem } from './problem.js';

export function registerHealthRoutes(app: Http, db: Db) {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exploitation'],
        summary: 'Le processus répond',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exploitation'],
        summary: 'La base de données répond',
        response: { 200: z.object({ status: z.literal('ready') }), ...problemResponses(503) },
      },
    },
    async (request) => {
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable');
        throw new Problem(503, 'not-ready', 'Service indisponible', 'La base de données ne répond pas.');
      }
      return { status: 'ready' as const };
    },
  );
}
