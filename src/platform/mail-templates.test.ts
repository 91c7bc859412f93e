import { describe, expect, it } from 'vitest';
import { frenchDate, MAIL_TEMPLATE_NAMES, MAIL_TEMPLATE_REFS, renderMail } from './mail-templates.js';

describe('mail templates', () => {
  it('write calendar dates in French, as the date itself whatever the time zone', () => {
    expect(frenchDate('2026-12-01')).toBe('mardi 1 décembre 2026');
    expect(frenchDate('2027-01-31')).toBe('dimanche 31 janvier 2027');
    expect(() => frenchDate('2026-13-01')).toThrow(RangeError);
    expect(() => frenchDate('01/12/2026')).toThrow(RangeError);
  });

  it('render each template in French with its values and the link to the space', () => {
    const url = 'https://qualif.example.org';
    const enrolled = renderMail(
      'candidacy.enrolled',
      { certificationTitle: 'CQP Opérateur', enrolledOn: '2026-12-01', organisationName: 'Alpha Formation' },
      url,
    );
    expect(enrolled.subject).toBe('Votre inscription au CQP Opérateur');
    expect(enrolled.text).toContain('a été enregistrée le mardi 1 décembre 2026 par Alpha Formation.');
    expect(enrolled.text).toContain(`${url}/`);
    const scheduled = renderMail(
      'assessment.scheduled',
      { certificationTitle: 'CQP Opérateur', date: '2027-03-02', blocs: ['BC01 Préparer', 'BC02 Conduire'] },
      url,
    );
    expect(scheduled.subject).toBe('Évaluation programmée le mardi 2 mars 2027');
    expect(scheduled.text).toContain('  - BC01 Préparer\n  - BC02 Conduire\n');
    const result = renderMail(
      'assessment.result_available',
      { certificationTitle: 'CQP Opérateur', blocs: ['BC01 Préparer'] },
      url,
    );
    expect(result.subject).toBe('Résultat de votre évaluation — CQP Opérateur');
    expect(result.text).toContain('est disponible');
    const link = `${url}/reinitialiser-mot-de-passe?token=abc`;
    const invitation = renderMail('candidate.invitation', { link, validDays: 7 }, url);
    expect(invitation.subject).toBe('Qualif — créez votre compte pour suivre votre parcours');
    expect(invitation.text).toContain(`${link}\n`);
    expect(invitation.text).toContain('Il est valable 7 jours et une seule fois.');
    for (const mail of [enrolled, scheduled, result, invitation]) {
      expect(mail.text.startsWith('Bonjour,\n\n')).toBe(true);
      expect(mail.text).toContain('merci de ne pas y répondre');
    }
  });

  it('the award’s « issued » email says where it is, never the result', () => {
    const mail = renderMail(
      'award.issued',
      { certificationTitle: 'CQP Opérateur' },
      'https://qualif.example.org',
    );
    expect(mail.subject).toBe('Votre certification est disponible dans votre espace');
    expect(mail.text).toContain('Votre certification est disponible dans votre espace');
    expect(mail.text).toContain('https://qualif.example.org/mon-parcours');
    expect(mail.text).not.toMatch(/bloc|valid|refus|partiel/i);
  });

  it('a jury convocation names the session and carries its calendar event (.ics)', () => {
    const values = {
      juryId: '0b7e6f4e-3c1a-4f0e-9d55-2a8f1c1d2e3f',
      certificationTitles: ['CQP Opérateur'],
      date: '2027-03-02',
      startsAt: '09:30',
      place: 'Lyon, 3 rue des Jurys',
      remote: false,
      role: 'president' as const,
      stamp: '2026-12-01T08:00:00.000Z',
    };
    const mail = renderMail('jury.convocation', values, 'https://qualif.example.org');
    expect(mail.subject).toBe('Convocation au jury du mardi 2 mars 2027');
    expect(mail.text).toContain('comme président·e au jury paritaire du mardi 2 mars 2027 à 09 h 30');
    expect(mail.text).toContain('https://qualif.example.org/jurys/0b7e6f4e-3c1a-4f0e-9d55-2a8f1c1d2e3f');
    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments?.[0]?.content ?? '';
    expect(ics).toContain('UID:jury-0b7e6f4e-3c1a-4f0e-9d55-2a8f1c1d2e3f@qualif\r\n');
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20270302T093000\r\n');
    expect(ics).toContain('LOCATION:Lyon\\, 3 rue des Jurys\r\n');
    const remote = renderMail(
      'jury.convocation',
      { ...values, startsAt: null, place: null, remote: true, role: 'member' },
      'https://qualif.example.org',
    );
    expect(remote.text).toContain('Lieu : À distance.');
    expect(remote.attachments?.[0]?.content).toContain('DTSTART;VALUE=DATE:20270302\r\n');
    expect(remote.attachments?.[0]?.content).toContain('LOCATION:À distance\r\n');
  });

  it('each template takes ids only, and refuses anything else', () => {
    const id = '0b7e6f4e-3c1a-4f0e-9d55-2a8f1c1d2e3f';
    expect(MAIL_TEMPLATE_NAMES).toEqual([
      'candidacy.enrolled',
      'candidate.invitation',
      'assessment.scheduled',
      'assessment.result_available',
      'jury.convocation',
      'jury.outcome_available',
      'award.revoked',
      'award.issued',
      'jury.reminder',
      'cdc.reminder',
    ]);
    // The invitation's job names the account only: its link is issued when the email is sent.
    expect(MAIL_TEMPLATE_REFS['candidate.invitation'].safeParse({ userId: id }).success).toBe(true);
    expect(MAIL_TEMPLATE_REFS['candidate.invitation'].safeParse({ userId: id, token: 'x' }).success).toBe(
      false,
    );
    expect(MAIL_TEMPLATE_REFS['candidacy.enrolled'].safeParse({ candidacyId: id }).success).toBe(true);
    expect(
      MAIL_TEMPLATE_REFS['candidacy.enrolled'].safeParse({ candidacyId: 'marie@example.org' }).success,
    ).toBe(false);
    expect(
      MAIL_TEMPLATE_REFS['candidacy.enrolled'].safeParse({ candidacyId: id, email: 'x@y.z' }).success,
    ).toBe(false);
    expect(MAIL_TEMPLATE_REFS['assessment.scheduled'].safeParse({ candidacyId: id }).success).toBe(false);
    // The CDC reminder names a branch and a day: counts are computed when it is sent.
    expect(MAIL_TEMPLATE_REFS['cdc.reminder'].safeParse({ branchId: id, on: '2026-12-02' }).success).toBe(
      true,
    );
    expect(
      MAIL_TEMPLATE_REFS['cdc.reminder'].safeParse({ branchId: id, on: '2026-12-02', late: 3 }).success,
    ).toBe(false);
  });
});
