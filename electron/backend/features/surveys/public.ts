/** What other backend features may use of surveys (docs/architecture.md, "Rules"): nothing yet. */
export {};
