"""dashboard summary of other records: confirmations, consultation requests and follow-up
visits join the maintained summary (services/queries/dashboard_summary.py)

No schema change: the summary is computed again from scratch, now with the kinds of these
records, so that a database summarised by revision 0008 reads the same figures as the
computation over the records. Downgrading leaves the rows; revision 0008's program ignores
kinds it does not know.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The summary's definition frozen here: services/queries/dashboard_summary.py's rebuild as of
# commit 81e2ebb (cases, clock adjustments, confirmations, consultation requests and
# follow-up visits; day, month and year rows; adjudicated cases' clocks stopped), compiled
# to each database's SQL (PostgreSQL's date literals typed). It is the last definition this migration ran before it was
# frozen, so that every database it builds agrees with the program at that time. A later
# change of the definition needs a migration of its own that computes the summary again
# (or `ipdesk-admin summary rebuild`).
SQLITE_FILL: Final = """WITH contribution AS
(SELECT 1 AS kind, cases.received_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, CAST(cases.ip_type AS VARCHAR) AS ip_type, '0001-01-01' AS lo, CASE WHEN (cases.closed_on < cases.received_on) THEN cases.closed_on ELSE '9999-12-31' END AS hi, 1 AS n
FROM cases
WHERE 1 = 1 UNION ALL SELECT 2 AS kind, cases.accepted_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, CASE WHEN (cases.closed_on < cases.accepted_on) THEN cases.closed_on ELSE '9999-12-31' END AS hi, 1 AS n
FROM cases
WHERE cases.accepted_on IS NOT NULL UNION ALL SELECT 3 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, CASE WHEN (cases.due_on IS NOT NULL AND cases.closed_on > cases.due_on) THEN 1 ELSE 0 END + CASE WHEN (cases.outcome IN ('agreement', 'confirmation_requested', 'confirmed', 'confirmation_denied', 'failed')) THEN 2 ELSE 0 END + CASE WHEN (cases.outcome IN ('agreement', 'confirmation_requested', 'confirmed', 'confirmation_denied')) THEN 4 ELSE 0 END AS flags, '' AS ip_type, CASE WHEN (cases.received_on > cases.closed_on) THEN cases.received_on ELSE '0001-01-01' END AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE cases.status = 'closed' AND cases.closed_on IS NOT NULL UNION ALL SELECT 7 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, (CAST(julianday(cases.closed_on) AS INTEGER) - CAST(julianday(coalesce(cases.accepted_on, cases.received_on)) AS INTEGER)) - CASE WHEN (suspended.case_id IS NULL) THEN 0 ELSE ((coalesce(suspended.ended_days, 0) - CASE WHEN (suspended.first_start IS NOT NULL) THEN max(min(CAST(julianday(coalesce(cases.accepted_on, cases.received_on)) AS INTEGER) + 1, CAST(julianday(suspended.first_end) AS INTEGER)) - CAST(julianday(suspended.first_start) AS INTEGER), 0) ELSE 0 END) - CASE WHEN (suspended.last_end IS NOT NULL) THEN max(CAST(julianday(suspended.last_end) AS INTEGER) - max(CAST(julianday(cases.closed_on) AS INTEGER) + 1, CAST(julianday(suspended.last_start) AS INTEGER)), 0) ELSE 0 END) + CASE WHEN (suspended.open_start IS NOT NULL) THEN max((CAST(julianday(cases.closed_on) AS INTEGER) + 1) - max(CAST(julianday(suspended.open_start) AS INTEGER), CAST(julianday(coalesce(cases.accepted_on, cases.received_on)) AS INTEGER) + 1), 0) ELSE 0 END END AS days, 0 AS flags, '' AS ip_type, CASE WHEN (cases.received_on > cases.closed_on) THEN cases.received_on ELSE '0001-01-01' END AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases LEFT OUTER JOIN (SELECT clock_adjustments.case_id AS case_id, CAST(sum(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN CAST(julianday(clock_adjustments.end_on) AS INTEGER) - CAST(julianday(clock_adjustments.start_on) AS INTEGER) ELSE 0 END) AS BIGINT) AS ended_days, min(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.start_on END) AS first_start, min(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.end_on END) AS first_end, max(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.start_on END) AS last_start, max(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.end_on END) AS last_end, max(CASE WHEN (clock_adjustments.end_on IS NULL) THEN clock_adjustments.start_on END) AS open_start
FROM clock_adjustments
WHERE clock_adjustments.kind = 'suspension' AND clock_adjustments.limit_kind = 'handling' GROUP BY clock_adjustments.case_id) AS suspended ON suspended.case_id = cases.id
WHERE cases.status = 'closed' AND cases.closed_on IS NOT NULL UNION ALL SELECT 4 AS kind, cases.received_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.closed_on IS NULL OR cases.closed_on > cases.received_on) UNION ALL SELECT 4 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE cases.closed_on > cases.received_on UNION ALL SELECT 5 AS kind, max(cases.received_on, date(cases.due_on, '+1 day')) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('adjudicated', 'failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND (cases.closed_on IS NULL OR cases.closed_on > max(cases.received_on, date(cases.due_on, '+1 day'))) UNION ALL SELECT 5 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('adjudicated', 'failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND cases.closed_on > max(cases.received_on, date(cases.due_on, '+1 day')) UNION ALL SELECT 6 AS kind, max(cases.received_on, date(cases.due_on, '-15 day')) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('adjudicated', 'failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND min(date(cases.due_on, '+1 day'), coalesce(cases.closed_on, date(cases.due_on, '+1 day'))) > max(cases.received_on, date(cases.due_on, '-15 day')) UNION ALL SELECT 6 AS kind, min(date(cases.due_on, '+1 day'), coalesce(cases.closed_on, date(cases.due_on, '+1 day'))) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('adjudicated', 'failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND min(date(cases.due_on, '+1 day'), coalesce(cases.closed_on, date(cases.due_on, '+1 day'))) > max(cases.received_on, date(cases.due_on, '-15 day')) UNION ALL SELECT 21 AS kind, anon_1.day AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM (SELECT confirmations.case_id AS case_id, confirmations.applied_on AS day, lead(confirmations.applied_on) OVER (PARTITION BY confirmations.case_id ORDER BY confirmations.applied_on) AS next_day
FROM confirmations
WHERE confirmations.applied_on IS NOT NULL) AS anon_1 JOIN cases ON cases.id = anon_1.case_id UNION ALL SELECT 21 AS kind, anon_1.day AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, anon_1.next_day AS lo, '9999-12-31' AS hi, -1 AS n
FROM (SELECT confirmations.case_id AS case_id, confirmations.applied_on AS day, lead(confirmations.applied_on) OVER (PARTITION BY confirmations.case_id ORDER BY confirmations.applied_on) AS next_day
FROM confirmations
WHERE confirmations.applied_on IS NOT NULL) AS anon_1 JOIN cases ON cases.id = anon_1.case_id
WHERE anon_1.next_day IS NOT NULL UNION ALL SELECT 22 AS kind, anon_2.day AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM (SELECT confirmations.case_id AS case_id, confirmations.decided_on AS day, lead(confirmations.decided_on) OVER (PARTITION BY confirmations.case_id ORDER BY confirmations.decided_on) AS next_day
FROM confirmations
WHERE confirmations.decision = 'valid' AND confirmations.decided_on IS NOT NULL) AS anon_2 JOIN cases ON cases.id = anon_2.case_id UNION ALL SELECT 22 AS kind, anon_2.day AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, anon_2.next_day AS lo, '9999-12-31' AS hi, -1 AS n
FROM (SELECT confirmations.case_id AS case_id, confirmations.decided_on AS day, lead(confirmations.decided_on) OVER (PARTITION BY confirmations.case_id ORDER BY confirmations.decided_on) AS next_day
FROM confirmations
WHERE confirmations.decision = 'valid' AND confirmations.decided_on IS NOT NULL) AS anon_2 JOIN cases ON cases.id = anon_2.case_id
WHERE anon_2.next_day IS NOT NULL UNION ALL SELECT 23 AS kind, consultations.requested_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM consultations, cases, consultation_requests
WHERE consultations.id = consultation_requests.consultation_id AND cases.id = consultations.case_id UNION ALL SELECT 24 AS kind, consultations.requested_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, date(consultation_requests.due_on, '+1 day') AS lo, '9999-12-31' AS hi, 1 AS n
FROM consultations, cases, consultation_requests
WHERE consultations.id = consultation_requests.consultation_id AND cases.id = consultations.case_id AND consultation_requests.state != 'withdrawn' AND consultations.state != 'withdrawn' AND consultation_requests.due_on IS NOT NULL AND (consultation_requests.answered_on IS NULL OR consultation_requests.answered_on > consultation_requests.due_on) UNION ALL SELECT 25 AS kind, follow_up_visits.due_on AS day, follow_up_visits.office_id AS office_id, coalesce(follow_up_visits.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM follow_up_visits
WHERE follow_up_visits.state != 'cancelled' UNION ALL SELECT 26 AS kind, follow_up_visits.due_on AS day, follow_up_visits.office_id AS office_id, coalesce(follow_up_visits.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM follow_up_visits
WHERE follow_up_visits.state != 'cancelled' AND follow_up_visits.state = 'done' AND follow_up_visits.done_on IS NOT NULL UNION ALL SELECT 27 AS kind, follow_up_visits.done_on AS day, follow_up_visits.office_id AS office_id, coalesce(follow_up_visits.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, follow_up_visits.due_on AS lo, '9999-12-31' AS hi, 1 AS n
FROM follow_up_visits
WHERE follow_up_visits.state != 'cancelled' AND follow_up_visits.state = 'done' AND follow_up_visits.done_on IS NOT NULL AND follow_up_visits.done_on > follow_up_visits.due_on)
 INSERT INTO dashboard_summary (kind, day, office_id, station_id, days, flags, ip_type, lo, hi, n) SELECT rows.kind, rows.day, rows.office_id, rows.station_id, rows.days, rows.flags, rows.ip_type, rows.lo, rows.hi, rows.n
FROM (SELECT contribution.kind AS kind, contribution.day AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, contribution.day, contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0 UNION ALL SELECT contribution.kind + 10 AS kind, (substr(contribution.day, 1, 7) || '-01') AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, (substr(contribution.day, 1, 7) || '-01'), contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0 UNION ALL SELECT contribution.kind + 100 AS kind, (substr(contribution.day, 1, 4) || '-01-01') AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, (substr(contribution.day, 1, 4) || '-01-01'), contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0) AS rows
WHERE 1 = 1 ON CONFLICT (kind, day, office_id, station_id, days, flags, ip_type, lo, hi) DO UPDATE SET n = (dashboard_summary.n + excluded.n)"""

POSTGRESQL_FILL: Final = """WITH contribution AS
(SELECT 1 AS kind, cases.received_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, CAST(cases.ip_type AS VARCHAR) AS ip_type, DATE '0001-01-01' AS lo, CASE WHEN (cases.closed_on < cases.received_on) THEN cases.closed_on ELSE DATE '9999-12-31' END AS hi, 1 AS n
FROM cases
WHERE true UNION ALL SELECT 2 AS kind, cases.accepted_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, CASE WHEN (cases.closed_on < cases.accepted_on) THEN cases.closed_on ELSE DATE '9999-12-31' END AS hi, 1 AS n
FROM cases
WHERE cases.accepted_on IS NOT NULL UNION ALL SELECT 3 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, CASE WHEN (cases.due_on IS NOT NULL AND cases.closed_on > cases.due_on) THEN 1 ELSE 0 END + CASE WHEN (cases.outcome IN ('agreement', 'confirmation_requested', 'confirmed', 'confirmation_denied', 'failed')) THEN 2 ELSE 0 END + CASE WHEN (cases.outcome IN ('agreement', 'confirmation_requested', 'confirmed', 'confirmation_denied')) THEN 4 ELSE 0 END AS flags, '' AS ip_type, CASE WHEN (cases.received_on > cases.closed_on) THEN cases.received_on ELSE DATE '0001-01-01' END AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE cases.status = 'closed' AND cases.closed_on IS NOT NULL UNION ALL SELECT 7 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, ((cases.closed_on - DATE '2000-01-01') - (coalesce(cases.accepted_on, cases.received_on) - DATE '2000-01-01')) - CASE WHEN (suspended.case_id IS NULL) THEN 0 ELSE ((coalesce(suspended.ended_days, 0) - CASE WHEN (suspended.first_start IS NOT NULL) THEN GREATEST(LEAST((coalesce(cases.accepted_on, cases.received_on) - DATE '2000-01-01') + 1, (suspended.first_end - DATE '2000-01-01')) - (suspended.first_start - DATE '2000-01-01'), 0) ELSE 0 END) - CASE WHEN (suspended.last_end IS NOT NULL) THEN GREATEST((suspended.last_end - DATE '2000-01-01') - GREATEST((cases.closed_on - DATE '2000-01-01') + 1, (suspended.last_start - DATE '2000-01-01')), 0) ELSE 0 END) + CASE WHEN (suspended.open_start IS NOT NULL) THEN GREATEST(((cases.closed_on - DATE '2000-01-01') + 1) - GREATEST((suspended.open_start - DATE '2000-01-01'), (coalesce(cases.accepted_on, cases.received_on) - DATE '2000-01-01') + 1), 0) ELSE 0 END END AS days, 0 AS flags, '' AS ip_type, CASE WHEN (cases.received_on > cases.closed_on) THEN cases.received_on ELSE DATE '0001-01-01' END AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases LEFT OUTER JOIN (SELECT clock_adjustments.case_id AS case_id, CAST(sum(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN (clock_adjustments.end_on - DATE '2000-01-01') - (clock_adjustments.start_on - DATE '2000-01-01') ELSE 0 END) AS BIGINT) AS ended_days, min(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.start_on END) AS first_start, min(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.end_on END) AS first_end, max(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.start_on END) AS last_start, max(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.end_on END) AS last_end, max(CASE WHEN (clock_adjustments.end_on IS NULL) THEN clock_adjustments.start_on END) AS open_start
FROM clock_adjustments
WHERE clock_adjustments.kind = 'suspension' AND clock_adjustments.limit_kind = 'handling' GROUP BY clock_adjustments.case_id) AS suspended ON suspended.case_id = cases.id
WHERE cases.status = 'closed' AND cases.closed_on IS NOT NULL UNION ALL SELECT 4 AS kind, cases.received_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.closed_on IS NULL OR cases.closed_on > cases.received_on) UNION ALL SELECT 4 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE cases.closed_on > cases.received_on UNION ALL SELECT 5 AS kind, GREATEST(cases.received_on, (cases.due_on + 1)) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('adjudicated', 'failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND (cases.closed_on IS NULL OR cases.closed_on > GREATEST(cases.received_on, (cases.due_on + 1))) UNION ALL SELECT 5 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('adjudicated', 'failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND cases.closed_on > GREATEST(cases.received_on, (cases.due_on + 1)) UNION ALL SELECT 6 AS kind, GREATEST(cases.received_on, (cases.due_on + -15)) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('adjudicated', 'failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND LEAST((cases.due_on + 1), coalesce(cases.closed_on, (cases.due_on + 1))) > GREATEST(cases.received_on, (cases.due_on + -15)) UNION ALL SELECT 6 AS kind, LEAST((cases.due_on + 1), coalesce(cases.closed_on, (cases.due_on + 1))) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('adjudicated', 'failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND LEAST((cases.due_on + 1), coalesce(cases.closed_on, (cases.due_on + 1))) > GREATEST(cases.received_on, (cases.due_on + -15)) UNION ALL SELECT 21 AS kind, anon_1.day AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM (SELECT confirmations.case_id AS case_id, confirmations.applied_on AS day, lead(confirmations.applied_on) OVER (PARTITION BY confirmations.case_id ORDER BY confirmations.applied_on) AS next_day
FROM confirmations
WHERE confirmations.applied_on IS NOT NULL) AS anon_1 JOIN cases ON cases.id = anon_1.case_id UNION ALL SELECT 21 AS kind, anon_1.day AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, anon_1.next_day AS lo, DATE '9999-12-31' AS hi, -1 AS n
FROM (SELECT confirmations.case_id AS case_id, confirmations.applied_on AS day, lead(confirmations.applied_on) OVER (PARTITION BY confirmations.case_id ORDER BY confirmations.applied_on) AS next_day
FROM confirmations
WHERE confirmations.applied_on IS NOT NULL) AS anon_1 JOIN cases ON cases.id = anon_1.case_id
WHERE anon_1.next_day IS NOT NULL UNION ALL SELECT 22 AS kind, anon_2.day AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM (SELECT confirmations.case_id AS case_id, confirmations.decided_on AS day, lead(confirmations.decided_on) OVER (PARTITION BY confirmations.case_id ORDER BY confirmations.decided_on) AS next_day
FROM confirmations
WHERE confirmations.decision = 'valid' AND confirmations.decided_on IS NOT NULL) AS anon_2 JOIN cases ON cases.id = anon_2.case_id UNION ALL SELECT 22 AS kind, anon_2.day AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, anon_2.next_day AS lo, DATE '9999-12-31' AS hi, -1 AS n
FROM (SELECT confirmations.case_id AS case_id, confirmations.decided_on AS day, lead(confirmations.decided_on) OVER (PARTITION BY confirmations.case_id ORDER BY confirmations.decided_on) AS next_day
FROM confirmations
WHERE confirmations.decision = 'valid' AND confirmations.decided_on IS NOT NULL) AS anon_2 JOIN cases ON cases.id = anon_2.case_id
WHERE anon_2.next_day IS NOT NULL UNION ALL SELECT 23 AS kind, consultations.requested_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM consultations, cases, consultation_requests
WHERE consultations.id = consultation_requests.consultation_id AND cases.id = consultations.case_id UNION ALL SELECT 24 AS kind, consultations.requested_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, (consultation_requests.due_on + 1) AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM consultations, cases, consultation_requests
WHERE consultations.id = consultation_requests.consultation_id AND cases.id = consultations.case_id AND consultation_requests.state != 'withdrawn' AND consultations.state != 'withdrawn' AND consultation_requests.due_on IS NOT NULL AND (consultation_requests.answered_on IS NULL OR consultation_requests.answered_on > consultation_requests.due_on) UNION ALL SELECT 25 AS kind, follow_up_visits.due_on AS day, follow_up_visits.office_id AS office_id, coalesce(follow_up_visits.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM follow_up_visits
WHERE follow_up_visits.state != 'cancelled' UNION ALL SELECT 26 AS kind, follow_up_visits.due_on AS day, follow_up_visits.office_id AS office_id, coalesce(follow_up_visits.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM follow_up_visits
WHERE follow_up_visits.state != 'cancelled' AND follow_up_visits.state = 'done' AND follow_up_visits.done_on IS NOT NULL UNION ALL SELECT 27 AS kind, follow_up_visits.done_on AS day, follow_up_visits.office_id AS office_id, coalesce(follow_up_visits.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, follow_up_visits.due_on AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM follow_up_visits
WHERE follow_up_visits.state != 'cancelled' AND follow_up_visits.state = 'done' AND follow_up_visits.done_on IS NOT NULL AND follow_up_visits.done_on > follow_up_visits.due_on)
 INSERT INTO dashboard_summary (kind, day, office_id, station_id, days, flags, ip_type, lo, hi, n) SELECT rows.kind, rows.day, rows.office_id, rows.station_id, rows.days, rows.flags, rows.ip_type, rows.lo, rows.hi, rows.n
FROM (SELECT contribution.kind AS kind, contribution.day AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, contribution.day, contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0 UNION ALL SELECT contribution.kind + 10 AS kind, CAST(date_trunc('month', contribution.day) AS DATE) AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, CAST(date_trunc('month', contribution.day) AS DATE), contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0 UNION ALL SELECT contribution.kind + 100 AS kind, CAST(date_trunc('year', contribution.day) AS DATE) AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, CAST(date_trunc('year', contribution.day) AS DATE), contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0) AS rows
WHERE true ON CONFLICT (kind, day, office_id, station_id, days, flags, ip_type, lo, hi) DO UPDATE SET n = (dashboard_summary.n + excluded.n)"""


def _fill() -> None:
    """Computes the summary from scratch with this revision's definition."""
    connection = op.get_bind()
    fill = SQLITE_FILL if connection.dialect.name == "sqlite" else POSTGRESQL_FILL
    connection.exec_driver_sql("DELETE FROM dashboard_summary")
    connection.exec_driver_sql(fill)


def upgrade() -> None:
    _fill()


def downgrade() -> None:
    pass
