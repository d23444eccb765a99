import { describe, expect, it } from 'vitest';
import {
  clockTime,
  filterLogLines,
  parseLogLine,
} from '../../../renderer/components/log-viewer/parse-log-line';

describe('parseLogLine', () => {
  it('reads the templates’ JSON lines into time, level, message and the other fields', () => {
    const line = parseLogLine(
      '{"time":"2026-11-30T09:15:02.005Z","level":"info","service":"billing","message":"listening","port":8080}',
    );
    expect(line).toMatchObject({
      time: '2026-11-30T09:15:02.005Z',
      level: 'info',
      message: 'listening',
      fields: [
        ['service', 'billing'],
        ['port', '8080'],
      ],
    });
  });

  it('understands pino’s numeric levels, msg and epoch milliseconds', () => {
    const line = parseLogLine('{"level":50,"time":1764493200000,"pid":7,"msg":"boom","err":{"code":"E1"}}');
    expect(line.level).toBe('error');
    expect(line.time).toBe('2025-11-30T09:00:00.000Z');
    expect(line.message).toBe('boom');
    expect(line.fields).toEqual([
      ['pid', '7'],
      ['err', '{"code":"E1"}'],
    ]);
    expect(parseLogLine('{"level":35,"msg":"x"}').level).toBe('info');
    expect(parseLogLine('{"severity":"WARNING","message":"x"}').level).toBe('warn');
    expect(parseLogLine('{"level":"verbose?","message":"x"}').level).toBeNull();
  });

  it('keeps anything that is not a JSON object as its raw text; plain stderr counts as an error', () => {
    expect(parseLogLine('Server started on :8080')).toMatchObject({
      level: null,
      message: 'Server started on :8080',
      fields: [],
    });
    expect(parseLogLine('    at Object.<anonymous> (/srv/a.js:1:1)', 'stderr').level).toBe('error');
    expect(parseLogLine('{"truncated": ', 'stdout').message).toBe('{"truncated": ');
    expect(parseLogLine('[1,2]').message).toBe('[1,2]');
  });
});

describe('filterLogLines', () => {
  const lines = [
    parseLogLine('{"level":"debug","message":"cache warm"}'),
    parseLogLine('{"level":"info","message":"GET /health 200"}'),
    parseLogLine('{"level":"warn","message":"slow query","ms":812}'),
    parseLogLine('{"level":"error","message":"payment refused"}'),
    parseLogLine('plain text without a level'),
  ];

  it('keeps lines at or above the chosen level, and lines without a level', () => {
    expect(filterLogLines(lines, { search: '', minimum: 'warn' }).map((l) => l.message)).toEqual([
      'slow query',
      'payment refused',
      'plain text without a level',
    ]);
    expect(filterLogLines(lines, { search: '', minimum: null })).toHaveLength(5);
  });

  it('searches the whole line, fields included, ignoring case', () => {
    expect(filterLogLines(lines, { search: '  "MS":812 ', minimum: null }).map((l) => l.message)).toEqual([
      'slow query',
    ]);
    expect(filterLogLines(lines, { search: 'PAYMENT', minimum: 'error' })).toHaveLength(1);
  });
});

describe('clockTime', () => {
  it('shows the local wall-clock time to the millisecond, and odd times as given', () => {
    const iso = new Date(2026, 10, 30, 7, 5, 3, 9).toISOString();
    expect(clockTime(iso)).toBe('07:05:03.009');
    expect(clockTime('yesterday')).toBe('yesterday');
    expect(clockTime(null)).toBe('');
  });
});
