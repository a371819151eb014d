"""Posting analyses keyed by the posting text, so pasted postings are analysed once; report revisions.

Revision ID: 0004_posting_analyses
Revises: 0003_profile_basis
Create Date: 2026-11-24 12:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_posting_analyses"
down_revision: str | None = "0003_profile_basis"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""
    op.alter_column("jd_analyses", "job_id", nullable=True)
    op.add_column("jd_analyses", sa.Column("jd_hash", sa.Text(), nullable=True))
    op.add_column("jd_analyses", sa.Column("title", sa.Text(), nullable=True))
    op.add_column("jd_analyses", sa.Column("engine_version", sa.Text(), nullable=True))
    # Analyses stored before this revision belong to a job; their hash is unknown until re-analysed.
    op.execute("UPDATE jd_analyses SET jd_hash = 'job:' || job_id, engine_version = 'unknown'")
    op.alter_column("jd_analyses", "jd_hash", nullable=False)
    op.alter_column("jd_analyses", "engine_version", nullable=False)
    op.create_unique_constraint(op.f("uq_jd_analyses_jd_hash"), "jd_analyses", ["jd_hash"])
    op.add_column(
        "skill_gap_reports",
        sa.Column("revision", sa.Integer(), server_default=sa.text("1"), nullable=False),
    )
    op.create_check_constraint(op.f("ck_skill_gap_reports_revision"), "skill_gap_reports", "revision >= 1")
    op.create_unique_constraint(
        op.f("uq_skill_gap_reports_owner_id_jd_hash_revision"), "skill_gap_reports", ["owner_id", "jd_hash", "revision"]
    )


def downgrade() -> None:
    """Revert this migration."""
    op.drop_constraint(op.f("uq_skill_gap_reports_owner_id_jd_hash_revision"), "skill_gap_reports", type_="unique")
    op.drop_constraint(op.f("ck_skill_gap_reports_revision"), "skill_gap_reports", type_="check")
    op.drop_column("skill_gap_reports", "revision")
    op.drop_constraint(op.f("uq_jd_analyses_jd_hash"), "jd_analyses", type_="unique")
    op.execute("DELETE FROM jd_analyses WHERE job_id IS NULL")
    op.drop_column("jd_analyses", "engine_version")
    op.drop_column("jd_analyses", "title")
    op.drop_column("jd_analyses", "jd_hash")
    op.alter_column("jd_analyses", "job_id", nullable=False)
