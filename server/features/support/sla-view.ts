import { slaClock } from '../../../shared/domain/support-sla';
import type { SupportRequest, SupportRequestView } from '../../../shared/features/support/api';

/** A stored request as the REST API answers it: with its SLA due time and state as of `now`. */
export function withSla(request: SupportRequest, now: Date = new Date()): SupportRequestView {
  const clock = slaClock(request, now);
  return { ...request, slaDueAt: clock.dueAt, slaState: clock.state };
}
