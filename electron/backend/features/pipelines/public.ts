/** What other backend features may use of pipelines (docs/architecture.md, "Rules"): nothing yet. */
export {};
