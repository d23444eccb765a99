import { describe, expect, it } from 'vitest';
import { entropy, scanText } from '../../../../server/features/self-service/guardrails/secret-scan';

describe('secret scan', () => {
  it('flags AWS keys, private keys, hard-coded passwords and high-entropy tokens with their line', () => {
    const source = [
      'const region = "eu-west-1";',
      'const key = "AKIAIOSFODNN7EXAMPLE";',
      '-----BEGIN RSA PRIVATE KEY-----',
      'const password = "correct-horse";',
      'const token = "q8Zr2vN7xK1pL5mW9tB3cY6dF0gH4jS2aE7uI";',
    ].join('\n');
    const findings = scanText(source, 'src/config.js');
    expect(findings.map((f) => [f.rule, f.location])).toEqual([
      ['aws-access-key', 'src/config.js:2'],
      ['private-key', 'src/config.js:3'],
      ['hardcoded-password', 'src/config.js:4'],
      ['high-entropy-string', 'src/config.js:5'],
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('leaves ordinary code, words and hex hashes alone', () => {
    const source = [
      "import http from 'node:http';",
      'const message = "Hello from Pave, the platform for everyone";',
      'const sha = "3f786850e387550fdab836ed7e6dc881de23001b";',
      'const password = process.env.DB_PASSWORD;',
    ].join('\n');
    expect(scanText(source, 'server.js')).toEqual([]);
  });

  it('measures entropy in bits per character', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });
});
