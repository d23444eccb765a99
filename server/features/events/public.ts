// The events feature's public entry: every feature records what it did with `recordEvent`, in the
// transaction that did it (docs/architecture.md, "Numbers").
export { recordEvent, type NewEvent } from './store';
