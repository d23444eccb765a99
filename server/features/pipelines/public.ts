// The pipelines feature's public entry (docs/architecture.md, "Features"): the settings it adds to
// the platform's options. Runs are reached over REST and sync, not from other features.
import type { OutputCap } from './step-process';

declare module '../../platform/server-feature' {
  interface PlatformOptions {
    /** Pipeline runs: how much output a step may write before it is stopped (tests lower it). */
    pipelines?: { outputCap?: Partial<OutputCap> };
  }
}

export {};
