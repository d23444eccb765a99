import pg from 'pg';
import type { Resource, ResourceSize } from '../../../../shared/features/resources/api';
import { resourceObjectName, type ResourceDriver } from '../resource-driver';
import { scramSha256Verifier } from './scram-verifier';

/** Connections a database of each size may hold (CREATE ROLE … CONNECTION LIMIT). */
export const postgresConnectionLimit: Record<ResourceSize, number> = { small: 5, medium: 20, large: 50 };

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function databaseUrl(adminUrl: string, name: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = name;
  url.password = password;
  url.pathname = `/${name}`;
  url.search = '';
  return url.toString();
}

/**
 * A real role and database per resource on the configured cluster: the role can log in with a
 * random password and a connection limit by size, owns its database, and nobody else (PUBLIC) may
 * connect to it.
 */
export function createPostgresDriver(adminUrl: string): ResourceDriver {
  const setRole = async (client: pg.Client, resource: Resource, password: string) => {
    const name = resourceObjectName(resource);
    const role = client.escapeIdentifier(name);
    const limit = postgresConnectionLimit[resource.size];
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
    // DDL takes no bind parameters, so the statement carries a SCRAM verifier, never the password:
    // statement logs, pg_stat_activity and error messages see only the verifier.
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    await client.query(
      `${verb} ROLE ${role} LOGIN PASSWORD ${client.escapeLiteral(scramSha256Verifier(password))} CONNECTION LIMIT ${limit}`,
    );
    return exists.rowCount ? 'updated' : 'created';
  };

  return {
    async provision(resource, password, log) {
      const name = resourceObjectName(resource);
      return withAdmin(adminUrl, async (client) => {
        const roleState = await setRole(client, resource, password);
        await log(`role ${name} ${roleState} (connection limit ${postgresConnectionLimit[resource.size]})`);
        const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!db.rowCount) {
          await client.query(
            `CREATE DATABASE ${client.escapeIdentifier(name)} OWNER ${client.escapeIdentifier(name)}`,
          );
          await log(`database ${name} created`);
        } else {
          await log(`database ${name} already exists`);
        }
        await client.query(
          `REVOKE CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(name)} FROM PUBLIC`,
        );
        await log('CONNECT revoked from PUBLIC');
        const url = new URL(adminUrl);
        return {
          connection: {
            host: url.hostname,
            port: Number(url.port || 5432),
            database: name,
            user: name,
            connectionLimit: postgresConnectionLimit[resource.size],
          },
          secrets: { DATABASE_URL: databaseUrl(adminUrl, name, password) },
        };
      });
    },
    async deprovision(resource, log) {
      const name = resourceObjectName(resource);
      await withAdmin(adminUrl, async (client) => {
        const killed = await client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 OR usename = $1',
          [name],
        );
        await log(`terminated ${killed.rowCount ?? 0} connection(s)`);
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
        await log(`database ${name} dropped`);
        await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(name)}`);
        await log(`role ${name} dropped`);
      });
    },
    async rotate(resource, password) {
      const name = resourceObjectName(resource);
      await withAdmin(adminUrl, (client) => setRole(client, resource, password));
      return { DATABASE_URL: databaseUrl(adminUrl, name, password) };
    },
  };
}
