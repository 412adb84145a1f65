"""The pure policy engine: rules, packs, responsibility, money and dates.

Imports nothing from Flask, SQLAlchemy or the rest of forms_app.
"""
