"""The modules that `pip install .` compiles with mypyc must type-check: a type error there
would quietly give a slower, pure-Python install (setup.py falls back rather than fail)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPILED = ["store/facts/words.py", "store/facts/entities.py", "store/facts/textdates.py", "store/facts/numbers.py", "store/facts/extract.py", "store/facts/rows.py", "store/analysis.py"]


def test_the_compiled_modules_type_check() -> None:
    pytest.importorskip("mypy")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_compiled_module_shadows_the_sources_being_edited() -> None:
    """From a checkout (pip install -e, CI) the facts modules run from their .py files: a
    stale .so next to them would be imported instead and silently ignore every edit."""
    import store.facts

    if not Path(store.facts.__file__).resolve().is_relative_to(ROOT):
        pytest.skip("store is imported from an installed build, not this checkout")
    assert store.facts.compiled() is False
    assert sorted(path.name for path in (ROOT / "store").rglob("*.so")) == []
