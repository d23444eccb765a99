/** What other backend features may use of self-service (docs/architecture.md, "Rules"): nothing yet. */
export {};
