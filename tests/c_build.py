"""Compiling one of the package's C files the way `pip install .` would, for tests that run
it beside its Python twin (skipped without a C compiler or Python's headers)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sysconfig
from pathlib import Path
from types import ModuleType

import pytest


def built_module(source: Path, directory: Path) -> ModuleType:
    """``source`` (module name: its stem) compiled into ``directory`` with the C compiler Python
    was built with, warnings as errors, and loaded."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()
    include = sysconfig.get_paths()["include"]
    if not Path(include, "Python.h").exists():
        pytest.skip("no Python headers to compile against")
    name = source.stem
    target = directory / f"{name}{sysconfig.get_config_var('EXT_SUFFIX')}"
    try:
        done = subprocess.run(
            [*compiler, "-O2", "-shared", "-fPIC", "-Wall", "-Werror", f"-I{include}", str(source), "-o", str(target)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    except FileNotFoundError:
        pytest.skip(f"no C compiler ({compiler[0]})")
    assert done.returncode == 0, done.stderr
    loader = importlib.machinery.ExtensionFileLoader(name, str(target))
    spec = importlib.util.spec_from_loader(name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module
