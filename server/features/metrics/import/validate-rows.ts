import { z } from 'zod';
import type { FileRow } from './parse-file';

/** What the validator needs to know about the platform: services by name, environment names. */
export interface ImportDirectory {
  serviceIds: ReadonlyMap<string, string>;
  environments: readonly string[];
  now: number;
}

export interface DeploymentRecord {
  row: number;
  serviceId: string;
  environment: string;
  commitSha: string;
  committedAt: string | null;
  deployedAt: string;
  status: 'success' | 'failure';
}

export interface IncidentRecord {
  row: number;
  serviceId: string;
  title: string;
  openedAt: string;
  resolvedAt: string | null;
}

export interface Refusal {
  row: number;
  reason: string;
}

export interface Validated<T> {
  records: T[];
  refused: Refusal[];
}

export const DEPLOYMENT_COLUMNS = [
  'service',
  'environment',
  'commit_sha',
  'commit_time',
  'deploy_time',
  'status',
];
export const INCIDENT_COLUMNS = ['service', 'opened_at', 'resolved_at'];

const IsoTime = z.iso.datetime({ offset: true });
const Sha = /^[0-9a-f]{7,40}$/i;

/** Collects one row's problems; every one is named, so a person fixes the row in one pass. */
class RowCheck {
  readonly problems: string[] = [];
  constructor(private readonly fields: Record<string, unknown>) {}

  text(column: string, required: boolean): string {
    const value = this.fields[column];
    if (value === undefined || value === null || value === '') {
      if (required) this.problems.push(`${column} is missing`);
      return '';
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.problems.push(`${column} must be text`);
      return '';
    }
    return String(value).trim();
  }

  /** An ISO 8601 date-time with a zone, normalised to UTC; '' stays null. */
  time(column: string, required: boolean): string | null {
    const value = this.text(column, required);
    if (value === '') return null;
    if (!IsoTime.safeParse(value).success) {
      this.problems.push(
        `${column} '${value}' is not an ISO 8601 date-time with a zone (like 2025-03-01T14:05:00Z)`,
      );
      return null;
    }
    return new Date(value).toISOString();
  }

  service(directory: ImportDirectory): string {
    const name = this.text('service', true);
    if (name === '') return '';
    const id = directory.serviceIds.get(name);
    if (!id) this.problems.push(`unknown service '${name}'`);
    return id ?? '';
  }

  notFuture(column: string, at: string | null, now: number): void {
    if (at !== null && Date.parse(at) > now) this.problems.push(`${column} is in the future`);
  }
}

function validate<T>(rows: readonly FileRow[], check: (row: RowCheck, number: number) => T): Validated<T> {
  const records: T[] = [];
  const refused: Refusal[] = [];
  for (const { row, fields, unreadable } of rows) {
    if (!fields) {
      refused.push({ row, reason: `row ${row}: ${unreadable ?? 'unreadable'}` });
      continue;
    }
    const checker = new RowCheck(fields);
    const record = check(checker, row);
    if (checker.problems.length) refused.push({ row, reason: `row ${row}: ${checker.problems.join('; ')}` });
    else records.push(record);
  }
  return { records, refused };
}

export function validateDeployments(
  rows: readonly FileRow[],
  directory: ImportDirectory,
): Validated<DeploymentRecord> {
  return validate(rows, (check, row) => {
    const serviceId = check.service(directory);
    const environment = check.text('environment', true);
    if (environment !== '' && !directory.environments.includes(environment)) {
      check.problems.push(
        `unknown environment '${environment}' (known: ${directory.environments.join(', ')})`,
      );
    }
    const commitSha = check.text('commit_sha', true);
    if (commitSha !== '' && !Sha.test(commitSha))
      check.problems.push('commit_sha must be 7 to 40 hex digits');
    const committedAt = check.time('commit_time', false);
    const deployedAt = check.time('deploy_time', true);
    if (committedAt !== null && deployedAt !== null && Date.parse(deployedAt) < Date.parse(committedAt)) {
      check.problems.push('deploy_time is before commit_time');
    }
    check.notFuture('deploy_time', deployedAt, directory.now);
    const status = check.text('status', true).toLowerCase();
    if (status !== '' && status !== 'success' && status !== 'failure') {
      check.problems.push(`status must be success or failure, not '${status}'`);
    }
    return {
      row,
      serviceId,
      environment,
      commitSha: commitSha.toLowerCase(),
      committedAt,
      deployedAt: deployedAt ?? '',
      status: status as 'success' | 'failure',
    };
  });
}

export function validateIncidents(
  rows: readonly FileRow[],
  directory: ImportDirectory,
): Validated<IncidentRecord> {
  return validate(rows, (check, row) => {
    const serviceId = check.service(directory);
    const openedAt = check.time('opened_at', true);
    const resolvedAt = check.time('resolved_at', false);
    if (openedAt !== null && resolvedAt !== null && Date.parse(resolvedAt) < Date.parse(openedAt)) {
      check.problems.push('resolved_at is before opened_at');
    }
    check.notFuture('opened_at', openedAt, directory.now);
    check.notFuture('resolved_at', resolvedAt, directory.now);
    const title = check.text('title', false);
    if (title.length > 200) check.problems.push('title is longer than 200 characters');
    return { row, serviceId, title, openedAt: openedAt ?? '', resolvedAt };
  });
}
