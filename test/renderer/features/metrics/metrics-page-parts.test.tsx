import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROI_INPUTS } from '../../../../shared/domain/metrics';
import type { TrendPoint } from '../../../../shared/features/surveys/api';
import type { SurveyItem } from '../../../../shared/features/surveys/ipc';
import { mergeQueryKeysByTable, queryKeysForTables } from '../../../../renderer/data/table-invalidation';
import { AdoptionSection } from '../../../../renderer/features/metrics/AdoptionSection';
import { BeforeAfterSection } from '../../../../renderer/features/metrics/BeforeAfterSection';
import { toCsv } from '../../../../renderer/features/metrics/csv';
import { metricsKeys, metricsQueryKeysByTable } from '../../../../renderer/features/metrics/data';
import {
  formatDuration,
  formatFrequency,
  formatImprovement,
  formatShare,
} from '../../../../renderer/features/metrics/format';
import { launchWeek } from '../../../../renderer/features/metrics/launch-week';
import { draftOf, parseDraft, previewRoi } from '../../../../renderer/features/metrics/roi-draft';
import { RoiSection } from '../../../../renderer/features/metrics/RoiSection';
import { TrendsSection } from '../../../../renderer/features/metrics/TrendsSection';
import { latestClosedQuarterly } from '../../../../renderer/features/surveys/LatestNpsTrend';
import { npsTrendRows } from '../../../../renderer/features/surveys/nps-trend-rows';
import { bigReport } from '../../../backend/features/metrics/big-report';

const render = (node: ReactNode) =>
  renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);

describe('how the Metrics page writes numbers', () => {
  it('says durations in the unit a person would', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(30 * 60)).toBe('30 min');
    expect(formatDuration(4 * 3600)).toBe('4 h');
    expect(formatDuration(2 * 86_400)).toBe('2 days');
    expect(formatDuration(14 * 86_400)).toBe('2 weeks');
  });
  it('writes frequency as DORA does, and the improvement of issue 10', () => {
    expect(formatFrequency(2)).toBe('2/week');
    expect(formatFrequency(35)).toBe('5/day');
    expect(formatFrequency(0.5)).toBe('2.2/month');
    expect(formatImprovement({ before: 2, after: 35, percent: 1650, better: true })).toBe('+1650 %');
    expect(formatImprovement({ before: 14, after: 2, percent: -85.71, better: true })).toBe('−86 %');
    expect(formatImprovement({ before: 0, after: 2, percent: null, better: null })).toBe('—');
    expect(formatShare(0.05)).toBe('5 %');
    expect(formatShare(0.8)).toBe('80 %');
  });
});

describe('CSV of a metrics table', () => {
  it('quotes, doubles quotes, keeps raw numbers and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 1.5],
          ['say "hi"', null],
          ['=SUM(A1)', true],
        ],
      ),
    ).toBe('a,b\r\n"x, y",1.5\r\n"say ""hi""",\r\n\'=SUM(A1),true\r\n');
  });
});

describe('the launch marker', () => {
  const weekly = bigReport(8).weekly;
  it('sits on the week the launch falls in', () => {
    const third = weekly[2]!.weekStart;
    expect(launchWeek(weekly, `${third}T15:00:00.000Z`)).toBe(third);
  });
  it('is left out when the launch is outside the weeks shown, or unknown', () => {
    expect(launchWeek(weekly, '2001-01-01T00:00:00.000Z')).toBeNull();
    expect(launchWeek(weekly, '2099-01-01T00:00:00.000Z')).toBeNull();
    expect(launchWeek(weekly, null)).toBeNull();
  });
});

describe('ROI inputs', () => {
  const report = bigReport(8);
  const label = (c: string) => c;
  it('recomputes the value locally when a lead edits an input', () => {
    const draft = draftOf(report.roi.inputs);
    const before = previewRoi(report, report.roi.inputs);
    expect(before.totalUsd).toBeCloseTo(report.roi.totalUsd);
    const parsed = parseDraft({ ...draft, hourlyRateUsd: '200' }, report.roi.inputs, label);
    if (!('inputs' in parsed)) throw new Error(parsed.error);
    const after = previewRoi(report, parsed.inputs);
    expect(after.totalUsd).toBeCloseTo(before.totalHours * 200);
    const templates = parseDraft(
      { ...draft, hoursSavedPerUse: { ...draft.hoursSavedPerUse, templates: '0' } },
      report.roi.inputs,
      label,
    );
    if (!('inputs' in templates)) throw new Error(templates.error);
    const row = previewRoi(report, templates.inputs).rows.find((r) => r.capability === 'templates');
    expect(row).toMatchObject({ hours: 0, valueUsd: 0 });
  });
  it('names the field that is wrong instead of computing with it', () => {
    const draft = draftOf(DEFAULT_ROI_INPUTS);
    expect(parseDraft({ ...draft, hourlyRateUsd: '' }, DEFAULT_ROI_INPUTS, label)).toEqual({
      error: 'Hourly rate: enter a number',
    });
    expect(
      parseDraft(
        { ...draft, hoursSavedPerUse: { ...draft.hoursSavedPerUse, cache: '-1' } },
        DEFAULT_ROI_INPUTS,
        label,
      ),
    ).toEqual({ error: 'Hours saved per use of cache: between 0 and 10,000' });
  });
});

