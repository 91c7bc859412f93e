import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file that says which process has the embedded database of a data folder open. */
export const LOCK_FILE = 'qualif.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder (the CLI while
 * the server runs) would write over it. Takes the folder's lock or throws a French message
 * saying who holds it; a lock left by a process that no longer runs is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(
          `La base embarquée de ${dataDir} est déjà ouverte par un autre processus Qualif (pid ${holder}). ` +
            'Une base PGlite ne s’ouvre que dans un processus à la fois : arrêtez le serveur avant de ' +
            'lancer cette commande, faites-le depuis l’interface (par exemple l’import du registre), ' +
            `ou utilisez un serveur PostgreSQL (DATABASE_URL). Si aucun processus Qualif n’utilise ce dossier, ` +
            `supprimez ${file}.`,
        );
      }
      // Left by a process that stopped without releasing it.
      unlinkSync(file);
    }
  }
  throw new Error(`Impossible de prendre le verrou ${file}.`);
}
