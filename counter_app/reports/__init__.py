"""Reports computed from the counter's own data (no Qt, no sync, no printing)."""
