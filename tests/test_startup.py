"""A command starts without importing what it does not use, and the caches it keeps
outside the desk are never trusted when they cannot be read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import SEED_CLAIMS

HEAVY = ("networkx", "pint", "jinja2", "tabulate", "prov", "orjson", "yaml")


def _fresh(code: str, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={**os.environ, **env},
    )  # fmt: skip
    return done.stdout


def test_the_command_line_imports_no_heavy_library_before_a_command_runs() -> None:
    loaded = json.loads(_fresh(
        "import sys, json\nfrom factcheck.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    ).splitlines()[-1])  # fmt: skip
    assert loaded == []


def test_the_package_imports_what_a_name_needs_when_it_is_first_used() -> None:
    out = _fresh(
        "import sys, factcheck\nbefore = 'factcheck.engine.runner' in sys.modules\n"
        "factcheck.reconcile\nprint(before, 'factcheck.engine.runner' in sys.modules)"
    )
    assert out.split() == ["False", "True"]


def test_validating_the_seed_desk_imports_neither_networkx_nor_the_renderers() -> None:
    loaded = json.loads(_fresh(
        "import sys, json, factcheck\n"
        f"assert factcheck.validate({str(SEED_CLAIMS)!r}) == []\n"
        "print(json.dumps([m for m in ('networkx', 'jinja2', 'tabulate') if m in sys.modules]))"
    ))  # fmt: skip
    assert loaded == []


def test_a_corrupt_unit_cache_is_ignored_and_made_again(tmp_path: Path) -> None:
    code = (
        "import factcheck\n"
        f"desk = factcheck.load({str(SEED_CLAIMS)!r})\n"
        "print(desk.claim('ft-a800-units-2023').value.unit)"
    )
    assert _fresh(code, FACTCHECK_CACHE_DIR=str(tmp_path)).strip() == "GPU"
    entries = sorted((tmp_path / "pint").iterdir())
    assert entries  # pint's parsed definitions were kept there, and nowhere in the desk
    for entry in entries:
        entry.write_bytes(b"\x80\x04 not a pickle")
    assert _fresh(code, FACTCHECK_CACHE_DIR=str(tmp_path)).strip() == "GPU"
    remade = sorted((tmp_path / "pint").iterdir())
    assert [e.name for e in remade] == [e.name for e in entries]  # made again, readable
    assert all(not e.read_bytes().startswith(b"\x80\x04 not") for e in remade)
    assert _fresh(code, FACTCHECK_CACHE_DIR=str(tmp_path)).strip() == "GPU"


def test_no_cache_is_written_when_caching_is_off(tmp_path: Path) -> None:
    code = f"import factcheck\nprint(len(factcheck.load({str(SEED_CLAIMS)!r}).claims))"
    out = _fresh(code, FACTCHECK_CACHE_DIR=str(tmp_path), FACTCHECK_NO_CACHE="1")
    assert out.strip() == "23" and not any(tmp_path.iterdir())


def test_render_and_batch_stay_functions_whatever_is_imported_first() -> None:
    out = _fresh(
        "import factcheck.render.registry, factcheck.batch, factcheck\n"
        "print(callable(factcheck.render), callable(factcheck.batch))"
    )
    assert out.split() == ["True", "True"]


def test_the_no_cache_option_writes_no_cache(tmp_path: Path) -> None:
    code = f"from factcheck.cli import main\nmain(['--no-cache', 'validate', {str(SEED_CLAIMS)!r}])"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True,
        env={**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0 and "no problems" in done.stdout
    assert not any(tmp_path.iterdir())
