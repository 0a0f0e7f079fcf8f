"""`python -m scoring_engine` runs the CLI."""

from ._entry import main

main()
