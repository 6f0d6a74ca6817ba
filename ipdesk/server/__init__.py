"""``ipdesk-server``: the service layer over HTTPS for the desktops of the network.

No Qt here. :mod:`ipdesk.server.app` is the ASGI application (Starlette on uvicorn),
:mod:`ipdesk.server.main` the command, :mod:`ipdesk.server.tokens` the bearer tokens,
:mod:`ipdesk.server.changes` the change log and its push to the desktops.
"""
