import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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
  // Its message names no limit (and the parser's own may differ from the route's).
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problems.payloadTooLarge();
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
    // Fastify's and plugins' own messages are English and may quote the request: the person
    // reads a French sentence chosen by code or status; the code goes to the log.
    request.log.info({ code: error.code, statusCode: error.statusCode }, 'request refused by the framework');
    return new Problem(error.statusCode, 'http', 'Requête refusée', refusalDetail(error));
  }
  return problems.internal();
}

const DETAIL_BY_CODE: Record<string, string> = {
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'La taille du corps reçu ne correspond pas à l’en-tête Content-Length.',
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: 'Indiquez le type du contenu envoyé (en-tête Content-Type).',
  FST_ERR_ROUTE_MISSING_CONTENT: 'Cette requête doit avoir un corps.',
  FST_ERR_CTP_EMPTY_TYPE: 'Indiquez le type du contenu envoyé (en-tête Content-Type).',
  FST_ERR_CTP_INVALID_TYPE: 'L’en-tête Content-Type est invalide.',
};

const DETAIL_BY_STATUS: Record<number, string> = {
  400: 'La requête est mal formée.',
  401: 'Connectez-vous pour continuer.',
  403: 'Vous n’avez pas accès à cette action.',
  404: 'Cette adresse ne correspond à aucune ressource.',
  405: 'Cette méthode n’est pas acceptée à cette adresse.',
  406: 'Le format de réponse demandé n’est pas disponible.',
  408: 'La requête a mis trop de temps à arriver.',
  409: 'La requête est en conflit avec l’état actuel de la ressource.',
  411: 'Indiquez la longueur du contenu (en-tête Content-Length).',
  413: 'Le contenu envoyé est trop volumineux.',
  414: 'L’adresse demandée est trop longue.',
  415: 'Ce type de contenu n’est pas pris en charge.',
  429: 'Trop de requêtes : réessayez dans un instant.',
  431: 'Les en-têtes de la requête sont trop volumineux.',
};

export function refusalDetail(error: { code?: string; statusCode?: number }): string {
  return (
    (error.code ? DETAIL_BY_CODE[error.code] : undefined) ??
    DETAIL_BY_STATUS[error.statusCode ?? 400] ??
    `La requête a été refusée (code ${error.statusCode ?? 400}).`
  );
}

/** Every error leaves as RFC 9457 application/problem+json; 5xx details stay in the logs. */
export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = error instanceof Problem ? error : fromFastifyError(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem, request);
  });
}

/** Errors Fastify raises before routing (its `frameworkErrors` option). */
export function frameworkError(error: FastifyError): Problem {
  if (error.code === 'FST_ERR_BAD_URL')
    return problems.validation([], 'L’adresse demandée est mal encodée (séquence %XX invalide).');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return uriTooLong('Un paramètre de l’adresse dépasse la longueur autorisée.');
  return problems.internal();
}

const uriTooLong = (detail: string) => new Problem(414, 'uri-too-long', 'Adresse trop longue', detail);

/** Longest request line answered 414 rather than 431 when node's parser overflows. */
const LONG_REQUEST_LINE = 8192;

/**
 * Requests node's HTTP parser refuses before Fastify sees them (header overflow, malformed
 * request, timeout): answered problem+json on the socket, then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let problem: Problem;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    problem = new Problem(408, 'request-timeout', 'Délai dépassé', 'La requête n’est pas arrivée à temps.');
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    const raw = error.rawPacket;
    const head = Buffer.isBuffer(raw) ? raw.subarray(0, LONG_REQUEST_LINE + 2).toString('latin1') : '';
    const lineEnd = head.indexOf('\r\n');
    problem =
      /^[A-Z]+ /.test(head) && (lineEnd === -1 || lineEnd > LONG_REQUEST_LINE)
        ? uriTooLong('L’adresse demandée dépasse la longueur autorisée.')
        : new Problem(
            431,
            'header-fields-too-large',
            'En-têtes trop volumineux',
            'Les en-têtes de la requête dépassent la taille autorisée.',
          );
  } else {
    problem = problems.validation([], 'La requête HTTP est mal formée.');
  }
  if (socket.writable) {
    const body = JSON.stringify(problem.toBody());
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
