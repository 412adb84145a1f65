"""A case: the person, detentions, responsible bodies, forms and documents."""
