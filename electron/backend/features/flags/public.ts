/** What other backend features may use of flags (docs/architecture.md, "Rules"): nothing yet. */
export {};
