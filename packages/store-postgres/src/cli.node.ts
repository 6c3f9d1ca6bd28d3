/**
 * `payweave-postgres-migrate [--url postgres://...] [--schema public]`: apply the payweave schema migrations
 * (for deploy pipelines that migrate before starting servers; `postgresStore` also migrates on first use).
 */
import process from 'node:process';
import pg from 'pg';
import { migrate } from './migrations';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const url = option('url') ?? process.env.DATABASE_URL;
const schema = option('schema') ?? 'public';
if (!url) {
  console.error('usage: payweave-postgres-migrate --url postgres://user@host:5432/db [--schema public]  (or set DATABASE_URL)');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 1 });
try {
  const applied = await migrate(pool, schema);
  console.log(`payweave: ${applied} migration(s) applied to schema ${schema}`);
} catch (error) {
  console.error(`payweave: migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
