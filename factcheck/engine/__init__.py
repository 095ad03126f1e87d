"""The engine: the scope index, the rules, and the runner that gives a ``Report``.

Rules read a desk through the scope index and yield findings as data (kinds,
claims, intervals, sums, assumptions as codes), never sentences. It may
import ``factcheck.desk``, ``factcheck.values``, ``factcheck.errors`` and
``factcheck.suggest``; never ``factcheck.render``.
"""
