"""Services: the operations the GUI and the CLI share. No Qt."""
