"""Shared fixtures: small desks written to a temporary folder."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from factcheck import Finding, Report
from factcheck.render.messages import Phrasebook, Wording

REPO = Path(__file__).resolve().parent.parent
SEED_CLAIMS = REPO / "claims"

WORLD = """
units:
  GPU: {kind: count, aliases: [GPUs]}
metrics:
  spend: {name: Money spent, unit: currency, additive: true}
  units: {name: Units bought, unit: GPU, additive: true}
  price: {name: Average price, unit: currency/GPU}
  energy: {name: Energy, unit: GWh, additive: [subject, period]}
  launch: {name: Launch date, type: date}
  status: {name: Status, type: category, values: [restricted, unrestricted]}
relations:
  - spend = units * price
entities:
  market: {name: Market}
  group: {name: The group, members: [acme, globex], part_of: [market]}
  acme: {name: Acme Corp, aliases: [ACME Inc]}
  globex: {name: Globex}
  voltaris: {name: Voltaris}
  chip: {name: Chip, kind: product}
"""

SOURCES = """
sources:
  wire: {name: The Wire, kind: agency, aliases: [TW]}
  daily: {name: The Daily, kind: newspaper}
"""

MakeDesk = Callable[..., Path]


@pytest.fixture
def make_desk(tmp_path: Path) -> MakeDesk:
    """Write a desk: ``make_desk({"a.yaml": text, ...})`` -> the claims folder.

    The world above goes in claims/world.yaml and the sources in
    sources/sources.yaml unless the files given replace them.
    """

    def make(files: dict[str, str | bytes], world: bool = True) -> Path:
        claims = tmp_path / "claims"
        (tmp_path / "sources").mkdir(exist_ok=True)
        claims.mkdir(exist_ok=True)
        if world:
            (claims / "world.yaml").write_text(WORLD, encoding="utf-8")
            (tmp_path / "sources" / "sources.yaml").write_text(SOURCES, encoding="utf-8")
        for name, content in files.items():
            path = tmp_path / name if "/" in name else claims / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        return claims

    return make


# `HYPOTHESIS_PROFILE=thorough pytest` runs the property tests much longer.
settings.register_profile("thorough", max_examples=20_000, deadline=None)
settings.register_profile("default", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def said(report: Report, finding: Finding) -> Wording:
    """A finding in words, as every renderer shows it."""
    return Phrasebook(report).wording(finding)
