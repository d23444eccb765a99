import type { QuestionInput } from './api';
import { DEVEX_DRIVERS, type DevexDriver } from '../../domain/devex';

/** The capabilities a quarterly survey rates when the lead names none. */
export const DEFAULT_CAPABILITIES = [
  'Service templates',
  'Deployments',
  'Databases and caches',
  'Secrets',
  'Observability',
  'Documentation',
];

/** Worded so that 5 is always good: the DevEx scores need no reverse scoring. */
const DRIVER_PROMPTS: Record<DevexDriver, string> = {
  feedback_loops: 'I get fast feedback on my changes (builds, tests, reviews, deploys).',
  cognitive_load:
    'The platform keeps my cognitive load manageable: I rarely fight tooling or hunt for answers.',
  flow: 'I can stay focused and in flow during a typical week.',
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 30) || 'capability';

/** Likert per capability, NPS, the three DevEx drivers and free text (issue 5, point 1). */
export function quarterlyQuestions(capabilities: readonly string[]): QuestionInput[] {
  const names = capabilities.length ? capabilities : DEFAULT_CAPABILITIES;
  const used = new Set<string>();
  const capabilityItems = names.map((name): QuestionInput => {
    let id = `cap-${slug(name)}`;
    for (let i = 2; used.has(id); i++) id = `cap-${slug(name)}-${i}`;
    used.add(id);
    return {
      id,
      type: 'likert',
      prompt: `How satisfied are you with ${name}?`,
      capability: name,
      required: false,
    };
  });
  return [
    {
      id: 'nps',
      type: 'nps',
      prompt: 'How likely are you to recommend the platform to a colleague?',
      required: true,
    },
    ...capabilityItems,
    ...DEVEX_DRIVERS.map((driver): QuestionInput => ({
      id: `devex-${driver.replace('_', '-')}`,
      type: 'likert',
      prompt: DRIVER_PROMPTS[driver],
      driver,
      required: false,
    })),
    {
      id: 'comments',
      type: 'free_text',
      prompt: 'What should the platform team improve next?',
      required: false,
    },
  ];
}
