"""The form editor for complaints officers: Decap CMS over the case repository.

``config`` makes admin/config.yml from the case schema; ``page`` the admin page and the files
``complaints cms config`` keeps current; ``packages`` installs the pinned npm packages into a
cache outside the repository; ``serve`` runs the editor on this computer.
"""
