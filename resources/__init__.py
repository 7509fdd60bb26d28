"""The desktop files and icons, shipped inside the installed package as ``sat_tool.resources``."""
