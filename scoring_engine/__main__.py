"""`python -m scoring_engine` runs the CLI."""

from .cli import main

main()
