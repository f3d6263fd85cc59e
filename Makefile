# Quầy Một Cửa — set-up, run and test on a fresh Debian 12 machine (as root, or with sudo).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Debian packages: Qt's runtime libraries (offscreen and under Xvfb), fonts, poppler and zbar
# for checking PDFs, binutils for PyInstaller, PostgreSQL (the tests start a throwaway cluster
# from its binaries; office mode), the sRGB profile of PDF/A scans (icc-profiles-free), SANE
# (libsane-dev: python-sane builds against it; its `test` backend is the tests' virtual scanner). See
# ../shared/ARCHITECTURE.md §3.
SYS_PKGS := libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 \
	libxkbcommon0 fonts-dejavu-core fonts-liberation2 xvfb xauth libxcb-cursor0 libxcb-icccm4 \
	libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 \
	libxcb-xkb1 libxkbcommon-x11-0 poppler-utils zbar-tools binutils postgresql icc-profiles-free libsane-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export LANG := C.UTF-8
export LC_ALL := C.UTF-8

.PHONY: run test sysdeps venv bench samples screenshots translations bundle clean office-demo

sysdeps:
	@missing=$$(for p in $(SYS_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		$(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,bundle]'
	$(PY) -m pip install -q -e '.[scanner]' || echo "python-sane did not build: no scanning through SANE (files and the scanner's folder still work)."
	@touch $@

venv: $(STAMP)

## Start the app on its embedded default database (user data directory).
run: sysdeps venv
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(VENV)/bin/counter-app; \
	else echo "No display found: starting on a virtual screen (xvfb-run)."; \
		xvfb-run -a -s "-screen 0 1366x800x24" $(VENV)/bin/counter-app; fi

## All tests, Qt ones offscreen.
test: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

## A throwaway local PostgreSQL cluster and two counters on it (README: "An office with several counters").
office-demo: sysdeps venv
	$(PY) tests/office_demo.py

bench: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

samples: sysdeps venv
	$(PY) -m printing.samples docs/samples

screenshots: sysdeps venv
	xvfb-run -a -s "-screen 0 1366x800x24" $(PY) -m ui.screenshots docs/screenshots

## Refresh the Vietnamese translation's sources from ui/ (edit it with Qt Linguist), then compile it.
translations: venv
	$(VENV)/bin/pyside6-lupdate $$(find ui -name '*.py' | sort) -ts resources/translations/counter_vi.ts -no-obsolete
	$(VENV)/bin/pyside6-lrelease resources/translations/counter_vi.ts resources/translations/qt_vi.ts \
		-qm resources/translations/counter_vi.qm

bundle: sysdeps venv
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec
	QT_QPA_PLATFORM=offscreen ./dist/counter-app/counter-app --smoke

clean:
	rm -rf build dist .pytest_cache
