"""The remote boundary: named service calls, the values on the wire, the client.

* :mod:`ipdesk.remote.calls` — a :class:`~ipdesk.remote.calls.Call` names a registered
  service function and its arguments; ``EXPOSED`` lists every function a desk may call
  (read or write, and the parameters the server supplies itself); ``run_local`` runs one.
* :mod:`ipdesk.remote.codec` — JSON encoding of arguments, results and refusals, with an
  allow-list of the types decoding may build (the server decodes untrusted input).
* :mod:`ipdesk.remote.client` — the desktop's HTTPS client of ``ipdesk-server``.

Nothing here imports Qt: the server and the command line use it too.
"""
