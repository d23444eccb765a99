/** What other backend features may use of secrets (docs/architecture.md, "Rules"): nothing yet. */
export {};
