import type { Band, Capability, Improvement } from '../../../shared/features/metrics/api';

/** How the page writes numbers: one place, so the table views and the charts agree. */

export const NONE = '—';

export const capabilityLabel: Record<Capability, string> = {
  ci_cd: 'CI/CD pipeline',
  templates: 'Service templates',
  observability: 'Observability',
  db_provisioning: 'DB provisioning',
  cache: 'Caches',
  queue: 'Queues',
  feature_flags: 'Feature flags',
  canary: 'Canary deploys',
};

export const bandLabel = (band: Band) => (band === null ? 'no data' : band);

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const WEEK = 7 * DAY;

const round1 = (value: number) =>
  value >= 10 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');

/** 45 s, 12 min, 3.5 h, 2 days, 3 weeks: the unit a person would say. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return NONE;
  if (seconds < MINUTE) return `${Math.round(seconds)} s`;
  if (seconds < HOUR) return `${Math.round(seconds / MINUTE)} min`;
  if (seconds < DAY) return `${round1(seconds / HOUR)} h`;
  if (seconds < 2 * WEEK) return `${round1(seconds / DAY)} days`;
  return `${round1(seconds / WEEK)} weeks`;
}

/** A share 0..1 as a percentage. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return NONE;
  const percent = share * 100;
  return `${percent > 0 && percent < 10 ? percent.toFixed(1).replace(/\.0$/, '') : Math.round(percent)} %`;
}

/** Deploys per week as DORA talks about them: "5/day" from a deploy a day up, else "2/week". */
export function formatFrequency(perWeek: number | null | undefined): string {
  if (perWeek === null || perWeek === undefined) return NONE;
  if (perWeek >= 7) return `${round1(perWeek / 7)}/day`;
  if (perWeek >= 1) return `${round1(perWeek)}/week`;
  return `${round1((perWeek * 52) / 12)}/month`;
}

/** "+1650 %", "−86 %" (a true minus sign), "—" when there is nothing to compare with. */
export function formatImprovement(improvement: Improvement): string {
  if (improvement.percent === null) return NONE;
  // Half away from zero, as people round by hand: 4 h → 30 min is −87.5 % → "−88 %".
  const rounded = Math.sign(improvement.percent) * Math.round(Math.abs(improvement.percent));
  if (rounded === 0) return '0 %';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} %`;
}

export const formatUsd = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
    value,
  );

export const formatHours = (value: number) => `${Math.round(value).toLocaleString('en-US')} h`;

export const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
