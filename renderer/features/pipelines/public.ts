/** What other features may use of pipelines: nothing yet. */
export {};
