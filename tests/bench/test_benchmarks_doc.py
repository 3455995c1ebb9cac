"""docs/benchmarks.md is written by `make bench` (bench/bench.py) one configuration at a
time, around notes written by hand: a run replaces its own section and moves nothing else."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_script", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def section(title, body):
    return f"{title}\n\n{body}\n"


def titles(text):
    return [line for line in text.splitlines() if line.startswith("## ")]


def test_a_run_replaces_its_section_and_leaves_the_notes_where_they_are(bench, tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(
        bench.HEADER
        + "\n"
        + section("## 100,000 practices, page cache", "old large")
        + section("## 20,000 practices, nothing cached", "old small")
        + section("## Notes: the newest evening (2026-12-07)", "newest notes")
        + section("## Notes: an older afternoon (2026-12-05)", "older notes")
        + section(f"{bench.GROWTH_TITLE}, page cache", "growth")
    )

    bench.write_section(
        doc,
        "## 20,000 practices, nothing cached",
        section("## 20,000 practices, nothing cached", "new small"),
    )

    text = doc.read_text()
    assert titles(text) == [
        "## 100,000 practices, page cache",
        "## 20,000 practices, nothing cached",
        "## Notes: the newest evening (2026-12-07)",
        "## Notes: an older afternoon (2026-12-05)",
        f"{bench.GROWTH_TITLE}, page cache",
    ]
    assert "new small" in text and "old small" not in text
    assert "newest notes" in text and "older notes" in text


def test_a_first_run_of_a_configuration_joins_the_measured_sections(bench, tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(
        bench.HEADER
        + "\n"
        + section("## 100,000 practices, data cache", "large")
        + section("## 20,000 practices, page cache", "small")
        + section("## Notes: an evening", "notes")
    )

    bench.write_section(
        doc, "## 20,000 practices, data cache", section("## 20,000 practices, data cache", "x")
    )
    bench.write_section(
        doc, f"{bench.GROWTH_TITLE}, data cache", section(f"{bench.GROWTH_TITLE}, data cache", "g")
    )

    assert titles(doc.read_text()) == [
        "## 100,000 practices, data cache",
        "## 20,000 practices, data cache",
        "## 20,000 practices, page cache",
        "## Notes: an evening",
        f"{bench.GROWTH_TITLE}, data cache",
    ]
