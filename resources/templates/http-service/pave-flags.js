// Pave's OpenFeature provider: the flags this service's team manages in Pave, read from the
// platform. Any other OpenFeature provider (flagd, LaunchDarkly, Unleash, an in-memory one for
// tests) can take its place with one OpenFeature.setProvider(...) line in server.js: the code
// that asks for a flag only ever talks to OpenFeature.
//
// How it works: it polls PAVE_FLAGS_URL with PAVE_FLAGS_KEY (sent with If-None-Match, so an
// unchanged set costs a 304), keeps the definitions in memory and evaluates them here, without a
// request per evaluation. When the platform cannot be reached it keeps the last definitions it
// had: a service never breaks because Pave is down.
import { OpenFeatureEventEmitter, ProviderEvents } from '@openfeature/server-sdk';

// The percentage rollout bucket of a caller: FNV-1a (32-bit) over the UTF-8 bytes of
// "flagKey:targetingKey", murmur3's finalizer, mod 100. The same function as the platform's
// shared/features/flags/bucket.ts (a test checks both give the same buckets), so a user is in or
// out of a rollout in every service process alike.
export function flagBucket(flagKey, targetingKey) {
  const bytes = new TextEncoder().encode(`${flagKey}:${targetingKey}`);
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % 100;
}

// Disabled: false. Enabled at 100 %: true. A partial rollout needs a targeting key (the
// evaluation context's targetingKey): without one the caller is outside the rollout.
export function evaluateFlag(flag, targetingKey) {
  if (!flag.enabled) return { value: false, reason: 'DISABLED' };
  if (flag.rolloutPercent >= 100) return { value: true, reason: 'TARGETING_MATCH' };
  if (!targetingKey) return { value: false, reason: 'DEFAULT' };
  return { value: flagBucket(flag.key, targetingKey) < flag.rolloutPercent, reason: 'TARGETING_MATCH' };
}

const notBoolean = (flagKey, defaultValue) => ({
  value: defaultValue,
  reason: 'ERROR',
  errorCode: 'TYPE_MISMATCH',
  errorMessage: `Pave flags are boolean; ${flagKey} was asked for another type`,
});

export class PaveFlagsProvider {
  metadata = { name: 'pave-flags' };
  runsOn = 'server';
  events = new OpenFeatureEventEmitter();

  // url and key: PAVE_FLAGS_URL and PAVE_FLAGS_KEY as the platform hands them to the process.
  // log(level, message, fields): where polling problems go (never with the key).
  constructor({ url, key, pollIntervalMs = 1000, timeoutMs = 2000, log = () => {} }) {
    this.url = url;
    this.key = key;
    this.pollIntervalMs = pollIntervalMs;
    this.timeoutMs = timeoutMs;
    this.log = log;
    this.flags = null; // Map key → definition, once the platform answered
    this.etag = null;
    this.timer = null;
    this.closed = false;
    this.failing = false;
  }

  // Called by OpenFeature.setProvider: the first read, then a poll every pollIntervalMs. A first
  // read that fails rejects (OpenFeature then answers defaults with reason ERROR) and polling goes
  // on; the first answer after that makes the provider ready.
  async initialize() {
    this.closed = false;
    try {
      await this.poll();
    } finally {
      this.schedule();
    }
    if (!this.flags) throw new Error('Pave flags: the platform did not answer; serving defaults until it does');
  }

  async onClose() {
    this.closed = true;
    clearTimeout(this.timer);
  }

  schedule() {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.poll().finally(() => this.schedule()), this.pollIntervalMs);
    // Polling alone must not keep a stopping process alive.
    this.timer.unref?.();
  }

  async poll() {
    try {
      const response = await fetch(this.url, {
        headers: { authorization: `Bearer ${this.key}`, ...(this.etag ? { 'if-none-match': this.etag } : {}) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (response.status === 304) return this.recovered();
      if (!response.ok) throw new Error(`the platform answered ${response.status}`);
      const body = await response.json();
      if (!body || !Array.isArray(body.flags)) throw new Error('the platform answered without a flags list');
      const next = new Map(body.flags.map((flag) => [flag.key, flag]));
      const changed = this.changedKeys(next);
      const first = this.flags === null;
      this.flags = next;
      this.etag = response.headers.get('etag');
      this.recovered();
      if (!first && changed.length) {
        this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: changed });
      }
    } catch (error) {
      // Keep what we have: stale flags beat a service that stops answering.
      if (!this.failing) {
        this.failing = true;
        this.log('warn', 'cannot read Pave flags; keeping the last definitions', {
          error: error instanceof Error ? error.message : String(error),
        });
        if (this.flags) this.events.emit(ProviderEvents.Stale, { message: 'cannot read Pave flags' });
      }
    }
  }

  recovered() {
    if (!this.failing) return;
    this.failing = false;
    this.log('info', 'reading Pave flags again');
    this.events.emit(ProviderEvents.Ready, {});
  }

  changedKeys(next) {
    const before = this.flags ?? new Map();
    const keys = new Set([...before.keys(), ...next.keys()]);
    return [...keys].filter((key) => JSON.stringify(before.get(key)) !== JSON.stringify(next.get(key)));
  }

  async resolveBooleanEvaluation(flagKey, defaultValue, context) {
    if (!this.flags) {
      return {
        value: defaultValue,
        reason: 'ERROR',
        errorCode: 'PROVIDER_NOT_READY',
        errorMessage: 'no flag definitions from Pave yet',
      };
    }
    const flag = this.flags.get(flagKey);
    if (!flag) {
      return {
        value: defaultValue,
        reason: 'ERROR',
        errorCode: 'FLAG_NOT_FOUND',
        errorMessage: `no flag "${flagKey}" in this service's environment`,
      };
    }
    const { value, reason } = evaluateFlag(flag, context?.targetingKey);
    return { value, reason, variant: value ? 'on' : 'off' };
  }

  async resolveStringEvaluation(flagKey, defaultValue) {
    return notBoolean(flagKey, defaultValue);
  }

  async resolveNumberEvaluation(flagKey, defaultValue) {
    return notBoolean(flagKey, defaultValue);
  }

  async resolveObjectEvaluation(flagKey, defaultValue) {
    return notBoolean(flagKey, defaultValue);
  }
}
