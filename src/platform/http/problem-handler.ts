import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type FieldError, Problem, problems } from '../problem.js';

export function sendProblem(reply: FastifyReply, problem: Problem, request: FastifyRequest) {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json')
    .send(problem.toBody(request.url.split('?')[0]));
}

function fromFastifyError(error: FastifyError, request: FastifyRequest): Problem {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors: FieldError[] = error.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      return {
        pointer: `#${v.instancePath === '/' ? '' : v.instancePath}`,
        field: path.join('.'),
        in: where,
        detail: v.message ?? 'Valeur invalide.',
      };
    });
    return problems.validation(errors);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return problems.payloadTooLarge(Number(error.message.match(/\d+/)?.[0] ?? 0));
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const type = request.headers['content-type'];
    return new Problem(
      415,
      'unsupported-media-type',
      'Type de contenu non pris en charge',
      type
        ? `Cette route n’accepte pas le type de contenu ${String(type).split(';')[0]}.`
        : 'Indiquez le type du contenu envoyé (en-tête Content-Type).',
    );
  }
  if (
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return problems.validation([], 'Le corps de la requête n’est pas un JSON valide.');
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new Problem(error.statusCode, 'http', 'Requête refusée', error.message);
  }
  return problems.internal();
}

/** Every error leaves as RFC 9457 application/problem+json; 5xx details stay in the logs. */
export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = error instanceof Problem ? error : fromFastifyError(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem, request);
  });
}
