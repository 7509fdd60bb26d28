"""The prebuilt cases, shipped inside the installed package as ``sat_tool.cases``."""
