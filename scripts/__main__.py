"""`python -m scripts …` runs the command-line entry."""

import sys

from scripts.cli import main

sys.exit(main())
