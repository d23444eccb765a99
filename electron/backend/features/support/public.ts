/** What other backend features may use of support (docs/architecture.md, "Rules"): nothing yet. */
export {};
