"""Editing case files without losing anything: the pure core behind new, event and renumber.

- ``newcase``: a new case with the next id (``ids``), rendered and checked before it is written;
- ``append``: one event added by text insertion (``insert``), values typed by the schema
  (``values``) and written safely on one line (``scalars``);
- ``renumber``: a new id for a case after an id clash between branches;
- ``guard``: the checks every edit passes before it is written; ``atomic``: the writing;
- ``commit``: ``--commit``, exactly the edited files.

Nothing here imports click: the CLI (``putright.cli.edit_cmd``) turns EditRefused and
GitError into ``complaints: file:line: message`` and exit 1.
"""
