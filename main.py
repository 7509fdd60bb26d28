"""Start SAT Tool from a checkout: ``python main.py`` opens the desktop application."""

import sys

from sat_tool.cli import main

if __name__ == "__main__":
    sys.exit(main())
