import { type FieldError, fieldError } from '../../platform/problem.js';

export type RegistryFileErrorDetails = {
  /** 1-based line in the XML file, or in the CSV file named by `file`. */
  line?: number;
  /** 1-based column (XML only). */
  column?: number;
  /** The fiche being read, when known (e.g. RNCP34762). */
  fiche?: string;
  /** The element (XML) or column (CSV) at fault, e.g. DATE_EFFET or Date_Effet. */
  element?: string;
  /** The CSV file inside the zip. */
  file?: string;
};

/**
 * A registry export that cannot be imported: unsafe (DOCTYPE, entities), malformed or
 * truncated, or a value that does not follow the export's format. The message is French and
 * meant for the person who uploaded the file; `errors` has the same text in the shape
 * `problems.unprocessable(errors, detail)` expects.
 */
export class RegistryFileError extends Error {
  readonly errors: FieldError[];
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly fiche: string | undefined;
  readonly element: string | undefined;
  readonly file: string | undefined;

  constructor(message: string, details: RegistryFileErrorDetails = {}) {
    super(message);
    this.name = 'RegistryFileError';
    this.line = details.line;
    this.column = details.column;
    this.fiche = details.fiche;
    this.element = details.element;
    this.file = details.file;
    const path: string[] = ['file'];
    if (details.file) path.push(details.file);
    if (details.fiche) path.push(details.fiche);
    if (details.element) path.push(details.element);
    this.errors = [fieldError(path, message)];
  }
}

/** « ligne 12, colonne 4 » / « ligne 12 » / '' */
export function where(line?: number, column?: number): string {
  if (line === undefined) return '';
  return column === undefined ? `ligne ${line}` : `ligne ${line}, colonne ${column}`;
}
