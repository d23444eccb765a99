import { z } from 'zod';
import { text } from '../../api/text';
import { Enqueued } from '../../ipc/contract';
import { SupportPage, SupportQuery, SupportRequestCreate } from './api';

export const supportCommands = {
  'support:list': { input: SupportQuery, output: SupportPage },
  'support:create': { input: SupportRequestCreate, output: Enqueued.extend({ id: text() }) },
  'support:reply': {
    input: z.object({ id: text().min(1).max(100), body: text().trim().min(1).max(10000) }),
    output: Enqueued,
  },
  'support:escalate': { input: z.object({ id: text().min(1).max(100) }), output: Enqueued },
  'support:resolve': {
    input: z.object({ id: text().min(1).max(100), resolution: text().trim().min(1).max(5000) }),
    output: Enqueued,
  },
  'support:link': {
    input: z.object({ id: text().min(1).max(100), itemId: text().min(1).max(100) }),
    output: Enqueued,
  },
  /** Turns a request into a new backlog item (and links it); answers the new item's id. */
  'support:promote': {
    input: z.object({ id: text().min(1).max(100), title: text().trim().min(1).max(200).optional() }),
    output: Enqueued.extend({ itemId: text() }),
  },
} as const;
