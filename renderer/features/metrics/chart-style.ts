/**
 * Chart colours are the theme's variables (renderer/theme/theme.css), so light and dark follow
 * the OS like the rest of the app; Recharts passes them to SVG, where Chromium resolves var().
 */
export const chartColors = {
  primary: 'var(--accent)',
  low: 'var(--warn)',
  bad: 'var(--danger)',
  good: 'var(--ok)',
  grid: 'var(--border)',
  text: 'var(--text-muted)',
  marker: 'var(--text)',
};

export const axisTick = { fill: chartColors.text, fontSize: 12 };

export const tooltipStyle = {
  contentStyle: { background: 'var(--bg-elevated)', border: '1px solid var(--border)', color: 'var(--text)' },
  labelStyle: { color: 'var(--text)' },
  itemStyle: { color: 'var(--text)' },
};

export const CHART_HEIGHT = 240;
