import { randomUUID } from 'node:crypto';
import { Survey, SurveyResults } from '../../../../shared/features/surveys/api';
import { apiClient } from '../../api-client';

export type Api = ReturnType<typeof apiClient>;

export interface Person {
  id: string;
  token: string;
  api: Api;
}

/** A user with a token, through the admin REST API (as a script would). */
export async function createPerson(
  url: string,
  admin: Api,
  name: string,
  role: 'engineer' | 'lead',
  teamIds: string[] = [],
): Promise<Person> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 8)}@example.com`;
  const created = await admin('POST', '/v1/users', { name, email, role, teamIds });
  if (created.status !== 201)
    throw new Error(`create user: ${created.status} ${JSON.stringify(created.body)}`);
  const id = (created.body as { id: string }).id;
  const issued = await admin('POST', `/v1/users/${id}/tokens`, { name: 'test' });
  const token = (issued.body as { token: string }).token;
  return { id, token, api: apiClient(url, token) };
}

export async function createTeam(admin: Api, slug: string): Promise<string> {
  const r = await admin('POST', '/v1/teams', { slug, name: slug.replace(/-/g, ' ') });
  if (r.status !== 201) throw new Error(`create team: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

const hour = 3600_000;

/** A published survey open from an hour ago for `hours` hours. */
export async function publishSurvey(lead: Api, body: Record<string, unknown>, hours = 24): Promise<Survey> {
  const created = await lead('POST', '/v1/surveys', {
    title: 'Survey',
    opensAt: new Date(Date.now() - hour).toISOString(),
    closesAt: new Date(Date.now() + hours * hour).toISOString(),
    ...body,
  });
  if (created.status !== 201)
    throw new Error(`create survey: ${created.status} ${JSON.stringify(created.body)}`);
  const id = Survey.parse(created.body).id;
  const published = await lead('POST', `/v1/surveys/${id}/publish`);
  if (published.status !== 200)
    throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return Survey.parse(published.body);
}

export async function answer(person: Person, surveyId: string, answers: Record<string, unknown>) {
  return person.api('POST', `/v1/surveys/${surveyId}/responses`, { responseId: randomUUID(), answers });
}

/** Closes a survey now: its results are released only then (shared/domain/anonymity.ts). */
export async function closeSurvey(lead: Api, surveyId: string): Promise<void> {
  const r = await lead('POST', `/v1/surveys/${surveyId}/close`);
  if (r.status !== 200) throw new Error(`close: ${r.status} ${JSON.stringify(r.body)}`);
}

export async function results(lead: Api, surveyId: string): Promise<SurveyResults> {
  const r = await lead('GET', `/v1/surveys/${surveyId}/results`);
  if (r.status !== 200) throw new Error(`results: ${r.status} ${JSON.stringify(r.body)}`);
  return SurveyResults.parse(r.body);
}
