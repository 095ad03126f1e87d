"""Rendering: every word the tool writes, and every format it writes in.

Findings arrive as data; the message templates (``messages``) and the words
for numbers and intervals (``words``) turn them into sentences, and one
registry (``registry``) lists the report and graph formats the command line
offers. It may import the engine, the desk and the values; nothing below it
imports it.
"""

#: Rows per informational table in the text and Markdown reports (``--all``: every row).
LIMIT = 100
