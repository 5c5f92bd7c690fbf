-- name: votes-by-year
-- title: Votes by year
-- description: Per year of the vote, the decisions whose official record gives a vote: how many were adopted unanimously and their share, how many with abstentions or votes against, how many drafts failed, and the abstentions cast in all.
-- chart: bars x=year y=unanimous,with_abstentions,with_votes_against
SELECT substr(adopted_on, 1, 4) AS year,
       count(*) AS decisions,
       sum(unanimous = 1) AS unanimous,
       round(100.0 * sum(unanimous = 1) / count(*), 1) AS unanimous_share,
       sum(abstaining > 0) AS with_abstentions,
       sum(against > 0) AS with_votes_against,
       sum(outcome = 'not_adopted') AS not_adopted,
       sum(abstaining) AS abstentions
FROM decisions
WHERE adopted_on IS NOT NULL AND in_favour IS NOT NULL
GROUP BY year
ORDER BY year;
