import type { Actor } from '../../platform/auth/actor.js';
import { type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import {
  attendanceBody,
  attendanceSchema,
  decisionBody,
  decisionSchema,
  juryBody,
  juryCreatedSchema,
  juryListQuery,
  juryListSchema,
  jurySchema,
} from './juries.schemas.js';
import type { JuriesService } from './juries.service.js';

const tags = ['juries'];
const CONVENERS = ['admin', 'branch_manager'] as const;
const READERS = ['admin', 'branch_manager', 'jury_member'] as const;

/** Jury sessions: convening, reading, attendance, decisions (no update nor delete of a decision). */
export function registerJuryRoutes(root: Http, juries: JuriesService) {
  root.post(
    '/api/v1/juries',
    {
      config: { access: CONVENERS },
      schema: {
        tags,
        summary: 'Convoquer une session de jury paritaire : certifications, date, lieu, membres, parcours',
        description:
          '422 nommant la règle de composition enfreinte (errors[].pointer #/members, le chemin de la règle dans le détail), un membre sans habilitation valable à la date pour chaque certification (members/N/userId), un parcours qui n’est pas « Prêt·e pour le jury » ou déjà inscrit à une autre session en cours (candidacyIds/N), une date passée. Le collège et l’organisation de chaque membre viennent de son habilitation ; chaque membre reçoit sa convocation par e-mail avec une invitation de calendrier (.ics).',
        body: juryBody,
        response: { 201: juryCreatedSchema, ...problemResponses(400, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await juries.create(request.body, request.actor as Actor, request.id)),
  );

  root.get(
    '/api/v1/juries',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary:
          'Les sessions de jury : celles de ses branches (personnel de branche), celles où l’on siège (membres de jury)',
        querystring: juryListQuery,
        response: { 200: juryListSchema, ...problemResponses(400) },
      },
    },
    async (request) => juries.list(request.query, request.actor as Actor),
  );

  root.get(
    '/api/v1/juries/:id',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary:
          'Une session de jury : membres et présence, quorum, parcours avec leurs blocs, les propositions des évaluateurs, la décision en vigueur et son historique',
        params: uuidParam,
        response: { 200: jurySchema, ...problemResponses(404) },
      },
    },
    async (request) => juries.get(request.params.id, request.actor as Actor),
  );

  root.put(
    '/api/v1/juries/:id/attendance',
    {
      config: { access: ['admin', 'branch_manager', 'jury_member'] },
      schema: {
        tags,
        summary:
          'Enregistrer la présence des membres (présent, à distance, absent) ; le quorum atteint ouvre la délibération',
        params: uuidParam,
        body: attendanceBody,
        response: { 200: attendanceSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      juries.putAttendance(request.params.id, request.body, request.actor as Actor, request.id),
  );

  root.post(
    '/api/v1/juries/:id/decisions',
    {
      config: { access: ['admin', 'branch_manager', 'jury_member'] },
      schema: {
        tags,
        summary:
          'Enregistrer la décision du jury sur un parcours, bloc par bloc (ou une correction : nouvelle décision nommant celle qu’elle remplace)',
        description:
          'Les décisions ne sont jamais modifiées ni supprimées. 422 quand le résultat ne correspond pas aux blocs (outcome), un bloc inconnu (blocs/N/code), des votes manquants ou une majorité non atteinte (votes) ; 409 quand le quorum n’est pas atteint ou la session close.',
        params: uuidParam,
        body: decisionBody,
        response: { 201: decisionSchema, ...problemResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await juries.decide(request.params.id, request.body, request.actor as Actor, request.id)),
  );
}
