"""The gap between a person and a job: the score, the report and ranking many jobs."""
