/**
 * One line per target of the speed work (issue 12), in one fixed form that scripts can read:
 * `target <name>: <value> <unit> (goal <goal>) ok|short`.
 */
export function targetLine(name: string, value: number, unit: string, goal: number, atMost = true): string {
  const digits = value < 10 ? 1 : 0;
  const shown = value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
  const met = atMost ? value <= goal : value >= goal;
  return `target ${name}: ${shown} ${unit} (goal ${atMost ? '≤' : '≥'} ${goal.toLocaleString('en-US')}) ${met ? 'ok' : 'short'}`;
}

export const mib = (bytes: number): number => bytes / (1024 * 1024);
