"""PyInstaller entry: the same CLI as ``counter-app`` (no command starts the GUI)."""
import sys

from counter_cli.main import main

if __name__ == "__main__":
    sys.exit(main())
