/** What other backend features may use of resources (docs/architecture.md, "Rules"): nothing yet. */
export {};
