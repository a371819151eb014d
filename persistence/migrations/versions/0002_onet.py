"""O*NET knowledge base and skill ontology: occupations, ratings, technologies, titles, skills, aliases.

Revision ID: 0002_onet
Revises: 0001_app_tables
Create Date: 2026-11-24 02:33:10.136548
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql
revision: str = '0002_onet'
down_revision: str | None = '0001_app_tables'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table('onet_elements',
    sa.Column('element_id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('element_id', name=op.f('pk_onet_elements'))
    )
    op.create_table('onet_occupations',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('job_zone', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_onet_occupations'))
    )
    op.create_table('onet_releases',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('version', sa.Text(), nullable=False),
    sa.Column('fingerprint', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('counts', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('skipped', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('missing_files', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('is_current', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_onet_releases'))
    )
    op.create_index('uq_onet_releases_one_current', 'onet_releases', ['is_current'], unique=True, postgresql_where=sa.text('is_current'))
    op.create_table('skills',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('category', sa.Text(), nullable=False),
    sa.Column('framework', sa.Text(), nullable=False),
    sa.Column('external_id', sa.Text(), nullable=True),
    sa.Column('taxonomy_path', sa.Text(), nullable=False),
    sa.Column('hot', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('in_demand', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('meta', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.CheckConstraint("kind IN ('skill', 'knowledge', 'ability', 'technology', 'concept')", name=op.f('ck_skills_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skills'))
    )
    op.create_table('onet_education',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('element_id', sa.Text(), nullable=False),
    sa.Column('scale_id', sa.Text(), nullable=False),
    sa.Column('category', sa.Integer(), nullable=False),
    sa.Column('value', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['code'], ['onet_occupations.code'], name=op.f('fk_onet_education_code'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('code', 'element_id', 'scale_id', 'category', name=op.f('pk_onet_education'))
    )
    op.create_table('onet_ratings',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('element_id', sa.Text(), nullable=False),
    sa.Column('domain', sa.Text(), nullable=False),
    sa.Column('importance', sa.Numeric(precision=4, scale=2), nullable=True),
    sa.Column('level', sa.Numeric(precision=4, scale=2), nullable=True),
    sa.Column('not_relevant', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.CheckConstraint("domain IN ('skills', 'knowledge', 'abilities')", name=op.f('ck_onet_ratings_domain')),
    sa.ForeignKeyConstraint(['code'], ['onet_occupations.code'], name=op.f('fk_onet_ratings_code'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['element_id'], ['onet_elements.element_id'], name=op.f('fk_onet_ratings_element_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('code', 'element_id', name=op.f('pk_onet_ratings'))
    )
    op.create_table('onet_related',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('related_code', sa.Text(), nullable=False),
    sa.Column('tier', sa.Text(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['code'], ['onet_occupations.code'], name=op.f('fk_onet_related_code'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['related_code'], ['onet_occupations.code'], name=op.f('fk_onet_related_related_code'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('code', 'related_code', name=op.f('pk_onet_related'))
    )
    op.create_table('onet_tasks',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('task', sa.Text(), nullable=False),
    sa.Column('task_type', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['code'], ['onet_occupations.code'], name=op.f('fk_onet_tasks_code'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', name=op.f('pk_onet_tasks'))
    )
    op.create_index(op.f('ix_onet_tasks_code'), 'onet_tasks', ['code'], unique=False)
    op.create_table('onet_technologies',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('skill_id', sa.Text(), nullable=False),
    sa.Column('example', sa.Text(), nullable=False),
    sa.Column('commodity_code', sa.Text(), nullable=True),
    sa.Column('commodity_title', sa.Text(), nullable=True),
    sa.Column('hot', sa.Boolean(), nullable=False),
    sa.Column('in_demand', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['code'], ['onet_occupations.code'], name=op.f('fk_onet_technologies_code'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['skill_id'], ['skills.id'], name=op.f('fk_onet_technologies_skill_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('code', 'skill_id', name=op.f('pk_onet_technologies'))
    )
    op.create_index(op.f('ix_onet_technologies_skill_id'), 'onet_technologies', ['skill_id'], unique=False)
    op.create_table('onet_titles',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('alternate', 'short', 'reported')", name=op.f('ck_onet_titles_kind')),
    sa.ForeignKeyConstraint(['code'], ['onet_occupations.code'], name=op.f('fk_onet_titles_code'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_onet_titles'))
    )
    op.create_index(op.f('ix_onet_titles_code'), 'onet_titles', ['code'], unique=False)
    op.create_table('onet_tools',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('example', sa.Text(), nullable=False),
    sa.Column('commodity_code', sa.Text(), nullable=True),
    sa.Column('commodity_title', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['code'], ['onet_occupations.code'], name=op.f('fk_onet_tools_code'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_onet_tools'))
    )
    op.create_index(op.f('ix_onet_tools_code'), 'onet_tools', ['code'], unique=False)
    op.create_table('skill_aliases',
    sa.Column('alias_key', sa.Text(), nullable=False),
    sa.Column('skill_id', sa.Text(), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['skill_id'], ['skills.id'], name=op.f('fk_skill_aliases_skill_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('alias_key', 'skill_id', name=op.f('pk_skill_aliases'))
    )
    op.create_index(op.f('ix_skill_aliases_skill_id'), 'skill_aliases', ['skill_id'], unique=False)


def downgrade() -> None:
    """Revert this migration."""
    op.drop_index(op.f('ix_skill_aliases_skill_id'), table_name='skill_aliases')
    op.drop_table('skill_aliases')
    op.drop_index(op.f('ix_onet_tools_code'), table_name='onet_tools')
    op.drop_table('onet_tools')
    op.drop_index(op.f('ix_onet_titles_code'), table_name='onet_titles')
    op.drop_table('onet_titles')
    op.drop_index(op.f('ix_onet_technologies_skill_id'), table_name='onet_technologies')
    op.drop_table('onet_technologies')
    op.drop_index(op.f('ix_onet_tasks_code'), table_name='onet_tasks')
    op.drop_table('onet_tasks')
    op.drop_table('onet_related')
    op.drop_table('onet_ratings')
    op.drop_table('onet_education')
    op.drop_table('skills')
    op.drop_index('uq_onet_releases_one_current', table_name='onet_releases', postgresql_where=sa.text('is_current'))
    op.drop_table('onet_releases')
    op.drop_table('onet_occupations')
    op.drop_table('onet_elements')
