"""Where the test fixtures are (importable from tests because pytest puts tests/ on sys.path)."""

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_KB = FIXTURES / "kb"
FIXTURE_SCENARIOS = FIXTURES / "scenarios"
"""Practice questions over the fixture knowledge (two domains, six questions)."""
CHECK = FIXTURES / "check"
"""Design-check fixtures: CloudFormation mappings for the fixture knowledge, designs, templates."""
