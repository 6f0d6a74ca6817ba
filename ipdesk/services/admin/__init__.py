"""Administration and reference data: users and sign-in, the organisation, partner agencies,
the holiday calendar, seeding and setting up a database."""
