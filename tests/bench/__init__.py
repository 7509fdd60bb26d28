"""`make bench`: speed and memory, measured side by side in one run (never asserted by the suite)."""
