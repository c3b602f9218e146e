"""The two exam profiles as a user meets them in the installed `advisor`: listed, measured, and
practised (an Associate exam simulation over Associate questions)."""

from __future__ import annotations

from fixtures_path import MLA_SCENARIOS
from installed.installed_run import Run


def test_both_profiles_are_listed_with_the_specialty_as_default(advisor: Run) -> None:
    listed = advisor("kb", "list", "exams")
    assert listed.returncode == 0, listed.stderr
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()[1:]}
    assert "default" in rows["mls_c01"] and "MLA-C01" in rows["mla_c01"]
    assert "default" not in rows["mla_c01"]


def test_associate_coverage_reports_its_own_task_statements(advisor: Run) -> None:
    covered = advisor("kb", "coverage", "--exam", "mla_c01")
    assert covered.returncode in (0, 1), covered.stderr
    out = covered.stdout
    assert out.startswith("AWS Certified Machine Learning Engineer") and "(MLA-C01)" in out.splitlines()[0]
    assert "Ensure data integrity and prepare data for modeling" in out
    assert "Frame business problems" not in out  # a Specialty task statement


def test_an_associate_exam_round_draws_both_domains(advisor: Run) -> None:
    practiced = advisor(
        "practice", "--exam", "mla_c01", "--mode", "exam", "--count", "4",
        "--scenarios", str(MLA_SCENARIOS), "--seed", "3", stdin="A\nB\nC\nD\n",
    )  # fmt: skip
    assert practiced.returncode == 0, practiced.stderr
    out = practiced.stdout
    assert "Data Preparation for Machine Learning (ML)" in out and "ML Model Development" in out
    assert out.rstrip().splitlines()[-1].startswith("Score: ")
    assert "72% needed" in out
