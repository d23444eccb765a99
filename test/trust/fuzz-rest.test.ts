import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../shared/api/errors';
import { PushResponse } from '../../shared/api/push';
import { serverFeatures } from '../../server/features';
import { EventStreams } from '../../server/http/event-stream';
import type { FeatureContext } from '../../server/platform/server-feature';
import { startPushPlatform } from '../server/sync/push-platform';
import {
  FUZZ_SEED,
  badPathValues,
  badStrings,
  deepArrays,
  deepObjects,
  hostileObjects,
  malformedJson,
  randomJson,
  wrongTypes,
} from './fuzz-inputs';
import { report, trials } from './trust-counts';

/**
 * Fuzz over every REST route the platform documents (its OpenAPI document) and every push
 * mutation it registers (issue 13): malformed JSON, wrong types, NUL and lone surrogates, huge
 * strings and deep nesting. Whatever comes in, the answer is a 2xx or a 4xx `{error:{code,message}}`
 * — never a 5xx, never a crash. Server-sent event streams (`…/events`) are fuzzed on their path
 * only: a valid request would open a stream that never ends.
 */

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

interface Probe {
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
  what: string;
}

let p: Awaited<ReturnType<typeof startPushPlatform>>;
let serviceId: string;
let teamId: string;

beforeAll(async () => {
  p = await startPushPlatform();
  teamId = await p.team('fuzz-team');
  serviceId = await p.service('fuzz-service', teamId);
});
afterAll(async () => p?.close());

const isStream = (path: string) =>
  path === '/v1/events' || (/\/events$/.test(path) && !path.includes('platform-events'));

function probesFor(path: string, method: string, op: Operation, seed: number, scale: number): Probe[] {
  const probes: Probe[] = [];
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const fill = (value: string) => path.replace(/\{(\w+)\}/g, () => value);
  const real = fill(serviceId);
  if (params.length) {
    for (const bad of badPathValues)
      probes.push({ method, url: fill(bad), what: `path ${bad.slice(0, 20)}` });
  }
  if (isStream(path)) return probes;
  const query = (op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name);
  for (const name of query) {
    for (const bad of ['%00', '%ED%A0%80', 'x'.repeat(5000), '-1', 'NaN', '[]']) {
      probes.push({ method, url: `${real}?${name}=${bad}`, what: `query ${name}=${bad.slice(0, 12)}` });
    }
  }
  if (method === 'GET' || method === 'DELETE') return probes;
  const json = (body: unknown, what: string) =>
    probes.push({ method, url: real, payload: JSON.stringify(body), contentType: 'application/json', what });
  for (const text of malformedJson) {
    probes.push({
      method,
      url: real,
      payload: text,
      contentType: 'application/json',
      what: `malformed ${text}`,
    });
  }
  probes.push({
    method,
    url: real,
    payload: deepArrays(20_000),
    contentType: 'application/json',
    what: 'deep arrays',
  });
  probes.push({
    method,
    url: real,
    payload: deepObjects(10_000),
    contentType: 'application/json',
    what: 'deep objects',
  });
  for (const value of wrongTypes) json(value, `body ${JSON.stringify(value)}`);
  for (const value of randomJson(2 * scale, seed)) json(value, 'random json');
  const fields = Object.keys(Object.values(op.requestBody?.content ?? {})[0]?.schema?.properties ?? {});
  // Every field gets each string that cannot be stored, and a huge one; the rest is random.
  for (const field of fields) {
    for (const bad of badStrings.slice(0, 5))
      json({ [field]: bad }, `${field}=${JSON.stringify(bad.slice(0, 12))}`);
  }
  for (const body of hostileObjects(fields, 4 * scale, seed + 1)) json(body, 'hostile object');
  return probes;
}

describe('fuzz: every REST route', () => {
  it('answers hostile input with a 4xx and a code, never a 5xx', { timeout: 300_000 }, async () => {
    const doc = (await p.admin('GET', '/v1/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const scale = trials(1, 10);
    const failures: string[] = [];
    let requests = 0;
    let routes = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [lower, op] of Object.entries(operations)) {
        routes += 1;
        const method = lower.toUpperCase();
        for (const probe of probesFor(path, method, op, FUZZ_SEED + routes, scale)) {
          requests += 1;
          const res = await p.app.inject({
            method: probe.method as 'GET',
            url: probe.url,
            headers: {
              authorization: `Bearer ${p.adminToken}`,
              ...(probe.contentType ? { 'content-type': probe.contentType } : {}),
            },
            ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
          });
          const where = `${probe.method} ${path} (${probe.what}) → ${res.statusCode}`;
          if (res.statusCode >= 500) failures.push(`${where}: ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400) {
            let body: unknown = null;
            try {
              body = JSON.parse(res.body);
            } catch {
              // reported below
            }
            const parsed = ApiErrorBody.safeParse(body);
            if (!parsed.success || !parsed.data.error.code)
              failures.push(`${where}: no error code: ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    report('fuzz REST', { routes, requests, failures: failures.length, seed: FUZZ_SEED });
    expect(failures).toEqual([]);
    expect(routes).toBeGreaterThan(50);
  });
});

describe('fuzz: every push mutation', () => {
  it('answers each hostile mutation applied or rejected with a code, and the batch always goes on', async () => {
    const ctx: FeatureContext = {
      app: p.app as unknown as FeatureContext['app'],
      pool: p.pool,
      options: {},
      streams: new EventStreams(),
      log: p.app.log,
    };
    const names = serverFeatures.flatMap((f) => (f.mutations?.(ctx) ?? []).map((m) => m.name));
    expect(names.length).toBeGreaterThan(20);
    const scale = trials(1, 10);
    const failures: string[] = [];
    let mutations = 0;
    let requests = 0;
    const clientId = randomUUID();
    let nextId = 1;
    for (const [i, name] of names.entries()) {
      const argsList: unknown[] = [
        ...wrongTypes,
        ...randomJson(4 * scale, FUZZ_SEED + i),
        ...hostileObjects(
          ['id', 'serviceId', 'title', 'name', 'patch', 'text', 'answers', 'teamId'],
          8 * scale,
          FUZZ_SEED + i,
        ),
        { id: serviceId, patch: { title: 'nul\u0000' } },
        JSON.parse(deepArrays(1_000)) as unknown,
      ];
      // Batches of hostile mutations, each followed by nothing: every one must be answered.
      for (let start = 0; start < argsList.length; start += 50) {
        const batch = argsList.slice(start, start + 50).map((args) => ({
          id: nextId++,
          name,
          args,
          idempotencyKey: randomUUID(),
          createdAt: new Date().toISOString(),
        }));
        mutations += batch.length;
        requests += 1;
        const res = await p.call(p.adminToken, 'POST', '/v1/sync/push', { clientId, mutations: batch });
        const parsed = PushResponse.safeParse(res.body);
        if (res.status !== 200 || !parsed.success) {
          failures.push(`${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          continue;
        }
        if (parsed.data.results.length !== batch.length) {
          failures.push(
            `${name}: ${parsed.data.results.length} of ${batch.length} answered (a transient stop)`,
          );
        }
        for (const r of parsed.data.results) {
          if (r.status === 'rejected' && !r.reason.code)
            failures.push(`${name}#${r.id}: rejected without a code`);
        }
      }
    }
    report('fuzz push', {
      mutationNames: names.length,
      mutations,
      requests,
      failures: failures.length,
      seed: FUZZ_SEED,
    });
    expect(failures).toEqual([]);
  });
});
