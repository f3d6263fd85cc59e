"""``python -m counter_cli``: the same as the ``counter-app`` command."""
import sys

from .main import main

sys.exit(main())