describe('the page sections', () => {
  const report = bigReport(26);
  it('adoption: teams using the platform, a table view with CSV, the low ones called out', () => {
    const html = render(<AdoptionSection adoption={report.adoption} />);
    expect(html).toContain('Teams using the platform: <strong>12/15</strong> (80 %)');
    expect(html).toMatch(/role="tab"[^>]*>Table</);
    expect(html).toContain('data-testid="metrics-adoption-table-csv"');
    expect(html).toContain('data-testid="metrics-low-adoption"');
    expect(html).toContain('high support load = platform usability problem');
    // Rows 5..7 (feature flags, canary) are under half the teams.
    expect(html).toMatch(/<strong>Canary deploys<\/strong> 1\/15 teams/);
  });
  it('before/after: the values, bands and the improvement of issue 10', () => {
    const html = render(<BeforeAfterSection beforeAfter={report.beforeAfter} />);
    expect(html).toContain('2/week');
    expect(html).toContain('5/day');
    expect(html).toContain('+1650 %');
    expect(html).toContain('−86 %');
    expect(html).toContain('−67 %');
    expect(html).toContain('−88 %');
    expect(html).toMatch(/data-tone="warn">medium</);
    expect(html).toContain('data-testid="metrics-before-after-table-csv"');
  });
  it('trends: a table view per chart', () => {
    const html = render(<TrendsSection weekly={report.weekly} launchDate={report.beforeAfter.launchDate} />);
    expect(html).toContain('data-testid="metrics-weekly-deploys-table"');
    expect(html).toContain('data-testid="metrics-weekly-lead-time-table"');
    expect(html).toContain('The dashed line marks the launch');
  });
  it('ROI: every input next to its figure; editable for leads only', () => {
    const settings = { launchDate: null, adoptionDays: 30, roi: report.roi.inputs };
    const lead = render(<RoiSection report={report} settings={settings} canEdit offline={false} />);
    expect(lead).toContain('data-testid="roi-hourly-rate"');
    expect(lead).toContain('data-testid="roi-hours-templates"');
    expect(lead).toContain('Pave default');
    const engineer = render(
      <RoiSection report={report} settings={settings} canEdit={false} offline={false} />,
    );
    expect(engineer).not.toContain('<input');
    expect(engineer).toContain('data-testid="roi-total-usd"');
  });
});

describe('metrics queries', () => {
  it('refresh when settings, imports or the synced history change', () => {
    const map = mergeQueryKeysByTable([metricsQueryKeysByTable]);
    expect(queryKeysForTables(map, ['metrics_reports'])).toEqual([metricsKeys.all]);
    expect(queryKeysForTables(map, ['platform_events'])).toEqual([metricsKeys.reports]);
  });
});

describe('NPS per quarter', () => {
  const nps = (value: number | null) => ({
    promoters: 10,
    passives: 5,
    detractors: 5,
    n: 20,
    nps: value,
    low: value === null ? null : value - 20,
    high: value === null ? null : value + 20,
    method: value === null ? null : ('adjusted-wald' as const),
  });
  const point = (quarter: string, value: number | null): TrendPoint => ({
    surveyId: quarter,
    title: `DevEx ${quarter}`,
    quarter,
    closesAt: '2026-01-01T00:00:00.000Z',
    nps: nps(value),
    comparison: null,
  });
  it('draws the quarters that have an NPS, never a hidden one at zero', () => {
    expect(npsTrendRows([point('2026-Q1', 25), point('2026-Q2', null), point('2026-Q3', 30)])).toEqual([
      { surveyId: '2026-Q1', label: '2026-Q1', nps: 25, low: 5, high: 45, n: 20 },
      { surveyId: '2026-Q3', label: '2026-Q3', nps: 30, low: 10, high: 50, n: 20 },
    ]);
  });
  it('takes the trend of the quarterly survey that closed last', () => {
    const item = (id: string, phase: SurveyItem['phase'], quarter: string | null, closesAt: string) =>
      ({ survey: { id, quarter, closesAt }, phase }) as unknown as SurveyItem;
    const items = [
      item('q1', 'closed', '2026-Q1', '2026-04-01T00:00:00.000Z'),
      item('q2', 'closed', '2026-Q2', '2026-07-01T00:00:00.000Z'),
      item('adhoc', 'closed', null, '2026-09-01T00:00:00.000Z'),
      item('q4', 'open', '2026-Q4', '2027-01-01T00:00:00.000Z'),
    ];
    expect(latestClosedQuarterly(items)?.survey.id).toBe('q2');
    expect(latestClosedQuarterly([])).toBeNull();
  });
});
