"""File formats: the JSON case bundle and the Excel workbook. No Qt, no ORM."""
