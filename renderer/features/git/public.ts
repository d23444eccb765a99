/** Git hosting shares nothing with other renderer features yet: it plugs into the service page only. */
export {};
