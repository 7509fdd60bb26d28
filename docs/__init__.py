"""The manual: these pages, shipped inside the installed package as ``sat_tool.manual`` and shown
by Help ▸ Manual (F1)."""
