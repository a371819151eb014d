"""Profile skills: the basis of each level, and skills the person removed by hand.

Revision ID: 0003_profile_basis
Revises: 0002_onet
Create Date: 2026-11-24 10:05:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003_profile_basis"
down_revision: str | None = "0002_onet"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""
    op.add_column(
        "profile_skills",
        sa.Column(
            "basis",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
    )
    op.add_column("profile_skills", sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_check_constraint(
        op.f("ck_profile_skills_basis"), "profile_skills", "jsonb_typeof(basis) = 'array'"
    )


def downgrade() -> None:
    """Revert this migration."""
    op.drop_constraint(op.f("ck_profile_skills_basis"), "profile_skills", type_="check")
    op.drop_column("profile_skills", "removed_at")
    op.drop_column("profile_skills", "basis")
