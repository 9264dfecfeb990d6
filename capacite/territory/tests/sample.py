"""The small reference used by the tests (never the full file): 1 région, 2 départements,
2 EPCI, 7 communes (one without EPCI nor population)."""

import copy
import gzip
import json
from pathlib import Path

from capacite.territory.domain.reference import parse_reference
from capacite.territory.services import load_reference

SAMPLE = Path(__file__).parent / "data" / "territoires-2026-sample.json"


def sample_data() -> dict:
    return copy.deepcopy(json.loads(SAMPLE.read_text(encoding="utf-8")))


def write_sample(directory: Path, data: dict | None = None) -> Path:
    data = data if data is not None else sample_data()
    path = directory / f"territoires-{data['year']}.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)
    return path


def load_sample(data: dict | None = None):
    return load_reference(parse_reference(data if data is not None else sample_data()))
