import { useNavigate } from 'react-router';
import { SearchBox } from '../ui/SearchBox';

const NUMERO = /^\s*(RNCP|RS)\s*(\d{1,6})\s*$/i;

/** A fiche's number when that is what was typed (« rncp 35809 » → RNCP35809). */
export function ficheNumero(text: string): string | undefined {
  const match = NUMERO.exec(text);
  return match ? `${(match[1] ?? '').toUpperCase()}${match[2]}` : undefined;
}

/**
 * The registry lookup: a number opens its fiche, words search the fiches
 * (`/verifier-une-inscription?q=…`). The examples are in the shipped sample of the export.
 */
export function FicheSearchForm({ value = '' }: { value?: string }) {
  const navigate = useNavigate();
  const search = (text: string) => {
    const numero = ficheNumero(text);
    const q = text.trim();
    if (numero) navigate(`/verifier-une-inscription/${numero}`);
    else navigate(q ? `/verifier-une-inscription?q=${encodeURIComponent(q)}` : '/verifier-une-inscription');
  };
  return (
    <SearchBox
      label="Numéro de fiche ou intitulé"
      description="Par exemple RNCP35809 ou « développeur web »"
      value={value}
      onSearch={search}
      submitLabel="Vérifier"
      formLabel="Vérifier une certification"
    />
  );
}
