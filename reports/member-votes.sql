-- name: member-votes
-- title: How each member voted
-- description: For each member state named in the official voting records held (AKN XML or data_extract files), the decisions it voted on: in favour, against, abstaining, and the first and last date. A vote against by a permanent member on a draft not adopted is a veto.
-- chart: hbars label=member_state value=abstaining limit=25
SELECT member_state,
       count(*) AS decisions,
       sum(vote = 'in_favour') AS in_favour,
       sum(vote = 'against') AS against,
       sum(vote = 'abstaining') AS abstaining,
       sum(vote = 'against' AND d.outcome = 'not_adopted') AS against_drafts_not_adopted,
       min(v.adopted_on) AS first_vote,
       max(v.adopted_on) AS last_vote
FROM member_votes v
JOIN decisions d ON d.symbol = v.symbol
GROUP BY member_state
ORDER BY decisions DESC, member_state;
