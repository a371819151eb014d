"""`python -m cli` runs the `jobmate` command."""

import sys

from cli import main

sys.exit(main())
