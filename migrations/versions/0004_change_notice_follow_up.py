"""Change notices: the person's written acknowledgement and the consulted commissioner's
confirmation, one of each per notice.

Revision ID: 0004_change_notice_follow_up
Revises: 0003_held_answers
Create Date: 2026-12-03 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_change_notice_follow_up"
down_revision = "0003_held_answers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_acknowledgements()
    _create_confirmations()


def downgrade() -> None:
    op.drop_table("consultation_confirmations")
    op.drop_table("notice_acknowledgements")


def _create_acknowledgements() -> None:
    op.create_table(
        "notice_acknowledgements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("method IN ('post', 'email', 'by_hand', 'other')",
                           name=op.f("ck_notice_acknowledgements_method")),
        sa.ForeignKeyConstraint(["form_id"], ["form_records.id"],
                                name=op.f("fk_notice_acknowledgements_form_id_form_records")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"],
                                name=op.f("fk_notice_acknowledgements_recorded_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_acknowledgements")),
        sa.UniqueConstraint("form_id", name=op.f("uq_notice_acknowledgements_form_id")),
    )


def _create_confirmations() -> None:
    op.create_table(
        "consultation_confirmations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("organisation_code", sa.String(length=16), nullable=False),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["form_records.id"],
                                name=op.f("fk_consultation_confirmations_form_id_form_records")),
        sa.ForeignKeyConstraint(["confirmed_by_id"], ["users.id"],
                                name=op.f("fk_consultation_confirmations_confirmed_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_confirmations")),
        sa.UniqueConstraint("form_id", name=op.f("uq_consultation_confirmations_form_id")),
    )

