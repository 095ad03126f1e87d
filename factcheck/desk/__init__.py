"""The desk: files to a typed, checked ``Desk``.

Reads claim files and source records (YAML, CSV, archived texts), resolves
names, reports every problem at once, and builds frozen records
(``factcheck.desk.model``). It may import ``factcheck.values``,
``factcheck.errors`` and ``factcheck.suggest``; never the engine or rendering.
"""
