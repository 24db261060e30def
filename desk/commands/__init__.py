"""Subcommands of ``desk``: each module here defines ``register(subparsers)`` and is found automatically."""
