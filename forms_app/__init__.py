"""Section 117 aftercare forms and documents service."""
