"""Synthetic demonstration data: ``ipdesk-admin demo``, ``ipdesk --demo`` (``./dev.sh app``),
the self-test, and the tests and benchmarks that need a populated database.

Only those entry points import this package; ``ipdesk.services``, ``ipdesk.models``,
``ipdesk.migrations`` and ``ipdesk.ui`` never do (an import contract). The generator
writes through the services (and, for its bulk of cases, around them with the same rows):

* :mod:`~ipdesk.demo.generator`: the cases, chunk by chunk, and the pipeline (:func:`generate`);
* :mod:`~ipdesk.demo.worker`: a chunk producer in a worker process (large loads);
* :mod:`~ipdesk.demo.load`: SQLite's load connection, without the secondary indexes;
* :mod:`~ipdesk.demo.records`: the mediation records (调解笔录) of a case;
* :mod:`~ipdesk.demo.links`, :mod:`~ipdesk.demo.followups`, :mod:`~ipdesk.demo.alerts`:
  the later stages (partner agencies, agreements, confirmations, visits, alerts);
* :mod:`~ipdesk.demo.adjudication`: patent-infringement cases of their own, adjudicated
  through every step of the track by the use cases of ``services/cases/adjudication.py``.
"""
