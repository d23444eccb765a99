/**
 * Thrown when the cache schema cannot be brought to this build's version, e.g. an applied
 * migration was edited after it shipped (Bruno's branded DatabaseMigrationError pattern).
 */
export class CacheMigrationError extends Error {
  override readonly name = 'CacheMigrationError';
  readonly code = 'cache_migration_failed';
  constructor(
    message: string,
    readonly version: number,
  ) {
    super(message);
  }
}
