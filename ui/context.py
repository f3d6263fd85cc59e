"""What every screen gets: the store, who is logged in, the office, and the task runner.

Screens never touch the database on the GUI thread for anything that may take time; they hand
a plain function to ``context.tasks`` and get the result back on the GUI thread.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter_app.models import Actor, Office
from counter_app.store import Store

if TYPE_CHECKING:
    from .tasks import TaskRunner


@dataclass
class AppContext:
    store: Store
    actor: Actor
    office: Office
    tasks: TaskRunner
