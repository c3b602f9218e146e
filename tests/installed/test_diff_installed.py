"""The installed `advisor diff`, run from a folder outside the checkout: a changed pick and its rules."""

from __future__ import annotations

import json
from pathlib import Path

from installed.installed_run import Run

SECONDS = """\
title: Clickstream scored within a second
answers:
  data_type: tabular
  data_arrival: streaming
  ingest_latency: sub_second
  ingest_source: app_events
  stream_destination: custom_consumers
"""


def test_accepting_minutes_instead_of_a_second_moves_ingestion_to_firehose(
    advisor: Run, outside: Path
) -> None:
    (outside / "seconds.yaml").write_text(SECONDS, encoding="utf-8")
    minutes = SECONDS.replace("sub_second", "minutes").replace("custom_consumers", "data_lake_s3")
    (outside / "minutes.yaml").write_text(minutes, encoding="utf-8")
    done = advisor("diff", "seconds.yaml", "minutes.yaml", "--format", "json", "--exit-code")
    assert done.returncode == 1, done.stderr  # something differs
    data = json.loads(done.stdout)
    assert {a["question"] for a in data["answers"]} >= {"ingest_latency", "stream_destination"}
    (ingestion,) = [p for p in data["picks"] if p["stage"] == "ingestion"]
    assert (ingestion["before"], ingestion["after"]) == (
        "amazon_kinesis_data_streams",
        "amazon_data_firehose",
    )
    excluded_before = {
        e["node"] for f in ingestion["only_before"] for e in f["effects"] if e["action"] == "exclude"
    }
    recommended_after = {
        e["node"] for f in ingestion["only_after"] for e in f["effects"] if e["action"] == "recommend"
    }
    assert "amazon_data_firehose" in excluded_before & recommended_after
    text = advisor("diff", "seconds.yaml", "minutes.yaml")
    assert text.returncode == 0
    assert "Data ingestion: Amazon Kinesis Data Streams → Amazon Data Firehose" in text.stdout
    page = advisor("diff", "seconds.yaml", "minutes.yaml", "--format", "html", "-o", "diff.html")
    assert page.returncode == 0
    assert "Picks that differ" in (outside / "diff.html").read_text(encoding="utf-8")
