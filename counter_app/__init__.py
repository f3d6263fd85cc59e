"""Quầy Một Cửa core: domain model, SQLite store, one-stop rules and services. Never imports Qt."""

__version__ = "0.1.0"
