"""Jobmate app tables: users, resumes, profile, jobs, reports, learning, goals, tasks, notes.

Revision ID: 0001_app_tables
Revises: (none)
Create Date: 2026-11-24 01:53:26.696735
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql
revision: str = '0001_app_tables'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table('job_listings',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('company', sa.Text(), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('job_type', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('requirements', sa.Text(), nullable=True),
    sa.Column('salary_min', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('salary_max', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('salary_currency', sa.Text(), nullable=True),
    sa.Column('salary_period', sa.Text(), nullable=True),
    sa.Column('external_url', sa.Text(), nullable=True),
    sa.Column('external_id', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('platform', sa.Text(), nullable=True),
    sa.Column('company_logo', sa.Text(), nullable=True),
    sa.Column('company_website', sa.Text(), nullable=True),
    sa.Column('remote', sa.Boolean(), nullable=True),
    sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('visa_sponsorship', sa.Boolean(), nullable=True),
    sa.Column('citizenship_required', sa.Boolean(), nullable=True),
    sa.Column('pr_required', sa.Boolean(), nullable=True),
    sa.Column('content_hash', sa.Text(), nullable=False),
    sa.Column('scraped_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('length(trim(title)) > 0', name=op.f('ck_job_listings_title_set')),
    sa.CheckConstraint('salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max', name=op.f('ck_job_listings_salary')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_listings')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_job_listings_content_hash'))
    )
    op.create_table('learning_items',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('skill_id', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('provider', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), server_default='course', nullable=False),
    sa.Column('level', sa.Text(), nullable=True),
    sa.Column('hours', sa.Numeric(precision=6, scale=1), nullable=True),
    sa.Column('cost', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), server_default='catalogue', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('hours IS NULL OR hours > 0', name=op.f('ck_learning_items_hours')),
    sa.CheckConstraint('length(trim(title)) > 0', name=op.f('ck_learning_items_title_set')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_items')),
    sa.UniqueConstraint('skill_id', 'url', name=op.f('uq_learning_items_skill_id_url'))
    )
    op.create_index(op.f('ix_learning_items_skill_id'), 'learning_items', ['skill_id'], unique=False)
    op.create_table('processing_runs',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('llm_model', sa.Text(), nullable=True),
    sa.Column('embedding_model', sa.Text(), nullable=True),
    sa.Column('prompt_hash', sa.Text(), nullable=True),
    sa.Column('temperature', sa.Float(), nullable=True),
    sa.Column('onet_release', sa.Text(), nullable=True),
    sa.Column('engine_version', sa.Text(), nullable=False),
    sa.Column('params', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processing_runs'))
    )
    op.create_table('users',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('identifier', sa.Text(), nullable=False),
    sa.Column('display_name', sa.Text(), nullable=True),
    sa.Column('password_hash', sa.Text(), nullable=True),
    sa.Column('settings', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('length(trim(identifier)) > 0', name=op.f('ck_users_identifier_set')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('identifier', name=op.f('uq_users_identifier'))
    )
    op.create_table('goals',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Text(), server_default='active', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("status IN ('active', 'achieved', 'abandoned')", name=op.f('ck_goals_status')),
    sa.CheckConstraint('length(trim(title)) > 0', name=op.f('ck_goals_title_set')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_goals_owner_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals')),
    sa.UniqueConstraint('id', 'owner_id', name=op.f('uq_goals_id_owner_id'))
    )
    op.create_index(op.f('ix_goals_owner_id'), 'goals', ['owner_id'], unique=False)
    op.create_table('jd_analyses',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('job_id', sa.BigInteger(), nullable=False),
    sa.Column('required_skills', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('preferred_skills', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('years_experience', sa.Numeric(precision=4, scale=1), nullable=True),
    sa.Column('education_level', sa.Text(), nullable=True),
    sa.Column('ats_keywords', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('occupation_code', sa.Text(), nullable=True),
    sa.Column('details', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('processing_run_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('years_experience IS NULL OR years_experience >= 0', name=op.f('ck_jd_analyses_years')),
    sa.ForeignKeyConstraint(['job_id'], ['job_listings.id'], name=op.f('fk_jd_analyses_job_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['processing_run_id'], ['processing_runs.id'], name=op.f('fk_jd_analyses_processing_run_id'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jd_analyses')),
    sa.UniqueConstraint('job_id', name=op.f('uq_jd_analyses_job_id'))
    )
    op.create_table('profile_skills',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('skill_id', sa.Text(), nullable=False),
    sa.Column('display_name', sa.Text(), nullable=False),
    sa.Column('category', sa.Text(), nullable=False),
    sa.Column('level', sa.Numeric(precision=3, scale=2), nullable=False),
    sa.Column('proficiency', sa.Integer(), nullable=False),
    sa.Column('years', sa.Numeric(precision=4, scale=1), nullable=True),
    sa.Column('evidence', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("category IN ('language', 'framework', 'database', 'tool', 'cloud', 'concept', 'soft_skill', 'domain')", name=op.f('ck_profile_skills_category')),
    sa.CheckConstraint("jsonb_typeof(evidence) = 'array'", name=op.f('ck_profile_skills_evidence')),
    sa.CheckConstraint("source IN ('resume', 'manual', 'both', 'task')", name=op.f('ck_profile_skills_source')),
    sa.CheckConstraint('confidence >= 0 AND confidence <= 1', name=op.f('ck_profile_skills_confidence')),
    sa.CheckConstraint('level >= 0 AND level <= 7', name=op.f('ck_profile_skills_level')),
    sa.CheckConstraint('proficiency BETWEEN 1 AND 10', name=op.f('ck_profile_skills_proficiency')),
    sa.CheckConstraint('years IS NULL OR years >= 0', name=op.f('ck_profile_skills_years')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_profile_skills_owner_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profile_skills')),
    sa.UniqueConstraint('owner_id', 'skill_id', name=op.f('uq_profile_skills_owner_id_skill_id'))
    )
    op.create_index(op.f('ix_profile_skills_owner_id'), 'profile_skills', ['owner_id'], unique=False)
    op.create_table('resumes',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('original_filename', sa.Text(), nullable=False),
    sa.Column('content_type', sa.Text(), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('file_sha256', sa.Text(), nullable=False),
    sa.Column('raw_text_sha256', sa.Text(), nullable=True),
    sa.Column('raw_text', sa.Text(), nullable=True),
    sa.Column('redacted_text', sa.Text(), nullable=True),
    sa.Column('sections', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('parsed_json', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('status', sa.Text(), server_default='uploaded', nullable=False),
    sa.Column('is_default', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('processing_run_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("char_length(coalesce(parsed_json->>'text_preview', '')) <= 1000", name=op.f('ck_resumes_preview')),
    sa.CheckConstraint("status IN ('uploaded', 'parsed', 'failed')", name=op.f('ck_resumes_status')),
    sa.CheckConstraint('size_bytes >= 0', name=op.f('ck_resumes_size')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_resumes_owner_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['processing_run_id'], ['processing_runs.id'], name=op.f('fk_resumes_processing_run_id'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resumes')),
    sa.UniqueConstraint('id', 'owner_id', name=op.f('uq_resumes_id_owner_id')),
    sa.UniqueConstraint('owner_id', 'file_sha256', name=op.f('uq_resumes_owner_id_file_sha256'))
    )
    op.create_index(op.f('ix_resumes_owner_id'), 'resumes', ['owner_id'], unique=False)
    op.create_index('uq_resumes_one_default', 'resumes', ['owner_id'], unique=True, postgresql_where=sa.text('is_default'))
    op.create_table('saved_jobs',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('job_id', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.Text(), server_default='saved', nullable=False),
    sa.Column('status_history', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('added_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("status IN ('saved', 'applied', 'interview', 'offer', 'rejected', 'skipped')", name=op.f('ck_saved_jobs_status')),
    sa.ForeignKeyConstraint(['job_id'], ['job_listings.id'], name=op.f('fk_saved_jobs_job_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_saved_jobs_owner_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_jobs')),
    sa.UniqueConstraint('owner_id', 'job_id', name=op.f('uq_saved_jobs_owner_id_job_id'))
    )
    op.create_index(op.f('ix_saved_jobs_job_id'), 'saved_jobs', ['job_id'], unique=False)
    op.create_index(op.f('ix_saved_jobs_owner_id'), 'saved_jobs', ['owner_id'], unique=False)
    op.create_table('saved_searches',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('sources', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('search_term', sa.Text(), nullable=False),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('country', sa.Text(), nullable=True),
    sa.Column('remote', sa.Boolean(), nullable=True),
    sa.Column('filters', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('results_wanted', sa.Integer(), server_default='20', nullable=False),
    sa.Column('interval_hours', sa.Integer(), server_default='3', nullable=False),
    sa.Column('last_run_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('interval_hours >= 1', name=op.f('ck_saved_searches_interval')),
    sa.CheckConstraint('length(trim(search_term)) > 0', name=op.f('ck_saved_searches_term_set')),
    sa.CheckConstraint('results_wanted BETWEEN 1 AND 1000', name=op.f('ck_saved_searches_results_wanted')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_saved_searches_owner_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_searches'))
    )
    op.create_index(op.f('ix_saved_searches_owner_id'), 'saved_searches', ['owner_id'], unique=False)
    op.create_table('skill_gap_reports',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('resume_id', sa.BigInteger(), nullable=True),
    sa.Column('job_id', sa.BigInteger(), nullable=True),
    sa.Column('jd_hash', sa.Text(), nullable=False),
    sa.Column('matched', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('missing', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('weak', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('extra', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('score_breakdown', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('score_version', sa.Text(), nullable=False),
    sa.Column('report_note', sa.Text(), nullable=True),
    sa.Column('processing_run_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('score IS NULL OR score BETWEEN 0 AND 100', name=op.f('ck_skill_gap_reports_score')),
    sa.ForeignKeyConstraint(['job_id'], ['job_listings.id'], name=op.f('fk_skill_gap_reports_job_id'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_skill_gap_reports_owner_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['processing_run_id'], ['processing_runs.id'], name=op.f('fk_skill_gap_reports_processing_run_id'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resume_id', 'owner_id'], ['resumes.id', 'resumes.owner_id'], name=op.f('fk_skill_gap_reports_resume_id_owner_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skill_gap_reports')),
    sa.UniqueConstraint('id', 'owner_id', name=op.f('uq_skill_gap_reports_id_owner_id'))
    )
    op.create_index(op.f('ix_skill_gap_reports_owner_id'), 'skill_gap_reports', ['owner_id'], unique=False)
    op.create_index(op.f('ix_skill_gap_reports_resume_id'), 'skill_gap_reports', ['resume_id'], unique=False)
    op.create_table('tasks',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('goal_id', sa.BigInteger(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('done', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('priority', sa.Integer(), server_default='3', nullable=False),
    sa.Column('learning_item_id', sa.BigInteger(), nullable=True),
    sa.Column('skill_id', sa.Text(), nullable=True),
    sa.Column('created_by', sa.Text(), server_default='user', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("created_by IN ('agent', 'user')", name=op.f('ck_tasks_created_by')),
    sa.CheckConstraint('done = (done_at IS NOT NULL)', name=op.f('ck_tasks_done_at')),
    sa.CheckConstraint('length(trim(title)) > 0', name=op.f('ck_tasks_title_set')),
    sa.CheckConstraint('priority BETWEEN 1 AND 5', name=op.f('ck_tasks_priority')),
    sa.CheckConstraint('start_date IS NULL OR due_date IS NULL OR start_date <= due_date', name=op.f('ck_tasks_dates')),
    sa.ForeignKeyConstraint(['goal_id', 'owner_id'], ['goals.id', 'goals.owner_id'], name=op.f('fk_tasks_goal_id_owner_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['learning_item_id'], ['learning_items.id'], name=op.f('fk_tasks_learning_item_id'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_tasks_owner_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks')),
    sa.UniqueConstraint('id', 'owner_id', name=op.f('uq_tasks_id_owner_id'))
    )
    op.create_index(op.f('ix_tasks_goal_id'), 'tasks', ['goal_id'], unique=False)
    op.create_index(op.f('ix_tasks_owner_id'), 'tasks', ['owner_id'], unique=False)
    op.create_table('notes',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('task_id', sa.BigInteger(), nullable=True),
    sa.Column('report_id', sa.BigInteger(), nullable=True),
    sa.Column('job_id', sa.BigInteger(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('length(trim(content)) > 0', name=op.f('ck_notes_content_set')),
    sa.ForeignKeyConstraint(['job_id'], ['job_listings.id'], name=op.f('fk_notes_job_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_notes_owner_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id', 'owner_id'], ['skill_gap_reports.id', 'skill_gap_reports.owner_id'], name=op.f('fk_notes_report_id_owner_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id', 'owner_id'], ['tasks.id', 'tasks.owner_id'], name=op.f('fk_notes_task_id_owner_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    op.create_index(op.f('ix_notes_job_id'), 'notes', ['job_id'], unique=False)
    op.create_index(op.f('ix_notes_owner_id'), 'notes', ['owner_id'], unique=False)
    op.create_index(op.f('ix_notes_report_id'), 'notes', ['report_id'], unique=False)
    op.create_index(op.f('ix_notes_task_id'), 'notes', ['task_id'], unique=False)
    op.create_table('report_learning_items',
    sa.Column('report_id', sa.BigInteger(), nullable=False),
    sa.Column('learning_item_id', sa.BigInteger(), nullable=False),
    sa.Column('skill_id', sa.Text(), nullable=False),
    sa.Column('learning_value', sa.Float(), server_default='0', nullable=False),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.CheckConstraint('position >= 0', name=op.f('ck_report_learning_items_position')),
    sa.ForeignKeyConstraint(['learning_item_id'], ['learning_items.id'], name=op.f('fk_report_learning_items_learning_item_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['skill_gap_reports.id'], name=op.f('fk_report_learning_items_report_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'learning_item_id', name=op.f('pk_report_learning_items'))
    )


def downgrade() -> None:
    """Revert this migration."""
    op.drop_table('report_learning_items')
    op.drop_index(op.f('ix_notes_task_id'), table_name='notes')
    op.drop_index(op.f('ix_notes_report_id'), table_name='notes')
    op.drop_index(op.f('ix_notes_owner_id'), table_name='notes')
    op.drop_index(op.f('ix_notes_job_id'), table_name='notes')
    op.drop_table('notes')
    op.drop_index(op.f('ix_tasks_owner_id'), table_name='tasks')
    op.drop_index(op.f('ix_tasks_goal_id'), table_name='tasks')
    op.drop_table('tasks')
    op.drop_index(op.f('ix_skill_gap_reports_resume_id'), table_name='skill_gap_reports')
    op.drop_index(op.f('ix_skill_gap_reports_owner_id'), table_name='skill_gap_reports')
    op.drop_table('skill_gap_reports')
    op.drop_index(op.f('ix_saved_searches_owner_id'), table_name='saved_searches')
    op.drop_table('saved_searches')
    op.drop_index(op.f('ix_saved_jobs_owner_id'), table_name='saved_jobs')
    op.drop_index(op.f('ix_saved_jobs_job_id'), table_name='saved_jobs')
    op.drop_table('saved_jobs')
    op.drop_index('uq_resumes_one_default', table_name='resumes', postgresql_where=sa.text('is_default'))
    op.drop_index(op.f('ix_resumes_owner_id'), table_name='resumes')
    op.drop_table('resumes')
    op.drop_index(op.f('ix_profile_skills_owner_id'), table_name='profile_skills')
    op.drop_table('profile_skills')
    op.drop_table('jd_analyses')
    op.drop_index(op.f('ix_goals_owner_id'), table_name='goals')
    op.drop_table('goals')
    op.drop_table('users')
    op.drop_table('processing_runs')
    op.drop_index(op.f('ix_learning_items_skill_id'), table_name='learning_items')
    op.drop_table('learning_items')
    op.drop_table('job_listings')
