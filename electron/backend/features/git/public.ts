/** What other backend features may use of git hosting (docs/architecture.md, "Rules"): nothing yet. */
export {};
