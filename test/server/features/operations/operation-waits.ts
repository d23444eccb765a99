import { OperationEvent, type Operation } from '../../../../shared/features/operations/api';

/** Reads an operation's SSE stream from `after` until the server ends it (after the final status). */
export async function readOperationEvents(
  baseUrl: string,
  token: string,
  operationId: string,
  after = 0,
): Promise<OperationEvent[]> {
  const response = await fetch(`${baseUrl}/v1/operations/${operationId}/events?after=${after}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`events: ${response.status} ${await response.text()}`);
  const text = await response.text(); // the server closes the stream after the final status
  return text
    .split('\n\n')
    .map((block) => block.split('\n').find((line) => line.startsWith('data: ')))
    .filter((line): line is string => Boolean(line))
    .map((line) => OperationEvent.parse(JSON.parse(line.slice(6))));
}

export async function getOperation(baseUrl: string, token: string, id: string): Promise<Operation> {
  const response = await fetch(`${baseUrl}/v1/operations/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as Operation;
}
