/**
 * One captured log line, read as a person reads it: time, level, message and the rest of the
 * fields. Services log one JSON object per line (the templates do; so do pino, bunyan, zap and
 * logrus in JSON mode), so the common field names of those libraries are understood; anything
 * else is shown as its raw text, never dropped.
 */

export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface ParsedLogLine {
  /** The line as captured (what Download writes). */
  raw: string;
  time: string | null;
  level: LogLevel | null;
  message: string;
  /** The other fields, in the order the service wrote them, values as compact JSON. */
  fields: readonly (readonly [string, string])[];
}

const timeKeys = ['time', 'timestamp', 'ts', '@timestamp'];
const levelKeys = ['level', 'severity', 'lvl', 'levelname'];
const messageKeys = ['message', 'msg', 'event'];

const levelNames: Readonly<Record<string, LogLevel>> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  information: 'info',
  notice: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  critical: 'fatal',
  fatal: 'fatal',
  panic: 'fatal',
};

/** pino and bunyan write levels as numbers: 10 trace … 60 fatal. */
function numericLevel(value: number): LogLevel {
  if (value >= 60) return 'fatal';
  if (value >= 50) return 'error';
  if (value >= 40) return 'warn';
  if (value >= 30) return 'info';
  if (value >= 20) return 'debug';
  return 'trace';
}

function toLevel(value: unknown): LogLevel | null {
  if (typeof value === 'number' && Number.isFinite(value)) return numericLevel(value);
  if (typeof value === 'string') return levelNames[value.trim().toLowerCase()] ?? null;
  return null;
}

function toTime(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Epoch seconds (zap, structlog) or milliseconds (pino, bunyan).
    const date = new Date(value < 1e12 ? value * 1000 : value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  if (typeof value === 'string' && value !== '') return value;
  return null;
}

const pick = (record: Record<string, unknown>, keys: readonly string[]) =>
  keys.find((key) => Object.prototype.hasOwnProperty.call(record, key));

const compact = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export function parseLogLine(raw: string, stream: 'stdout' | 'stderr' = 'stdout'): ParsedLogLine {
  const trimmed = raw.trim();
  // A plain line on stderr is most often an error the runtime printed (a stack trace).
  const plain = (): ParsedLogLine => ({
    raw,
    time: null,
    level: stream === 'stderr' ? 'error' : null,
    message: raw,
    fields: [],
  });
  if (!trimmed.startsWith('{')) return plain();
  let record: unknown;
  try {
    record = JSON.parse(trimmed);
  } catch {
    return plain();
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return plain();
  const entry = record as Record<string, unknown>;
  const timeKey = pick(entry, timeKeys);
  const levelKey = pick(entry, levelKeys);
  const messageKey = pick(entry, messageKeys);
  const used = new Set([timeKey, levelKey, messageKey]);
  return {
    raw,
    time: timeKey === undefined ? null : toTime(entry[timeKey]),
    level: levelKey === undefined ? (stream === 'stderr' ? 'error' : null) : toLevel(entry[levelKey]),
    message: messageKey === undefined ? '' : compact(entry[messageKey]),
    fields: Object.entries(entry)
      .filter(([key]) => !used.has(key))
      .map(([key, value]) => [key, compact(value)] as const),
  };
}

/** Lines at or above `minimum` (a line without a level always shows), containing `search`. */
export function filterLogLines(
  lines: readonly ParsedLogLine[],
  { search, minimum }: { search: string; minimum: LogLevel | null },
): ParsedLogLine[] {
  const needle = search.trim().toLowerCase();
  const floor = minimum === null ? -1 : logLevels.indexOf(minimum);
  return lines.filter((line) => {
    if (line.level !== null && logLevels.indexOf(line.level) < floor) return false;
    return needle === '' || line.raw.toLowerCase().includes(needle);
  });
}

/** `12:04:05.123` for an ISO time, the text as given otherwise. */
export function clockTime(time: string | null): string {
  if (time === null) return '';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
