import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OpenFeature, ProviderEvents, type Provider } from '@openfeature/server-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluateFlag, flagBucket } from '../../../../shared/features/flags/bucket';
import type { RuntimeFlag } from '../../../../shared/features/flags/api';
import { waitFor } from '../../../harness/wait-for';
import { GOLDEN_BUCKETS } from '../../../shared/features/flags/golden-buckets';

/**
 * The http-service template's OpenFeature provider (resources/templates/http-service/pave-flags.js)
 * with the real @openfeature/server-sdk, against a real local HTTP server that serves flag
 * definitions the way the platform's /v1/runtime/flags does (bearer key, ETag, 304).
 */

interface ProviderModule {
  PaveFlagsProvider: new (options: {
    url: string;
    key: string;
    pollIntervalMs?: number;
    timeoutMs?: number;
    log?: (level: string, message: string, fields?: Record<string, unknown>) => void;
  }) => Provider;
  flagBucket: typeof flagBucket;
  evaluateFlag: typeof evaluateFlag;
}

// The template's own file, copied as a rendered service holds it: beside a package.json of type
// module and a node_modules (the template folder's package.json is a template, not JSON).
const providerSource = fileURLToPath(
  new URL('../../../../resources/templates/http-service/pave-flags.js', import.meta.url),
);
let serviceDir: string;
let template: ProviderModule;

const KEY = 'pave_flags_test-key';

