/**
 * Every error code the platform, the desktop backend or the app can show, with a sentence a
 * person understands and the next step (docs/architecture.md, "Rules"). The message that came
 * with the error says what exactly; this says what kind of problem it is and what to do.
 * test/renderer/data/error-table.test.ts fails when a code in the source has no entry here.
 */
export interface ErrorExplanation {
  /** What kind of problem it is, in one short sentence. */
  sentence: string;
  /** What the person can do about it. */
  next: string;
}

export const errorTable: Readonly<Record<string, ErrorExplanation>> = {
  // The desktop backend and its IPC.
  invalid_input: {
    sentence: 'Some of what you entered cannot be used.',
    next: 'Fix the fields marked in red and try again; nothing was sent.',
  },
  unknown_command: {
    sentence: 'This window asked the backend for something it does not know.',
    next: 'Reload the window; if it keeps happening, update Pave.',
  },
  forbidden_sender: {
    sentence: 'The request did not come from Pave’s own window.',
    next: 'Open Pave from the URL `npm start` printed.',
  },
  internal: {
    sentence: 'Something went wrong inside Pave.',
    next: 'Try again. If it keeps happening, restart Pave and report it with the log.',
  },
  backend_unreachable: {
    sentence: 'The Pave backend is not answering.',
    next: 'Check that `npm start` is still running, then try again.',
  },
  backend_closed: {
    sentence: 'The Pave backend is shutting down.',
    next: 'Start Pave again; queued changes are kept and sent then.',
  },
  unknown_mutation: {
    sentence: 'This version of Pave cannot queue that change.',
    next: 'Update Pave, then try again.',
  },
  offline: {
    sentence: 'This needs the platform, and it cannot be reached right now.',
    next: 'Try again once the status bar says online; changes you can queue offline are kept.',
  },
  // Talking to the platform.
  platform_unreachable: {
    sentence: 'The platform cannot be reached.',
    next: 'Pave keeps showing cached data. Check your network or the platform URL in Settings.',
  },
  platform_rejected: {
    sentence: 'The platform refused the request.',
    next: 'Read the reason above, change what it names and try again.',
  },
  invalid_response: {
    sentence: 'The platform answered something Pave does not understand.',
    next: 'Try again; if it persists, the platform and Pave may be different versions — update Pave.',
  },
  unauthorized: {
    sentence: 'You are not signed in, or your token is no longer accepted.',
    next: 'Open the URL printed by `npm start` again, or set a valid token in Settings.',
  },
  token_expired: {
    sentence: 'Your token has expired.',
    next: 'Create a new token in Settings → Tokens and sign in with it.',
  },
  token_revoked: {
    sentence: 'Your token was revoked.',
    next: 'Create a new token in Settings → Tokens, or ask an admin why it was revoked.',
  },
  forbidden: {
    sentence: 'Your role or team may not do this.',
    next: 'Ask a member of the owning team or a platform lead.',
  },
  not_found: {
    sentence: 'It no longer exists, or you cannot see it.',
    next: 'Go back to the list; it may have been deleted by someone else.',
  },
  validation_failed: {
    sentence: 'The platform found a problem with what was sent.',
    next: 'Fix the fields it names and send again.',
  },
  invalid_data: {
    sentence: 'The platform cannot store a value you entered.',
    next: 'Remove unusual characters from the field it names and try again.',
  },
  conflict: {
    sentence: 'It changed in the meantime, or it already exists.',
    next: 'Reload to see the current state, then try again.',
  },
  resync_required: {
    sentence: 'This device’s copy is too old to update step by step.',
    next: 'Pave is downloading everything again; wait for the status bar to say online.',
  },
  not_sent_yet: {
    sentence: 'This is still queued on this device and has not reached the platform.',
    next: 'Discard the queued change in the pending changes panel instead.',
  },
  in_flight: {
    sentence: 'This change is being sent to the platform right now.',
    next: 'Wait for the answer (a few seconds), then try again.',
  },
  idempotency_key_reused: {
    sentence: 'The same request key was used for a different request.',
    next: 'Send it again as a new request.',
  },
  // Features.
  managed_by_resource: {
    sentence: 'This secret holds a provisioned resource’s credentials.',
    next: 'Rotate it from the resource, or deprovision the resource first.',
  },
  rollback_unavailable: {
    sentence: 'There is nothing to roll back to right now.',
    next: 'The reason is shown next to Roll back; deploy a version instead.',
  },
  guardrail_blocked: {
    sentence: 'A guardrail blocked the deploy.',
    next: 'Fix what the finding names (or deploy to staging first), then deploy again.',
  },
  redis_not_configured: {
    sentence: 'This platform has no Redis to create caches on.',
    next: 'Ask the platform team to configure Redis, or choose another resource.',
  },
  flag_exists: {
    sentence: 'A flag with that name already exists here.',
    next: 'Choose another name, or edit the existing flag.',
  },
  already_answered: {
    sentence: 'You have already answered this survey.',
    next: 'Nothing to do: each person answers once.',
  },
  survey_closed: {
    sentence: 'This survey is closed.',
    next: 'Your answer was not recorded; the next survey will ask again.',
  },
};

const fallback: ErrorExplanation = {
  sentence: 'Something did not work.',
  next: 'Try again. If it keeps happening, restart Pave.',
};

export function explainError(code: string): ErrorExplanation {
  return errorTable[code] ?? fallback;
}
