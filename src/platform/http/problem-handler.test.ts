import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { refusalDetail, registerProblemHandler } from './problem-handler.js';

/** A framework or plugin error as Fastify raises it: English message, a code, a 4xx status. */
function frameworkRefusal(statusCode: number, code: string, message: string) {
  return Object.assign(new Error(message), { statusCode, code });
}

describe('4xx raised by Fastify or a plugin', () => {
  it('answers a French detail chosen by code or status, never the English message (which may quote the request)', async () => {
    const app = Fastify({ logger: false });
    registerProblemHandler(app);
    const raised = [
      frameworkRefusal(
        400,
        'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
        'Request body size did not match Content-Length',
      ),
      frameworkRefusal(405, 'FST_ERR_SOMETHING', "Method 'PATCH' not allowed for /api/v1/candidates/Dupont"),
      frameworkRefusal(418, 'FST_ERR_TEAPOT', 'I am a teapot, Jean Dupont'),
    ];
    for (const [i, error] of raised.entries()) {
      app.get(`/r${i}`, async () => {
        throw error;
      });
    }
    const answers = await Promise.all(raised.map((_, i) => app.inject({ method: 'GET', url: `/r${i}` })));
    expect(answers.map((a) => a.statusCode)).toEqual([400, 405, 418]);
    expect(answers.map((a) => a.json().detail)).toEqual([
      'La taille du corps reçu ne correspond pas à l’en-tête Content-Length.',
      'Cette méthode n’est pas acceptée à cette adresse.',
      'La requête a été refusée (code 418).',
    ]);
    for (const a of answers) {
      expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(a.body).not.toMatch(/Dupont|teapot|did not match/);
    }
    await app.close();
  });

  it('has a French sentence for every status a browser or client commonly meets', () => {
    for (const status of [400, 401, 403, 404, 405, 406, 408, 409, 411, 413, 414, 415, 429, 431]) {
      expect(refusalDetail({ statusCode: status })).not.toMatch(/code \d+/);
    }
  });
});
