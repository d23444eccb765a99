import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GuardrailFinding } from '../../../../shared/features/self-service/api';

/** Secret-looking strings in a version's source: a warning each (secrets belong in the secret store). */
const PATTERNS: { rule: string; pattern: RegExp; message: string }[] = [
  { rule: 'aws-access-key', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, message: 'an AWS access key id' },
  {
    rule: 'private-key',
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY( BLOCK)?-----/,
    message: 'a private key',
  },
  {
    rule: 'hardcoded-password',
    pattern: /\b(?:password|passwd|pwd|secret|api[_-]?key)\s*[:=]\s*["'][^"'\s]{4,}["']/i,
    message: 'a hard-coded password or key',
  },
];

const TOKEN = /["'`]([A-Za-z0-9+/_=-]{32,})["'`]/g;
const MAX_FILE_BYTES = 512 * 1024;

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// Random 32+ character tokens sit above ~4.5 bits/char; words, paths and hex hashes below.
const HIGH_ENTROPY_BITS = 4.5;

export function scanText(text: string, file: string): GuardrailFinding[] {
  const findings: GuardrailFinding[] = [];
  text.split('\n').forEach((line, index) => {
    const location = `${file}:${index + 1}`;
    for (const { rule, pattern, message } of PATTERNS) {
      if (pattern.test(line)) {
        findings.push({ rule, severity: 'warning', message: `${message} in the source`, location });
      }
    }
    for (const match of line.matchAll(TOKEN)) {
      if (match[1] && entropy(match[1]) >= HIGH_ENTROPY_BITS) {
        findings.push({
          rule: 'high-entropy-string',
          severity: 'warning',
          message: 'a high-entropy string that looks like a token',
          location,
        });
      }
    }
  });
  return findings;
}

// Lock files are full of integrity hashes (high entropy, never secrets); an installed version's
// artifact always has one, so scanning them would bury real findings under noise.
const LOCK_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml']);

/** Scans every text file under `dir` (skipping node_modules, lock files and big or binary files). */
export async function scanSource(dir: string): Promise<GuardrailFinding[]> {
  const findings: GuardrailFinding[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git' || LOCK_FILES.has(entry.name)) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && (await stat(full)).size <= MAX_FILE_BYTES) {
        const content = await readFile(full);
        if (content.includes(0)) continue;
        findings.push(...scanText(content.toString('utf8'), path.relative(dir, full)));
      }
    }
  };
  await walk(dir);
  return findings;
}
