/**
 * The delivery metrics' definitions (issue 10, docs/architecture.md, "Numbers"): pure functions
 * over plain rows, the reference the platform's SQL and the desktop cache are both tested against.
 */
export * from './adoption';
export * from './bands';
export * from './before-after';
export * from './capabilities';
export * from './change-failure';
export * from './deploy-timeline';
export * from './dora';
export * from './frequency';
export * from './improvement';
export * from './lead-time';
export * from './median';
export * from './onboarding';
export * from './quarters';
export * from './recovery';
export * from './rework';
export * from './roi';
export * from './time';
export * from './weekly';
