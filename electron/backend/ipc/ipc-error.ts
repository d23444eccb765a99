/** An expected failure a handler reports to the user: its code and message cross IPC as-is. */
export class IpcError extends Error {
  override readonly name = 'IpcError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
