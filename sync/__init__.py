"""Sync with the National Public Service Portal: contract, client, engine, simulator. No Qt."""
