"""Held answers: a journey step posted just after the session ended, kept for its user.

Revision ID: 0003_held_answers
Revises: 0002_api_tokens
Create Date: 2026-11-24 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003_held_answers"
down_revision = "0002_api_tokens"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "held_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=60), nullable=False),
        sa.Column("fields", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()),
                                                   "postgresql"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_held_answers_user_id_users")),
        sa.ForeignKeyConstraint(["form_id"], ["form_records.id"], ondelete="CASCADE",
                                name=op.f("fk_held_answers_form_id_form_records")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_held_answers")),
    )
    with op.batch_alter_table("held_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_held_answers_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_held_answers_form_id"), ["form_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_held_answers_created_at"), ["created_at"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("held_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_held_answers_created_at"))
        batch_op.drop_index(batch_op.f("ix_held_answers_form_id"))
        batch_op.drop_index(batch_op.f("ix_held_answers_user_id"))
    op.drop_table("held_answers")
