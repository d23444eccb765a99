import type { SurveyItem } from '../../../shared/features/surveys/ipc';
import type { Tone } from '../../components/ui/Badge';

/** A survey's phase as a badge: the word says it, the tone only helps. */
export const phaseBadge: Record<SurveyItem['phase'], { label: string; tone: Tone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  upcoming: { label: 'Upcoming', tone: 'accent' },
  open: { label: 'Open', tone: 'ok' },
  closed: { label: 'Closed', tone: 'neutral' },
};

/** Where the user’s own answer stands. */
export const answerBadge: Record<SurveyItem['myAnswer'], { label: string; tone: Tone }> = {
  none: { label: 'Not answered', tone: 'warn' },
  queued: { label: 'Answer queued (offline)', tone: 'accent' },
  answered: { label: 'Answered', tone: 'ok' },
  rejected: { label: 'Answer refused — fix and resend', tone: 'danger' },
};
