"""``python -m sat_tool``: the same as the ``sat-tool`` command."""

import sys

from sat_tool.cli import main

sys.exit(main())
