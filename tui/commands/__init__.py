"""The archive-tui sub-commands: one module each, each with ``register(subparsers)``.

A command module registers its parser and sets ``func`` (``func(args, archive) -> int``)
as the parser default; the CLI opens the archive and calls it.
"""

COMMANDS = ["importing", "export", "search", "show", "stats", "facts", "entity", "related", "bookmarks", "launch"]
"""Sub-command modules of this package, in the order ``--help`` lists them."""
