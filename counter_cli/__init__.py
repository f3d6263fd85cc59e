"""The admin command line (``counter-app``)."""
