"""How the app looks where a look carries meaning: a disabled form's empty fields must not read as values."""
from __future__ import annotations

import pytest


def _darkest(widget) -> int:  # type: ignore[no-untyped-def]
    """The darkest grey in the field's text area: how strongly its text reads."""
    image = widget.grab().toImage()
    return min(image.pixelColor(x, y).lightness()
               for x in range(4, image.width() - 4) for y in range(4, image.height() - 4))


@pytest.fixture
def app_look(qapp):  # type: ignore[no-untyped-def]
    """The app's look for one test; the others keep Qt's own palette."""
    from ui import look
    before = qapp.palette()
    look.set_up(qapp)
    yield
    qapp.setPalette(before)


def test_a_disabled_fields_placeholder_is_lighter_than_a_disabled_fields_value(qtbot, app_look):
    """After a save the form is disabled: "Lý do miễn" (a hint) was darker than the typed values."""
    from PySide6.QtWidgets import QLineEdit
    hint, value = QLineEdit(), QLineEdit()
    hint.setPlaceholderText("Lý do miễn")
    value.setText("Lý do miễn")
    for field in (hint, value):
        qtbot.addWidget(field)
        field.setEnabled(False)
        field.resize(200, 28)
        field.show()
        qtbot.waitExposed(field)
    assert _darkest(hint) > _darkest(value)


def test_the_app_sets_its_look_up_when_it_starts(monkeypatch):
    from ui import app, look
    calls = []
    monkeypatch.setattr(look, "set_up", lambda application: calls.append(application))
    assert app.run(smoke=True) == 0
    assert len(calls) == 1
