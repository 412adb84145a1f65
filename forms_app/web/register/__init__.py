"""The register of people (search, filters, paging) and adding a person."""
