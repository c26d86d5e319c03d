"""Optional compiled build of the entity extractor (everything else is in pyproject.toml).

``pip install .`` compiles the extractor's modules (MODULES) with mypyc and builds the C word
pass store/facts/_wordscan.c and store/_squeeze.c (a record's hashed text) when it can (less
CPU per imported article, same results) and installs the pure-Python package with a one-line warning when
it cannot (no C compiler, a mypy error, …): a failed compile never fails the install. Never
compiled: editable installs (``pip install -e``: a .so next to the .py would be imported
instead of the source being edited) and ``ARCHIVE_TUI_PURE=1``.
``store.facts.compiled()`` tells which build is in use.
"""

import os
import shutil
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

MODULES = ["store/facts/words.py", "store/facts/entities.py", "store/facts/textdates.py", "store/facts/numbers.py", "store/facts/extract.py", "store/facts/rows.py", "store/analysis.py"]
WORD_SCAN = Extension("store.facts._wordscan", ["store/facts/_wordscan.c"])
"""The word pass in C (store.facts.words falls back to its Python twin without it)."""
SQUEEZE = Extension("store._squeeze", ["store/_squeeze.c"])
"""The text of a record's content hash in C (store.records falls back to its Python form)."""
C_PARTS = [WORD_SCAN, SQUEEZE]
ONLY_C = "building only the C parts; the rest is pure Python"
MYPY_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent"]
COMPILED_BUILD = "build/mypyc"
"""Its own build directory: a later pure build must not pick up the .so files left in build/lib."""
BUILDS = {"bdist_wheel", "build", "build_ext"}
"""The commands that build an installable copy (pip install ., python -m build); not
egg_info/dist_info (metadata only) nor editable_wheel/develop (pip install -e)."""


class BuildFailed(Exception):
    """Compiling failed: install the pure-Python package instead."""


class OptionalBuildExt(build_ext):
    """build_ext whose failure (no compiler, a C error) falls back to the pure package."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # distutils' CCompilerError, DistutilsExecError, OSError …
            raise BuildFailed(f"{type(error).__name__}: {error}") from error


def warn(reason: str, fallback: str = "installing pure Python") -> None:
    """One line on stderr (pip shows a build's output with -v only: store.facts.compiled() tells)."""
    reason = " ".join(reason.split())
    reason = reason if len(reason) <= 100 else reason[:99] + "…"
    print(f"WARNING: archive-tui: entity extractor not compiled ({reason}); {fallback}", file=sys.stderr)


def wanted() -> bool:
    """Compile for a real build only, unless ARCHIVE_TUI_PURE=1 or an in-place (editable) build."""
    if os.environ.get("ARCHIVE_TUI_PURE", "") not in ("", "0"):
        return False
    args = set(sys.argv[1:])
    return bool(args & BUILDS) and not args & {"--inplace", "-i"}


def extensions() -> list:
    """The C parts and mypyc's extensions for MODULES (type-checks and writes the C now);
    the C parts alone when mypyc fails."""
    try:
        from mypyc.build import mypycify
    except ImportError as error:  # mypy missing (pip install --no-build-isolation without it)
        warn(f"mypyc not importable: {error}", ONLY_C)
        return C_PARTS
    try:
        return [*C_PARTS, *mypycify(MODULES + MYPY_OPTIONS, target_dir=f"{COMPILED_BUILD}/c", group_name="archive_tui_facts")]
    except SystemExit as error:  # mypyc exits after printing the type errors
        warn(f"mypyc failed: {error.code if isinstance(error.code, str) else 'the mypy errors above'}", ONLY_C)
    except Exception as error:
        warn(f"mypyc failed: {type(error).__name__}: {error}", ONLY_C)
    return C_PARTS


def clear_staged_packages() -> None:
    """Remove the package copies of earlier compiled builds in this tree: a .so of a module
    compiled then but not now (MODULES changed) would otherwise be packaged again."""
    for staged in Path(COMPILED_BUILD).glob("lib.*"):
        shutil.rmtree(staged, ignore_errors=True)


ext_modules = extensions() if wanted() else []
if ext_modules:
    clear_staged_packages()
    try:
        setup(
            ext_modules=ext_modules,
            cmdclass={"build_ext": OptionalBuildExt},
            options={"build": {"build_base": COMPILED_BUILD}},
        )
    except BuildFailed as error:
        warn(f"C build failed: {error}")
        setup()
else:
    setup()
