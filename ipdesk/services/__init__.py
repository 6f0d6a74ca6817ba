"""The use cases of ipdesk: no Qt, one function per use case, the acting user an argument.

Grouped so that a newcomer sees the shape: ``rules`` (decisions without a database of
their own), ``cases`` (the use cases on cases), ``admin`` (users, organisation, reference
data, setting a database up), ``queries`` (read models), ``infra`` (audit, backups, the
content store), ``documents`` (Word documents); ``actors`` and ``errors`` are everyone's.
"""

# Imported for what they install in every session, not for their names: the dashboard's
# summary kept in step with the cases it changes, text no database can store refused
# before a flush (lookups), the adjudication track's limit sources.
from ipdesk.services.queries import dashboard_summary as dashboard_summary
from ipdesk.services.queries import lookups as lookups
from ipdesk.services.rules import adjudication_rules as adjudication_rules
