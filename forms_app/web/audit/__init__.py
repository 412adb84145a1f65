"""The audit trail, for auditors: filter by user, action, person and dates."""
