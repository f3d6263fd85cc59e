"""Reusable widgets of the counter screens (receive form, dossier list, detail)."""
