"""`factcheck schema`: a JSON Schema an editor completes article files with."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.desk.loader import load_for_editing
from factcheck.desk.yamlfile import read_yaml
from factcheck.render.schema import desk_schema

from .conftest import SEED_CLAIMS, MakeDesk

NUMBER = re.compile(r"-?\d+(\.\d+)?")


def as_a_language_server_reads(data: Any) -> Any:
    """YAML 1.2 as editors read it: numbers become numbers, everything else stays text."""
    if isinstance(data, dict):
        return {k: as_a_language_server_reads(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_a_language_server_reads(v) for v in data]
    if isinstance(data, str) and NUMBER.fullmatch(data):
        return float(data) if "." in data else int(data)
    return data


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = jsonschema.Draft7Validator(schema)
    return sorted(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    )


@pytest.fixture(scope="module")
def seed_schema() -> dict[str, Any]:
    schema = desk_schema(load_for_editing(SEED_CLAIMS))
    jsonschema.Draft7Validator.check_schema(schema)
    return schema


@pytest.mark.parametrize("file", sorted(SEED_CLAIMS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_seed_file_passes(seed_schema: dict[str, Any], file: Path) -> None:
    data, problems = read_yaml(file)
    assert not problems
    assert errors(seed_schema, data) == []
    assert errors(seed_schema, as_a_language_server_reads(data)) == []


def test_the_desks_ids_are_offered(seed_schema: dict[str, Any]) -> None:
    claim = seed_schema["properties"]["claims"]["items"]["properties"]
    metrics, subjects = claim["metric"]["anyOf"][0]["enum"], claim["subject"]["anyOf"][0]["enum"]
    assert metrics[:3] == ["ai_economic_value", "export_ban_start", "export_loss"]
    assert "bytedance" in subjects and "字节跳动" in subjects
    sources = claim["source"]["anyOf"][0]["enum"]
    assert {"financial-times", "FT", "fr-2023-08-nvidia-chine"} <= set(sources)
    outlet = seed_schema["properties"]["article"]["properties"]["outlet"]["anyOf"][0]["enum"]
    assert "fr-2023-08-nvidia-chine" not in outlet and "financial-times" in outlet
    assert "GPU" in claim["value"]["anyOf"][1]["properties"]["unit"]["anyOf"][0]["enum"]
    assert all("description" in field for field in claim.values())


def test_typos_fail(seed_schema: dict[str, Any]) -> None:
    article = {
        "article": {"outlet": "fr-outlet-000", "language": "english", "publshed": "2023-08"},
        "claims": [
            {"id": "c1", "source": "finacial-times", "subject": "bytedance",
             "metric": "gpu_spned", "value": "5 billion USD", "quote": "q", "modality": "forecast"},
            {"id": "c2", "subject": "bytedance", "metric": "gpu_spend", "vaule": 5, "quote": "q"},
        ],
    }  # fmt: skip
    found = errors(seed_schema, article)
    assert len(found) == 7
    assert "article/language: 'english' does not match" in found[0]
    assert found[1] == "article: Additional properties are not allowed ('publshed' was unexpected)"
    assert found[2].startswith("claims/0/metric: 'gpu_spned' is not valid under any")
    assert found[3].startswith("claims/0/modality: 'forecast' is not one of")
    assert found[4].startswith("claims/0/source: 'finacial-times' is not valid under any")
    assert found[5] == "claims/1: 'value' is a required property"
    assert found[6] == "claims/1: Additional properties are not allowed ('vaule' was unexpected)"


def test_a_desk_with_problems_still_gives_its_ids(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": "claims:\n  - id: broken\n    value: 5 parsecs\n"})
    schema = desk_schema(load_for_editing(claims))
    assert schema["properties"]["claims"]["items"]["properties"]["metric"]["anyOf"][0]["enum"] == [
        "energy", "launch", "price", "spend", "status", "units",
    ]  # fmt: skip


def test_the_command_prints_it_and_writes_it_outside_the_desk(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", str(SEED_CLAIMS)])
    assert result.exit_code == 0 and json.loads(result.stdout)["title"] == "factcheck desk file"
    out = tmp_path / "claims.schema.json"
    result = CliRunner().invoke(main, ["schema", str(SEED_CLAIMS), "-o", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text())["type"] == "object"
    inside = CliRunner().invoke(
        main, ["schema", str(SEED_CLAIMS), "-o", str(SEED_CLAIMS / "s.json")]
    )
    assert inside.exit_code == 2 and not (SEED_CLAIMS / "s.json").exists()
