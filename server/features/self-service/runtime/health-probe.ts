import http from 'node:http';

/** One HTTP health check: true for a 2xx answer within `timeoutMs`. */
export function probeHealth(port: number, healthPath: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: healthPath, timeout: timeoutMs },
      (response) => {
        response.resume();
        resolve((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300);
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}
