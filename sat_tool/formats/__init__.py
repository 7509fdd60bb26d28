"""File formats: the case bundle, Excel workbooks, PARC ACH projects, CSV, source files.

No Qt and no ORM here.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""
