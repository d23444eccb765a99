-- Issue 13, finding 2: before this, answering a survey through the push path left an audit row
-- naming who answered and when, and a mutation result with the exact time. Keep that a response
-- was recorded, and its day; drop who and the time of day (as answer-survey.ts now writes them).
-- (Survey ids were not kept in those rows, so the survey stays unknown.)
UPDATE audit_log
   SET actor_user_id = NULL,
       at = date_trunc('day', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
       action = 'survey.response',
       entity = 'survey',
       entity_id = 'unknown',
       detail = '{}'
 WHERE action = 'survey.answer';

UPDATE mutation_results
   SET at = date_trunc('day', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
 WHERE name = 'survey.answer';
