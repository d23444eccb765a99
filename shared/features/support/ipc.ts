import { z } from 'zod';
import { Enqueued } from '../../ipc/contract';
import { SupportPage, SupportQuery, SupportRequestCreate } from './api';

export const supportCommands = {
  'support:list': { input: SupportQuery, output: SupportPage },
  'support:create': { input: SupportRequestCreate, output: Enqueued.extend({ id: z.string() }) },
  'support:reply': {
    input: z.object({ id: z.string().min(1).max(100), body: z.string().trim().min(1).max(10000) }),
    output: Enqueued,
  },
  'support:escalate': { input: z.object({ id: z.string().min(1).max(100) }), output: Enqueued },
  'support:resolve': {
    input: z.object({ id: z.string().min(1).max(100), resolution: z.string().trim().min(1).max(5000) }),
    output: Enqueued,
  },
  'support:link': {
    input: z.object({ id: z.string().min(1).max(100), itemId: z.string().min(1).max(100) }),
    output: Enqueued,
  },
  /** Turns a request into a new backlog item (and links it); answers the new item's id. */
  'support:promote': {
    input: z.object({ id: z.string().min(1).max(100), title: z.string().trim().min(1).max(200).optional() }),
    output: Enqueued.extend({ itemId: z.string() }),
  },
} as const;
