import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Resource } from '../../../../shared/features/resources/api';
import { createPostgresDriver } from '../../../../server/features/resources/drivers/postgres-resource';
import { scramSha256Verifier } from '../../../../server/features/resources/drivers/scram-verifier';
import { resourceObjectName } from '../../../../server/features/resources/resource-driver';

/**
 * Issue 13, finding 10: database passwords travelled in CREATE/ALTER ROLE text (statement logs,
 * pg_stat_activity). The driver now sends a SCRAM-SHA-256 verifier computed here; every statement
 * any pg client sends during the test is captured to prove the password is in none of them.
 */
const adminUrl = inject('pgAdminUrl');
const sent: string[] = [];
const original = pg.Client.prototype.query;
beforeAll(() => {
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    sent.push(typeof first === 'string' ? first : JSON.stringify(first));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original);
});
afterAll(() => vi.restoreAllMocks());

const resource = {
  id: randomUUID(),
  serviceId: 'svc',
  environment: 'development',
  kind: 'postgres',
  size: 'small',
} as Resource;
const password = () => randomBytes(24).toString('base64url');

async function loginWorks(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ user: string }>('SELECT current_user AS user')).rows[0]!.user;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL resource roles', () => {
  const driver = createPostgresDriver(adminUrl);
  afterAll(() => driver.deprovision(resource, async () => {}));

  it('log in with the password while no statement ever carried it, on create and on rotation', async () => {
    const first = password();
    const provisioned = await driver.provision(resource, first, async () => {});
    const url = provisioned.secrets.DATABASE_URL!;
    expect(await loginWorks(url)).toBe(resourceObjectName(resource));

    const second = password();
    const rotated = (await driver.rotate(resource, second)).DATABASE_URL!;
    expect(await loginWorks(rotated)).toBe(resourceObjectName(resource));
    await expect(loginWorks(url)).rejects.toThrow(/password authentication failed/);

    const roleStatements = sent.filter((text) => /\b(CREATE|ALTER) ROLE\b/.test(text));
    expect(roleStatements).toHaveLength(2);
    for (const text of roleStatements) expect(text).toMatch(/PASSWORD 'SCRAM-SHA-256\$4096:/);
    for (const secret of [first, second]) expect(sent.filter((text) => text.includes(secret))).toEqual([]);

    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const stored = await admin.query<{ rolpassword: string }>(
        'SELECT rolpassword FROM pg_authid WHERE rolname = $1',
        [resourceObjectName(resource)],
      );
      expect(stored.rows[0]?.rolpassword).toMatch(
        /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/,
      );
    } finally {
      await admin.end();
    }
  });

  it('computes the RFC 5802 keys: the same salt gives the same verifier, another salt another one', () => {
    const salt = Buffer.alloc(16, 7);
    expect(scramSha256Verifier('pencil', salt)).toBe(scramSha256Verifier('pencil', salt));
    expect(scramSha256Verifier('pencil', salt)).not.toBe(scramSha256Verifier('pencil', Buffer.alloc(16, 8)));
    expect(scramSha256Verifier('pencil', salt)).toMatch(/^SCRAM-SHA-256\$4096:BwcHBwcHBwcHBwcHBwcHBw==\$/);
    expect(() => scramSha256Verifier('naïve')).toThrow(/printable ASCII/);
  });
});
