/** The head of a CGI response: its status and headers (RFC 3875 §6). */
export interface CgiHead {
  status: number;
  headers: Record<string, string>;
}

/**
 * Splits a CGI program's output at the blank line after its headers. Null while the blank line
 * has not arrived yet; `body` is whatever followed it in the same chunk(s).
 */
export function parseCgiHead(output: Buffer): { head: CgiHead; body: Buffer } | null {
  const crlf = output.indexOf('\r\n\r\n');
  const lf = output.indexOf('\n\n');
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : -1;
  if (end < 0) return null;
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of output.subarray(0, end).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'status') status = Number.parseInt(value, 10) || 500;
    else headers[name] = value;
  }
  return { head: { status, headers }, body: output.subarray(end) };
}
