"""Where the test fixtures are (importable from tests because pytest puts tests/ on sys.path)."""

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_KB = FIXTURES / "kb"
FIXTURE_SCENARIOS = FIXTURES / "scenarios"
"""Practice questions over the fixture knowledge (two domains, six questions)."""
MLA_SCENARIOS = FIXTURES / "mla_scenarios"
"""Associate (mla_c01) practice questions: two of domain 1, two of domain 2."""
CHECK = FIXTURES / "check"
"""Design-check fixtures: CloudFormation mappings for the fixture knowledge, designs, templates."""
