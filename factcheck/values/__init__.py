"""Values: the grammar of value expressions, units, periods and intervals.

The lowest layer. It knows nothing of desks, files or findings: it reads a
text (``about 1 billion USD``, ``2023-H1``, a quote in French) and gives back
typed values. It may import ``factcheck.errors`` and ``factcheck.suggest``
only.
"""
