import { z } from 'zod';
import type { Db } from './db/connect.js';
import { type Http, problemResponses } from './http/schemas.js';

/**
 * Development only (registered when mail goes to the outbox, which production refuses):
 * shows the messages Qualif would have sent, so a reset link can be followed locally. Admins
 * only: the messages hold password-reset links, i.e. the accounts themselves.
 */
export function registerOutboxRoutes(app: Http, db: Db) {
  app.get(
    '/api/v1/dev/outbox',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['développement'],
        summary: 'Boîte d’envoi de développement (absente en production ; admins seulement)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                to: z.string(),
                subject: z.string(),
                text: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...problemResponses(401, 403),
        },
      },
    },
    async () => {
      const rows = await db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(50).execute();
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          to: r.recipient,
          subject: r.subject,
          text: r.body_text,
          createdAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );
}
