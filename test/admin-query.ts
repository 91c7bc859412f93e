import pg from 'pg';

/** One statement on a PostgreSQL server outside any test or bench database (create / drop database). */
export async function adminQuery(serverUrl: string, text: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
