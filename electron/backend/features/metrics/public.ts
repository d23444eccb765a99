/** What other backend features may use of metrics (docs/architecture.md, "Rules"): nothing yet. */
export {};
