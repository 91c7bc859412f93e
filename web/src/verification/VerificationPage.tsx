import { Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SearchBox } from '../ui/SearchBox';
import { useVerificationByCode, useVerifyDocument } from './api';
import { VerificationResult } from './VerificationResult';

/**
 * `/verifier` and `/verifier/:code` (the certificate's QR code opens the latter): anyone checks
 * a certificate by its code, or by the document itself — the certificate PDF or the signed
 * credential (JSON) — and reads the verdict (valide, révoqué, suspendu, falsifié), what Qualif
 * certifies and each check in words. Public: no sign-in.
 */
export function VerificationPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const byCode = useVerificationByCode(code);
  const upload = useVerifyDocument();
  const [file, setFile] = useState<File | null>(null);

  const searchCode = (text: string) => {
    upload.reset();
    const typed = text.trim();
    navigate(typed ? `/verifier/${encodeURIComponent(typed)}` : '/verifier');
  };

  const submitFile = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (code) navigate('/verifier');
    upload.mutate(file);
  };

  return (
    <Page title="Vérifier un certificat">
      <Text>
        Un certificat délivré par Qualif porte un code de vérification sous son QR code. Saisissez ce code, ou
        déposez le certificat (PDF) ou l’attestation numérique (JSON) : Qualif vérifie sa signature, son
        émetteur, son statut et qu’il n’a pas été modifié.
      </Text>
      <SearchBox
        label="Code de vérification"
        description="Par exemple Q7K2-M9XD-4TPA (majuscules, espaces et tirets indifférents)"
        value={code ?? ''}
        onSearch={searchCode}
        submitLabel="Vérifier"
        formLabel="Vérifier un certificat par son code"
      />
      <Stack gap="xs" component="section" aria-labelledby="verifier-document">
        <Title order={2} size="h4" id="verifier-document">
          Ou vérifier le document
        </Title>
        <form onSubmit={submitFile} aria-label="Vérifier un certificat par son document">
          <Group align="flex-end">
            <FileInput
              label="Certificat (PDF) ou attestation numérique (JSON)"
              description="Le fichier est envoyé à Qualif pour la vérification, puis oublié."
              placeholder="Choisir un fichier"
              accept=".pdf,.json,application/pdf,application/json"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                upload.reset();
              }}
              clearable
              clearButtonProps={{ 'aria-label': 'Retirer le fichier choisi' }}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              Vérifier le document
            </Button>
          </Group>
        </form>
      </Stack>
      {upload.isPending && <Loading label="Vérification du document…" />}
      {upload.isError && <ProblemAlert error={upload.error} title="Ce document ne peut pas être vérifié" />}
      {upload.data && (
        <VerificationResult
          answer={upload.data}
          heading={`Résultat pour le fichier « ${file?.name ?? ''} »`}
        />
      )}
      {code && !upload.data && !upload.isPending && (
        <>
          {byCode.isPending && <Loading label="Vérification du code…" />}
          {byCode.isError && (
            <ProblemAlert
              error={byCode.error}
              title={
                byCode.error instanceof ApiError && byCode.error.status === 404 ? 'Code inconnu' : undefined
              }
            />
          )}
          {byCode.data && (
            <VerificationResult answer={byCode.data} heading={`Résultat pour le code ${code}`} />
          )}
        </>
      )}
    </Page>
  );
}
