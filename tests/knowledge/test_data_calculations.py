"""The shipped data-engineering formulas on documented numbers: Kinesis shard count (AWS's sizing
formula: shards = max(write KiB/s / 1024, read KiB/s / 2048), read = write x consumers, and 1,000
records/s per shard), the capacity mode it feeds, and the days a network copy takes."""

from __future__ import annotations

from typing import Any

import pytest
from derivations import derived

from advisor.engine.engine import Engine

KINESIS = {"ingestion": frozenset({"amazon_kinesis_data_streams"})}


def stream(**answers: Any) -> dict[str, Any]:
    return {"data_arrival": "streaming", "ingest_latency": "sub_second", **answers}


def test_shared_reads_of_three_consumers_set_the_shard_count(engine: Engine) -> None:
    """5,000 records/s of 2 KB: writes of 10,000 KiB/s need 9.8 shards, reads by three standard
    consumers (30,000 KiB/s) need 14.6, so the documented formula gives 15 shards."""
    answers = {"stream_records_per_second": 5000, "stream_record_kb": "2 KB", "stream_consumer_count": 3}
    design = {**KINESIS, "stream_consumers": frozenset({"kinesis_shared_throughput"})}
    result = engine.run(answers, design=design, compare_lenses=False)
    assert derived(result, "stream_write_mb_s") == pytest.approx(10_000 / 1024)
    assert derived(result, "stream_shards_needed") == 15
    one_reader = engine.run(
        stream(stream_records_per_second=5000, stream_record_kb="2 KB"), compare_lenses=False
    )
    assert one_reader.top("stream_consumers") == "kinesis_shared_throughput"
    assert derived(one_reader, "stream_shards_needed") == 10  # one consumer's 9.8 MB/s fit 5 shards' reads


def test_enhanced_fan_out_leaves_only_the_writes_to_size(engine: Engine) -> None:
    """With enhanced fan-out each consumer has its own 2 MB/s per shard: 10 shards for the writes."""
    answers = stream(
        stream_records_per_second=5000,
        stream_record_kb="2 KB",
        stream_consumer_count=3,
        stream_fan_out="several_consumers",
    )
    result = engine.run(answers, compare_lenses=False)
    assert result.top("ingestion") == "amazon_kinesis_data_streams"
    assert result.top("stream_consumers") == "kinesis_enhanced_fan_out"
    assert derived(result, "stream_shards_needed") == 10


def test_small_records_are_sized_by_the_record_limit(engine: Engine) -> None:
    """4,500 records/s of 100 bytes are only 0.44 MB/s, but a shard takes 1,000 records/s: 5 shards."""
    result = engine.run(stream(stream_records_per_second=4500, stream_record_kb=0.1), compare_lenses=False)
    assert derived(result, "stream_shards_needed") == 5


@pytest.mark.parametrize(
    ("traffic", "mode"),
    [
        ("steady_predictable", "kinesis_provisioned_mode"),
        ("variable_unpredictable", "kinesis_on_demand_mode"),
    ],
)
def test_capacity_mode_follows_how_forecastable_the_traffic_is(
    engine: Engine, traffic: str, mode: str
) -> None:
    answers = stream(stream_records_per_second=5000, stream_record_kb="2 KB", stream_traffic_pattern=traffic)
    assert engine.run(answers, compare_lenses=False).top("stream_capacity") == mode


def test_a_stream_below_its_computed_shard_count_is_diagnosed(engine: Engine) -> None:
    answers = {"stream_records_per_second": 3000, "stream_record_kb": "1 KB", "stream_current_shards": 2}
    result = engine.run(answers, design=KINESIS, compare_lenses=False)
    assert derived(result, "stream_shards_needed") == 3
    (diagnosis,) = [d for d in result.diagnoses if d.symptom == "stream_current_shards"]
    assert [fix.node for fix in diagnosis.fixes] == ["kinesis_resharding"]
    assert result.top("stream_capacity") == "kinesis_resharding"


FILES = {"data_arrival": "batch", "ingest_source": "on_premises_files", "transfer_recurrence": "one_time"}


def test_a_network_copy_past_the_deadline_goes_offline(engine: Engine) -> None:
    """500 TB over 1 Gbps: 500 x 8,000,000 Mbit / 1,000 Mbit/s = 4,000,000 s = 46.3 days > 14."""
    answers = {
        **FILES,
        "transfer_dataset_tb": "500 TB",
        "transfer_bandwidth_mbps": "1 Gbps",
        "transfer_deadline_days": 14,
    }
    exam = engine.run(answers, "exam", compare_lenses=False)
    assert derived(exam, "transfer_network_days") == pytest.approx(46.3)
    assert exam.top("ingestion") == "aws_snowball_edge"
    assert "aws_datasync" in {e.node for e in exam.stage("ingestion").exclusions}  # type: ignore[union-attr]
    assert (
        engine.run(answers, "current", compare_lenses=False).top("ingestion") == "aws_data_transfer_terminal"
    )


def test_a_network_copy_that_fits_stays_online(engine: Engine) -> None:
    """50 TB over 1 Gbps take 4.6 days, within 14: AWS DataSync over the existing link."""
    answers = {
        **FILES,
        "transfer_dataset_tb": "50 TB",
        "transfer_bandwidth_mbps": "1 Gbps",
        "transfer_deadline_days": 14,
    }
    result = engine.run(answers, compare_lenses=False)
    assert derived(result, "transfer_network_days") == pytest.approx(4.6)
    assert result.top("ingestion") == "aws_datasync"
    assert result.top("transfer_network") == "datasync_over_internet"
