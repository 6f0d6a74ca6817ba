"""The use cases of ipdesk: no Qt, one function per use case, the acting user an argument."""

# The adjudication track's limit sources and step guards (limits, workflow) register here.
from ipdesk.services import adjudication_rules as _adjudication_rules  # noqa: F401

# Every session keeps the dashboard's summary in step with the cases it changes.
from ipdesk.services import dashboard_summary as _dashboard_summary  # noqa: F401

# Every session refuses text no database can store before it flushes (see lookups).
from ipdesk.services import lookups as _lookups  # noqa: F401