/** A stand-in for the platform's runtime endpoint: real HTTP, real ETags, counts what it answered. */
function flagsServer() {
  let flags: RuntimeFlag[] = [];
  const answered: number[] = [];
  const server = http.createServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${KEY}`) {
      answered.push(401);
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { code: 'unauthorized', message: 'unknown or expired flags key' } }),
      );
      return;
    }
    const body = JSON.stringify({ serviceId: 'svc', environment: 'development', flags });
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      answered.push(304);
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    answered.push(200);
    response.writeHead(200, { 'content-type': 'application/json', etag });
    response.end(body);
  });
  return {
    answered,
    set: (next: RuntimeFlag[]) => void (flags = next),
    async listen(port = 0): Promise<string> {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/runtime/flags`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let served: ReturnType<typeof flagsServer>;
let url: string;

beforeAll(async () => {
  serviceDir = await mkdtemp(path.join(tmpdir(), 'pave-flags-provider-'));
  await copyFile(providerSource, path.join(serviceDir, 'pave-flags.js'));
  await writeFile(path.join(serviceDir, 'package.json'), '{ "type": "module" }\n');
  await symlink(path.resolve('node_modules'), path.join(serviceDir, 'node_modules'));
  const file = pathToFileURL(path.join(serviceDir, 'pave-flags.js')).href;
  template = (await import(/* @vite-ignore */ file)) as ProviderModule;
});

afterEach(async () => {
  await OpenFeature.close();
  await served?.close();
});

afterAll(async () => {
  await OpenFeature.close();
  if (serviceDir) await rm(serviceDir, { recursive: true, force: true });
});

async function start(flags: RuntimeFlag[], domain: string, key = KEY) {
  served = flagsServer();
  served.set(flags);
  url = await served.listen();
  const logs: string[] = [];
  const provider = new template.PaveFlagsProvider({
    url,
    key,
    pollIntervalMs: 30,
    log: (level, message, fields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
  });
  return { provider, logs, client: () => OpenFeature.getClient(domain) };
}

describe('the bucket the template copies', () => {
  it.each(GOLDEN_BUCKETS)('agrees with the platform for %s / %s', (flagKey, targetingKey, bucket) => {
    expect(template.flagBucket(flagKey, targetingKey)).toBe(bucket);
    expect(flagBucket(flagKey, targetingKey)).toBe(bucket);
  });

  it('evaluates every rule as the platform does', () => {
    for (const enabled of [true, false]) {
      for (const rolloutPercent of [0, 1, 17, 18, 50, 99, 100]) {
        for (const who of [undefined, '', 'alice', 'bob', 'user-3']) {
          const flag = { key: 'new-checkout', enabled, rolloutPercent };
          expect(template.evaluateFlag(flag, who)).toEqual(evaluateFlag(flag, who));
        }
      }
    }
  });
});

describe('PaveFlagsProvider with @openfeature/server-sdk', () => {
  it('resolves booleans with their reasons; unknown flags give the default', async () => {
    const { provider, client } = await start(
      [
        { key: 'shout', enabled: true, rolloutPercent: 100 },
        { key: 'off', enabled: false, rolloutPercent: 100 },
        { key: 'half', enabled: true, rolloutPercent: 50 },
      ],
      'reasons',
    );
    await OpenFeature.setProviderAndWait('reasons', provider);
    const flags = client();
    expect(await flags.getBooleanDetails('shout', false)).toMatchObject({
      value: true,
      reason: 'TARGETING_MATCH',
    });
    expect(await flags.getBooleanDetails('off', true)).toMatchObject({ value: false, reason: 'DISABLED' });
    // alice's bucket is 17 for new-checkout, but buckets are per flag: compute it for `half`.
    const alice = flagBucket('half', 'alice') < 50;
    expect(await flags.getBooleanValue('half', !alice, { targetingKey: 'alice' })).toBe(alice);
    expect(await flags.getBooleanDetails('half', true)).toMatchObject({ value: false, reason: 'DEFAULT' });
    expect(await flags.getBooleanDetails('missing', true)).toMatchObject({
      value: true,
      reason: 'ERROR',
      errorCode: 'FLAG_NOT_FOUND',
    });
    expect(await flags.getStringDetails('shout', 'x')).toMatchObject({
      value: 'x',
      reason: 'ERROR',
      errorCode: 'TYPE_MISMATCH',
    });
  });

  it('polls with the ETag (304s while nothing changes) and emits ConfigurationChanged on a change', async () => {
    const { provider, client } = await start(
      [{ key: 'shout', enabled: false, rolloutPercent: 100 }],
      'changes',
    );
    const changed: string[][] = [];
    provider.events?.addHandler(ProviderEvents.ConfigurationChanged, (event) =>
      changed.push((event as { flagsChanged?: string[] } | undefined)?.flagsChanged ?? []),
    );
    await OpenFeature.setProviderAndWait('changes', provider);
    expect(await client().getBooleanValue('shout', true)).toBe(false);
    await waitFor(() => served.answered.filter((status) => status === 304).length >= 2, {
      what: 'two polls answered 304',
      timeoutMs: 5000,
    });
    expect(served.answered.filter((status) => status === 200)).toHaveLength(1);

    served.set([
      { key: 'shout', enabled: true, rolloutPercent: 100 },
      { key: 'new', enabled: true, rolloutPercent: 100 },
    ]);
    await waitFor(() => changed.length > 0, { what: 'ConfigurationChanged', timeoutMs: 5000 });
    expect(changed[0]?.sort()).toEqual(['new', 'shout']);
    expect(await client().getBooleanValue('shout', false)).toBe(true);
  });

  it('keeps the last definitions while the platform is down, and follows it again when it is back', async () => {
    const { provider, client, logs } = await start(
      [{ key: 'shout', enabled: true, rolloutPercent: 100 }],
      'outage',
    );
    const stale: unknown[] = [];
    provider.events?.addHandler(ProviderEvents.Stale, (event) => stale.push(event));
    await OpenFeature.setProviderAndWait('outage', provider);
    const port = Number(new URL(url).port);

    await served.close();
    await waitFor(() => stale.length > 0, { what: 'the provider noticed the outage', timeoutMs: 5000 });
    expect(await client().getBooleanDetails('shout', false)).toMatchObject({
      value: true,
      reason: 'TARGETING_MATCH',
    });
    expect(logs.join('\n')).toContain('warn cannot read Pave flags; keeping the last definitions');

    const back = flagsServer();
    back.set([{ key: 'shout', enabled: false, rolloutPercent: 100 }]);
    await back.listen(port);
    served = back;
    await waitFor(async () => (await client().getBooleanValue('shout', true)) === false, {
      what: 'the toggle made during the outage',
      timeoutMs: 5000,
    });
    expect(logs.join('\n')).toContain('info reading Pave flags again');
  });

  it('serves defaults (reason ERROR) when its key is refused, and never logs the key', async () => {
    const { provider, client, logs } = await start(
      [{ key: 'shout', enabled: true, rolloutPercent: 100 }],
      'refused',
      'pave_flags_wrong-key',
    );
    await expect(OpenFeature.setProviderAndWait('refused', provider)).rejects.toThrow();
    expect(await client().getBooleanDetails('shout', false)).toMatchObject({ value: false, reason: 'ERROR' });
    expect(served.answered).toContain(401);
    expect(logs.join('\n')).toContain('401');
    expect(logs.join('\n')).not.toContain('wrong-key');
  });
});
