-- Schema version 8: the queue of legal reviews (法制审核) of the desktop app.
--
-- A case awaits its review on a date D when it was submitted on or before D and the review was
-- not completed by D. The dates are copied from the case's "review" object into columns, and a
-- partial index holds only the live cases with a submission: the queue reads that index in order
-- of submission, which is the order of the 5-working-day deadlines, and never the case rows
-- it does not return.

ALTER TABLE cases ADD COLUMN review_submitted_on TEXT;
ALTER TABLE cases ADD COLUMN review_completed_on TEXT;

UPDATE cases
SET review_submitted_on = json_extract (body, '$.review.submitted_on'),
    review_completed_on = json_extract (body, '$.review.completed_on')
WHERE json_valid (body) AND json_type (body, '$.review') = 'object';

CREATE INDEX cases_review_queue ON cases (review_submitted_on, review_completed_on, pk)
  WHERE deleted = 0 AND review_submitted_on IS NOT NULL;
