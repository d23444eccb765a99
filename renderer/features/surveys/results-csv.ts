import type { GroupResult, SurveyResults } from '../../../shared/features/surveys/api';

/**
 * CSV of what the results page shows (aggregates only — the backend never has responses):
 * one row per group × question × measure. RFC 4180 quoting.
 */
const cell = (v: string | number | null | undefined): string => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(Math.round(v * 10000) / 10000) : v;
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

function groupRows(group: string, result: GroupResult): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const q of result.questions) {
    const base = [group, q.questionId, q.prompt];
    if (q.nps) {
      const n = q.nps;
      rows.push([...base, 'nps', n.nps], [...base, 'nps_low_95', n.low], [...base, 'nps_high_95', n.high]);
      rows.push([...base, 'promoters', n.promoters], [...base, 'passives', n.passives]);
      rows.push([...base, 'detractors', n.detractors], [...base, 'n', n.n]);
    }
    if (q.likert) {
      q.likert.counts.forEach((c, i) => rows.push([...base, `likert_${i + 1}`, c]));
      rows.push([...base, 'mean', q.likert.mean], [...base, 'n', q.likert.n]);
    }
    for (const c of q.choices ?? []) rows.push([...base, `option_${c.optionId}`, c.count]);
    for (const text of q.comments ?? []) rows.push([...base, 'comment', text]);
  }
  for (const d of result.devex) rows.push([group, `devex_${d.driver}`, '', 'score', d.score]);
  return rows;
}

export function resultsToCsv(results: SurveyResults): string {
  const rows: (string | number | null)[][] = [['group', 'question', 'prompt', 'measure', 'value']];
  if (results.overall) rows.push(...groupRows('All respondents', results.overall));
  for (const t of results.teams) {
    rows.push(
      [t.teamName, '', '', 'respondents', t.respondents],
      [t.teamName, '', '', 'response_rate', t.responseRate],
    );
    if (t.result) rows.push(...groupRows(t.teamName, t.result));
    else rows.push([t.teamName, '', '', 'hidden', t.hiddenReason]);
  }
  for (const p of results.trend) {
    rows.push([`trend ${p.quarter ?? p.title}`, 'nps', '', 'nps', p.nps.nps]);
    if (p.comparison)
      rows.push([`trend ${p.quarter ?? p.title}`, 'nps', '', 'p_value_vs_previous', p.comparison.pValue]);
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
