"""Use cases on cases: registering, the life cycle and its limits, mediation, confirmation,
consultation, adjudication, follow-up visits, alerts."""
