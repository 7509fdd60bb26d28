"""``python -m sat_tool``: the same as the ``sat-tool`` command."""

from sat_tool.cli import run

run()
